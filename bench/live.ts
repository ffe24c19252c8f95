/**
 * Live-feed scaling: what one more event costs as a stream grows (evolve, live(), store append,
 * corrections, frames), each against a plain hand-written baseline (bench/baseline.ts) computing the
 * same outputs. Every round parses fresh events from NDJSON, matchline and the baseline alternate
 * which goes first, and every row prints its median with the interquartile range.
 * `node --expose-gc --import tsx bench/live.ts` (add `--write` to record docs/benchmarks.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { map, Subject } from 'rxjs';
import {
  buildFrames,
  createState,
  evolve,
  fold,
  live,
  toNdjson,
  withHistory,
  type MatchEvent,
  type MatchState,
} from '../src/index.js';
import { parseStream } from '../src/events/index.js';
import { importStatsBomb, type SbEvent, type SbLineupTeam } from '../src/import/statsbomb/index.js';
import { MemoryEventStore } from '../src/store/index.js';
import { bareValidators, plainEvolve, plainState, plainStep, type PlainState } from './baseline.js';
import { stats } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const WRITE = process.argv.includes('--write');
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 7);
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.split('=')[1]
  ?.split(',');
const wanted = (part: string) => !ONLY || ONLY.includes(part);
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

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
 * A long stream on the real match: its fixture, line-ups and kick-off, then `n` first-half events
 * cycling through the match's own actions (each with a new id and instant), a goal every 50 events,
 * and (with `corrections`) every 100th event an amendment re-crediting the latest goal.
 */
const realActions = match.filter((e) => e.type === 'action');
const head = match.slice(0, match.findIndex((e) => e.type === 'periodStarted') + 1);
const sheet = head.find((e) => e.type === 'lineups')!;
const starters = sheet.type === 'lineups' ? sheet.home.starting.map((p) => p.id) : [];
const goalAt = (id: string, ms: number): MatchEvent => ({
  id,
  type: 'goal',
  at: { period: 1, ms },
  team: 'home',
  scorer: starters[1]!,
  scorerTeam: 'home',
  penalty: false,
  ownGoal: false,
});
const recredit = (id: string, target: string, ms: number, k: number): MatchEvent => ({
  id,
  type: 'eventAmended',
  at: { period: 1, ms },
  target,
  patch: { scorer: starters[2 + (k % 8)]! },
  reason: 'goalPanel',
});
const actionAt = (id: string, ms: number, k: number): MatchEvent => ({
  ...realActions[k % realActions.length]!,
  id,
  at: { period: 1, ms },
});

function longStream(n: number, corrections: boolean): MatchEvent[] {
  const out: MatchEvent[] = [...head];
  let goal: string | null = null;
  for (let i = out.length; i < n; i++) {
    const ms = i * 10;
    if (corrections && goal && i % 100 === 0) out.push(recredit(`c${i}`, goal, ms, i / 100));
    else if (i % 50 === 25) out.push(goalAt((goal = `g${i}`), ms));
    else out.push(actionAt(`a${i}`, ms, i));
  }
  return out;
}

/* ---------- per-event cost against the events so far ---------- */

/** One side of a comparison: set up on the first `n` events (untimed), then take one more. */
interface Side {
  setup(events: readonly MatchEvent[]): Promise<void> | void;
  step(event: MatchEvent): Promise<void> | void;
  /** Score and goal scorers (in order) after the last step, to check both sides agree. */
  outcome(): string | Promise<string>;
}

/** The tail every path is timed on: K events after the prefix; with `recredits`, goal + re-credit pairs. */
function tail(n: number, recredits: boolean): { events: MatchEvent[]; timed: boolean[] } {
  const events: MatchEvent[] = [];
  const timed: boolean[] = [];
  for (let k = 0; k < K; k++) {
    const ms = (n + 2 * k) * 10;
    if (recredits) {
      events.push(goalAt(`tg${k}`, ms), recredit(`tc${k}`, `tg${k}`, ms + 5, k));
      timed.push(false, true);
    } else {
      events.push(k % 50 === 25 ? goalAt(`tg${k}`, ms) : actionAt(`ta${k}`, ms, n + k));
      timed.push(true);
    }
  }
  return { events, timed };
}

const K = 200;
const SIZES = [100, 1_000, 4_000, 20_000];

const mlOutcome = (s: MatchState) =>
  `${s.score.home}-${s.score.away} ${s.goals.map((g) => g.scorer).join(',')}`;
const plainOutcome = (s: PlainState) =>
  `${s.score.home}-${s.score.away} ${s.goals.map((g) => g.scorer).join(',')}`;

/** The plain immutable state plus its goals by id, so a re-credit is one patch (the best a hand-written fold does). */
function plainSide(): {
  readonly state: PlainState;
  setup(events: readonly MatchEvent[]): void;
  step(event: MatchEvent): void;
  outcome(): string;
} {
  let state = plainState();
  const goalById = new Map<string, number>();
  const step = (e: MatchEvent) => {
    if (e.type === 'eventAmended') {
      const at = goalById.get(e.target);
      const scorer = (e.patch as { scorer?: string }).scorer;
      if (at !== undefined && scorer) {
        const goals = state.goals.slice();
        goals[at] = { ...goals[at]!, scorer };
        state = Object.freeze({ ...state, goals });
      }
      return;
    }
    if (e.type === 'goal') goalById.set(e.id, state.goals.length);
    state = plainEvolve(state, e);
  };
  return {
    get state() {
      return state;
    },
    setup: (events) => {
      for (const e of events) step(e);
    },
    step,
    outcome: () => plainOutcome(state),
  };
}

function evolveSide(): Side {
  let state: MatchState = createState();
  return {
    setup: (events) => {
      state = fold(events.slice(0, -1));
      // The first evolve on a folded state copies it once; the chain after that is what is timed.
      state = evolve(state, events.at(-1)!);
    },
    step: (e) => {
      state = evolve(state, e);
    },
    outcome: () => mlOutcome(state),
  };
}

function liveSide(): Side {
  const next = new Subject<MatchEvent>();
  let state: MatchState | undefined;
  return {
    setup: (events) => {
      live(withHistory(events, next)).subscribe((item) => {
        if ('state' in item) state = item.state;
      });
    },
    step: (e) => next.next(e),
    outcome: () => mlOutcome(state!),
  };
}

/** The baseline of live(): the same Subject, each event through the plain immutable step. */
function plainLiveSide(): Side {
  const plain = plainSide();
  const next = new Subject<MatchEvent>();
  let frames = 0;
  return {
    setup: (events) => {
      plain.setup(events);
      next.pipe(map((e) => (plain.step(e), { index: frames++, state: plain.state }))).subscribe();
    },
    step: (e) => next.next(e),
    outcome: () => plain.outcome(),
  };
}

function storeSide(): Side {
  const store = new MemoryEventStore();
  return {
    setup: async (events) => {
      await store.append('live', events);
    },
    step: async (e) => {
      await store.append('live', [e]);
    },
    outcome: async () => mlOutcome(fold(await store.read('live'))),
  };
}

/** The baseline of a store append: bare validation, JSON.stringify into a log, the plain step. */
function plainStoreSide(): Side {
  const valid = bareValidators();
  const lines: string[] = [];
  const state = plainState();
  const none = new Set<string>();
  return {
    setup: (events) => {
      for (const e of events) {
        lines.push(JSON.stringify(e));
        plainStep(state, e, none);
      }
    },
    step: (e) => {
      if (!valid(e)) throw new Error(`invalid ${e.id}`);
      lines.push(JSON.stringify(e));
      plainStep(state, e, none);
    },
    outcome: () => plainOutcome(state),
  };
}

interface Curve {
  readonly title: string;
  readonly ml: () => Side;
  readonly plain: () => Side;
  readonly recredits: boolean;
}

/** Process CPU time in ms (user + system): the machine is shared, wall time would charge other processes. */
const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function perEvent(curve: Curve): Promise<void> {
  say(`\n#### ${curve.title}\n`);
  say('| events so far | matchline µs an event (IQR) | baseline µs an event (IQR) | ratio (IQR) |');
  say('| ---: | ---: | ---: | ---: |');
  const medians: number[] = [];
  for (const n of SIZES) {
    const ndjson = toNdjson(longStream(n, false));
    const { events: more, timed } = tail(n, curve.recredits);
    const moreNdjson = toNdjson(more);
    const ml: number[] = [];
    const base: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const which of r % 2 === 0 ? ['ml', 'base'] : ['base', 'ml']) {
        const side = which === 'ml' ? curve.ml() : curve.plain();
        const events = fresh(ndjson);
        const extra = fresh(moreNdjson);
        await side.setup(events);
        collect();
        let total = 0;
        for (let k = 0; k < extra.length; k++) {
          const t = cpuMs();
          await side.step(extra[k]!);
          if (timed[k]) total += cpuMs() - t;
        }
        (which === 'ml' ? ml : base).push((total * 1000) / K);
        if (r === 0 && which === 'base') lastPlain = await side.outcome();
        if (r === 0 && which === 'ml') lastMl = await side.outcome();
      }
      if (r === 0 && lastMl !== lastPlain)
        throw new Error(`${curve.title} at ${n}: matchline ${lastMl} but baseline ${lastPlain}`);
    }
    const a = stats(ml);
    const ratio = stats(ml.map((x, i) => x / base[i]!));
    medians.push(a.median);
    say(
      `| ${n.toLocaleString('en')} | ${fmt(a)} | ${fmt(stats(base), 2)} | ${ratio.median.toFixed(1)}x (${ratio.iqr.toFixed(1)}) |`,
    );
  }
  say(
    `\nmatchline at ${SIZES.at(-1)!.toLocaleString('en')} events so far: **${(medians.at(-1)! / medians[0]!).toFixed(2)}x** its cost at ${SIZES[0]} (4,000: ${(medians[2]! / medians[0]!).toFixed(2)}x).`,
  );
}
let lastMl = '';
let lastPlain = '';

/* ---------- a whole match appended event by event ---------- */

async function wholeMatch(): Promise<void> {
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
if (wanted('per-event')) {
  say('\n### What one more event costs, against the events so far\n');
  say(
    `Each row: ${ROUNDS} rounds, each timing ${K} more events after the first n (fresh from NDJSON), matchline and the baseline alternating; µs of process CPU time an event, median (IQR).`,
  );
  await perEvent({
    title: '`evolve` (a chain, each on the state the last returned)',
    ml: evolveSide,
    plain: plainSide,
    recredits: false,
  });
  await perEvent({
    title: '`live()`: a frame per new event after catching up',
    ml: liveSide,
    plain: plainLiveSide,
    recredits: false,
  });
  await perEvent({
    title: 'Store append, one event at a time (MemoryEventStore)',
    ml: storeSide,
    plain: plainStoreSide,
    recredits: false,
  });
  await perEvent({
    title: 'A correction: a goal, then the amendment re-crediting it (only the amendment timed), by `evolve`',
    ml: evolveSide,
    plain: plainSide,
    recredits: true,
  });
  await perEvent({
    title: 'The same correction by a store append',
    ml: storeSide,
    plain: plainSide,
    recredits: true,
  });
}
if (wanted('whole')) await wholeMatch();
if (wanted('corrections')) correctionsCurve();
if (wanted('frames')) framesRows();

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
