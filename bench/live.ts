/**
 * Live-feed scaling: what one more event costs as a stream grows (store append, live(), corrections,
 * frames). Every event is fresh (parsed from NDJSON for each round), every ratio is measured
 * interleaved in one process, and every row prints its median with the interquartile range.
 * `node --expose-gc --import tsx bench/live.ts` (add `--write` to record docs/benchmarks.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Subject } from 'rxjs';
import { buildFrames, fold, live, toNdjson, withHistory, type MatchEvent } from '../src/index.js';
import { parseStream } from '../src/events/index.js';
import { importStatsBomb, type SbEvent, type SbLineupTeam } from '../src/import/statsbomb/index.js';
import { MemoryEventStore } from '../src/store/index.js';

const ROOT = join(import.meta.dirname, '..');
const WRITE = process.argv.includes('--write');
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 7);
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

/** Median and interquartile range of samples. */
function stats(xs: number[]): { median: number; iqr: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]!;
  return { median: q(0.5), iqr: q(0.75) - q(0.25) };
}
const fmt = (x: { median: number; iqr: number }, digits = 1) =>
  `${x.median.toFixed(digits)} (IQR ${x.iqr.toFixed(digits)})`;
/** Fresh events: parsed from NDJSON, as a user's file or feed gives them. */
const fresh = (ndjson: string): MatchEvent[] => parseStream(ndjson);

/* ---------- data ---------- */

const SB = join(ROOT, 'test/fixtures/statsbomb');
const sb = importStatsBomb({
  events: JSON.parse(readFileSync(join(SB, 'events/15986.json'), 'utf8')) as SbEvent[],
  lineups: JSON.parse(readFileSync(join(SB, 'lineups/15986.json'), 'utf8')) as SbLineupTeam[],
  fixture: { home: 'Barcelona', kickoff: '2021-06-11T19:00:00Z' },
  keepActions: true,
}).events;
// The one event the engine rejects in strict mode (a provider time stamp out of order) is left out.
const bad = new Set(fold(sb, undefined, { mode: 'lenient' }).warnings.map((w) => w.index));
const match = sb.filter((_, i) => !bad.has(i));
const matchNdjson = toNdjson(match);

/**
 * A long synthetic stream on the real match's fixture and line-ups: `n` events in the first half,
 * mostly actions, a goal every 50 events, and (with `corrections`) every 100th event an amendment
 * re-crediting the latest goal to another starter.
 */
function longStream(n: number, corrections: boolean): MatchEvent[] {
  const head = match.slice(0, match.findIndex((e) => e.type === 'periodStarted') + 1);
  const lineups = head.find((e) => e.type === 'lineups')!;
  const starters = lineups.type === 'lineups' ? lineups.home.starting.map((p) => p.id) : [];
  const out: MatchEvent[] = [...head];
  let goal: string | null = null;
  for (let i = out.length; i < n; i++) {
    const at = { period: 1, ms: i * 10 };
    if (corrections && goal && i % 100 === 0) {
      out.push({
        id: `c${i}`,
        type: 'eventAmended',
        at,
        target: goal,
        patch: { scorer: starters[(i / 100) % starters.length]! },
        reason: 'goalPanel',
      });
    } else if (i % 50 === 25) {
      goal = `g${i}`;
      out.push({
        id: goal,
        type: 'goal',
        at,
        team: 'home',
        scorer: starters[1]!,
        scorerTeam: 'home',
        penalty: false,
        ownGoal: false,
      });
    } else out.push({ id: `a${i}`, type: 'action', at, team: 'home', kind: 'Pass' });
  }
  return out;
}

/* ---------- append one event at a time, against the stream's length ---------- */

async function appendCurve(): Promise<void> {
  say('\n### Store append, one event at a time (MemoryEventStore)\n');
  say('| stored events | µs an append, median (IQR) of ' + ROUNDS + ' rounds of 200 appends |');
  say('| ---: | ---: |');
  const sizes = [100, 1_000, 10_000, 50_000];
  const ndjson = toNdjson(longStream(50_000 + 200 * ROUNDS + 10, false));
  const results: number[] = [];
  for (const size of sizes) {
    const events = fresh(ndjson);
    const store = new MemoryEventStore();
    await store.append('live', events.slice(0, size));
    const samples: number[] = [];
    let i = size;
    for (let r = 0; r < ROUNDS; r++) {
      collect();
      const t = performance.now();
      for (let k = 0; k < 200; k++) await store.append('live', [events[i++]!]);
      samples.push(((performance.now() - t) * 1000) / 200);
    }
    const s = stats(samples);
    results.push(s.median);
    say(`| ${size.toLocaleString('en')} | ${fmt(s)} |`);
  }
  const slope = (results.at(-1)! - results[0]!) / (sizes.at(-1)! - sizes[0]!);
  say(
    `\nAt 50,000 stored events an append costs **${(results.at(-1)! / results[0]!).toFixed(2)}x** the append at 100 (target ≤ 2x); slope ${(slope * 1000).toFixed(3)} µs per 1,000 stored events.`,
  );

  // The real match, event by event, against the same fresh events in one append (interleaved).
  const one: number[] = [];
  const each: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const side of r % 2 === 0 ? ['each', 'one'] : ['one', 'each']) {
      const events = fresh(matchNdjson);
      const store = new MemoryEventStore();
      collect();
      const t = performance.now();
      if (side === 'one') await store.append('m', events);
      else for (const e of events) await store.append('m', [e]);
      (side === 'one' ? one : each).push(performance.now() - t);
    }
  }
  const ratio = each.map((x, i) => x / one[i]!);
  say(
    `\nStatsBomb 15986 (${match.length.toLocaleString('en')} events with its actions): one append ${fmt(stats(one))} ms, event by event ${fmt(stats(each))} ms: **${stats(ratio).median.toFixed(2)}x** (IQR ${stats(ratio).iqr.toFixed(2)}; target ≤ 3x).`,
  );
}

/* ---------- live(): per-event cost after catching up ---------- */

function liveCurve(): void {
  say('\n### live(): one frame per new event, after catching up on a stored past\n');
  say('| past events | µs a new event, median (IQR) of ' + ROUNDS + ' rounds of 200 events |');
  say('| ---: | ---: |');
  const sizes = [100, 1_000, 10_000, 50_000];
  const ndjson = toNdjson(longStream(50_000 + 200 * ROUNDS + 10, false));
  const results: number[] = [];
  for (const size of sizes) {
    const events = fresh(ndjson);
    const next = new Subject<MatchEvent>();
    let frames = 0;
    const sub = live(withHistory(events.slice(0, size), next)).subscribe(() => frames++);
    const samples: number[] = [];
    let i = size;
    for (let r = 0; r < ROUNDS; r++) {
      collect();
      const t = performance.now();
      for (let k = 0; k < 200; k++) next.next(events[i++]!);
      samples.push(((performance.now() - t) * 1000) / 200);
    }
    sub.unsubscribe();
    const s = stats(samples);
    results.push(s.median);
    say(`| ${size.toLocaleString('en')} | ${fmt(s)} |`);
  }
  say(
    `\nAt 50,000 past events a live frame costs **${(results.at(-1)! / results[0]!).toFixed(2)}x** the frame at 100 (target: flat).`,
  );
}

/* ---------- corrections ---------- */

function correctionsCurve(): void {
  say('\n### Corrections: a 1% rate of scorer re-credits, folded from fresh events\n');
  say('| events | without corrections ms | with 1% corrections ms | ratio (IQR) |');
  say('| ---: | ---: | ---: | ---: |');
  for (const n of [10_000, 30_000, 100_000]) {
    const plain = toNdjson(longStream(n, false));
    const corrected = toNdjson(longStream(n, true));
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const side of r % 2 === 0 ? ['a', 'b'] : ['b', 'a']) {
        const events = fresh(side === 'a' ? plain : corrected);
        collect();
        const t = performance.now();
        fold(events);
        (side === 'a' ? a : b).push(performance.now() - t);
      }
    }
    const ratio = stats(b.map((x, i) => x / a[i]!));
    say(
      `| ${n.toLocaleString('en')} | ${fmt(stats(a))} | ${fmt(stats(b))} | **${ratio.median.toFixed(2)}x** (${ratio.iqr.toFixed(2)}) |`,
    );
  }
  // 10,000 amendments of one goal (an attacker alternating its assist), opened in one go.
  const base = longStream(200, false);
  const goal = base.find((e) => e.type === 'goal')!;
  const sheet = base.find((e) => e.type === 'lineups')!;
  const who = sheet.type === 'lineups' ? sheet.home.starting.map((p) => p.id) : [];
  const attack = [...base];
  for (let i = 0; i < 10_000; i++)
    attack.push({
      id: `x${i}`,
      type: 'eventAmended',
      at: { period: 1, ms: 10_000 + i },
      target: goal.id,
      patch: { assist: who[3 + (i % 2)]! },
      reason: 'other',
    });
  const attackNdjson = toNdjson(attack);
  const open: number[] = [];
  for (let r = 0; r < 3; r++) {
    const events = fresh(attackNdjson);
    collect();
    const t = performance.now();
    fold(events);
    open.push(performance.now() - t);
  }
  say(
    `\nOpening a stream with 10,000 amendments of one goal: ${fmt(stats(open), 0)} ms (target < 1,000 ms).`,
  );
}

/** A goal and its re-credit appended to a stored stream of growing length, one append each. */
async function recreditCurve(): Promise<void> {
  say(
    '\n| stored events | µs for a re-credit append (the goal just before it), median (IQR) | µs for a plain action append |',
  );
  say('| ---: | ---: | ---: |');
  for (const n of [1_000, 10_000, 50_000]) {
    const events = fresh(toNdjson(longStream(n, false)));
    const sheet = events.find((e) => e.type === 'lineups')!;
    const who = sheet.type === 'lineups' ? sheet.home.starting.map((p) => p.id) : [];
    const store = new MemoryEventStore();
    await store.append('s', events);
    const amend: number[] = [];
    const action: number[] = [];
    for (let r = 0; r < ROUNDS * 5; r++) {
      const ms = n * 10 + r * 100;
      await store.append('s', [
        {
          id: `rg${r}`,
          type: 'goal',
          at: { period: 1, ms },
          team: 'home',
          scorer: who[1]!,
          scorerTeam: 'home',
          penalty: false,
          ownGoal: false,
        },
      ]);
      collect();
      let t = performance.now();
      await store.append('s', [
        {
          id: `ra${r}`,
          type: 'eventAmended',
          at: { period: 1, ms: ms + 1 },
          target: `rg${r}`,
          patch: { scorer: who[2]! },
          reason: 'goalPanel',
        },
      ]);
      amend.push((performance.now() - t) * 1000);
      t = performance.now();
      await store.append('s', [
        { id: `rx${r}`, type: 'action', at: { period: 1, ms: ms + 2 }, team: 'home', kind: 'Pass' },
      ]);
      action.push((performance.now() - t) * 1000);
    }
    say(`| ${n.toLocaleString('en')} | ${fmt(stats(amend))} | ${fmt(stats(action))} |`);
  }
}

/* ---------- frames ---------- */

function framesRows(): void {
  say('\n### Frames of a provider match (StatsBomb 15986 with its actions), from fresh events\n');
  const fold1: number[] = [];
  const minute: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const side of r % 2 === 0 ? ['f', 'm'] : ['m', 'f']) {
      const events = fresh(matchNdjson);
      collect();
      const t = performance.now();
      if (side === 'f') fold(events);
      else buildFrames(events);
      (side === 'f' ? fold1 : minute).push(performance.now() - t);
    }
  }
  const ratio = stats(minute.map((x, i) => x / fold1[i]!));
  say(
    `A frame per minute: ${fmt(stats(minute))} ms against one fold ${fmt(stats(fold1))} ms: **${ratio.median.toFixed(2)}x** (IQR ${ratio.iqr.toFixed(2)}; target ≤ 3x).`,
  );
  say('\n| events | a frame per event ms (IQR) | µs an event | retained heap MB |');
  say('| ---: | ---: | ---: | ---: |');
  for (const n of [match.length, 10_000, 40_000]) {
    const ndjson = n === match.length ? matchNdjson : toNdjson(longStream(n, false));
    const times: number[] = [];
    let heap = 0;
    for (let r = 0; r < Math.min(ROUNDS, 5); r++) {
      const events = fresh(ndjson);
      collect();
      const before = process.memoryUsage().heapUsed;
      const t = performance.now();
      const frames = buildFrames(events, { step: 'event' });
      times.push(performance.now() - t);
      collect();
      heap = (process.memoryUsage().heapUsed - before) / 1e6;
      void frames.length;
    }
    const s = stats(times);
    say(
      `| ${n.toLocaleString('en')} | ${fmt(s)} | ${((s.median * 1000) / n).toFixed(2)} | ${heap.toFixed(1)} |`,
    );
  }
  say('\nRetained heap: the frames and the events they hold (the events alone are part of it).');
}

say(
  `Run of ${new Date().toISOString().slice(0, 16)} UTC on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; the machine was shared with seven other engineers' test runs.`,
);
await appendCurve();
liveCurve();
correctionsCurve();
await recreditCurve();
framesRows();

if (WRITE) {
  const doc = readFileSync(join(ROOT, 'docs/benchmarks.md'), 'utf8');
  const start = doc.indexOf('<!-- live -->');
  const end = doc.indexOf('<!-- /live -->');
  const block = `<!-- live -->\n${lines.join('\n')}\n<!-- /live -->`;
  writeFileSync(
    join(ROOT, 'docs/benchmarks.md'),
    start === -1
      ? `${doc}\n${block}\n`
      : doc.slice(0, start) + block + doc.slice(end + '<!-- /live -->'.length),
  );
  console.log('wrote docs/benchmarks.md');
}
