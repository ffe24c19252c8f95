/**
 * matchline against hand-written baselines, on the same data, in the same process, alternating,
 * several rounds after a warm-up. Prints medians, the ratio matchline / baseline, events per second
 * and peak memory. `npm run bench` (add `-- --write` to record docs/benchmarks.md).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Bench } from 'tinybench';
import { checkEvent, fold, toNdjson, buildFrames, type MatchEvent } from '../src/index.js';
import { parseStream } from '../src/events/index.js';
import { importStatsBomb, type SbEvent, type SbLineupTeam } from '../src/import/statsbomb/index.js';
import { arbMatch } from '../src/testing/index.js';
import { bareValidators, plainFold, plainFrames, plainState, plainStep } from './baseline.js';
import { MemoryEventStore } from '../src/store/index.js';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const ROUNDS = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 5);
const ONLY = args
  .find((a) => a.startsWith('--only='))
  ?.split('=')[1]
  ?.split(',');
const WRITE = args.includes('--write');

interface Row {
  name: string;
  events: number;
  matchline: number;
  baseline: number;
  target: string;
  note: string;
}
const rows: Row[] = [];
let peakRss = 0;
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

const collect = (globalThis as { gc?: () => void }).gc;

/** Median latency (ms) of one call, over tinybench iterations. */
async function once(fn: () => unknown, iterations: number): Promise<number> {
  const bench = new Bench({ iterations, time: 0, warmupIterations: 1, warmupTime: 0 });
  // Each sample starts from a collected heap, so one side's garbage is never timed on the other.
  bench.add(
    'task',
    async () => {
      await fn();
      sampleMemory();
    },
    { beforeEach: () => collect?.() },
  );
  await bench.run();
  const result = bench.tasks[0]!.result as unknown as { latency: { p50: number } };
  return result.latency.p50;
}

/** Alternates matchline and baseline for ROUNDS rounds and keeps the median of each side's medians. */
async function compare(
  name: string,
  events: number,
  target: string,
  matchline: () => unknown,
  baseline: () => unknown,
  iterations = 3,
  note = '',
): Promise<void> {
  if (ONLY && !ONLY.some((o) => name.startsWith(o))) return;
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      a.push(await once(matchline, iterations));
      b.push(await once(baseline, iterations));
    } else {
      b.push(await once(baseline, iterations));
      a.push(await once(matchline, iterations));
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const row = { name, events, matchline: median(a), baseline: median(b), target, note };
  rows.push(row);
  console.log(
    `${name.padEnd(30)} matchline ${row.matchline.toFixed(1).padStart(8)} ms  baseline ${row.baseline.toFixed(1).padStart(8)} ms  ratio ${(row.matchline / row.baseline).toFixed(2).padStart(5)}x  ${(((events / row.matchline) * 1000) / 1e6).toFixed(2)} M events/s  (target ${target})`,
  );
}

/* ---------- data ---------- */

const timelineMatches = fc.sample(arbMatch({ var: true, corrections: true }), { numRuns: 400, seed: 42 });
const SB = join(ROOT, 'test/fixtures/statsbomb');
const sbRaw = ['3788741', '15986'].map((id) => ({
  id,
  events: readFileSync(join(SB, `events/${id}.json`), 'utf8'),
  lineups: readFileSync(join(SB, `lineups/${id}.json`), 'utf8'),
  home: id === '15986' ? 'Barcelona' : 'Turkey',
}));
const providerMatches = sbRaw.map(
  (m) =>
    importStatsBomb({
      events: JSON.parse(m.events) as SbEvent[],
      lineups: JSON.parse(m.lineups) as SbLineupTeam[],
      fixture: { home: m.home, kickoff: '2021-06-11T19:00:00Z' },
      keepActions: true,
    }).events,
);

/** Repeats a corpus of matches until it holds at least `total` events. */
function corpus(matches: MatchEvent[][], total: number): MatchEvent[][] {
  const out: MatchEvent[][] = [];
  let n = 0;
  for (let i = 0; n < total; i++) {
    const m = matches[i % matches.length]!;
    out.push(m);
    n += m.length;
  }
  return out;
}
const count = (ms: MatchEvent[][]) => ms.reduce((s, m) => s + m.length, 0);

/* ---------- benchmarks ---------- */

const providerCorpus = corpus(providerMatches, 1_000_000);
const timelineCorpus = corpus(timelineMatches, 1_000_000);
console.log(
  `machine: ${cpus().length} cores, Node ${process.version}; provider mix ${count(providerCorpus)} events in ${providerCorpus.length} matches (${Math.round(count(providerCorpus) / providerCorpus.length)} a match), timeline mix ${count(timelineCorpus)} events in ${timelineCorpus.length} matches`,
);

await compare(
  'fold: provider mix',
  count(providerCorpus),
  '≤ 1.5x',
  () => providerCorpus.map((m) => fold(m, undefined, { mode: 'lenient' })),
  () => providerCorpus.map((m) => plainFold(m)),
);
await compare(
  'fold: timeline mix',
  count(timelineCorpus),
  '≤ 1.5x',
  () => timelineCorpus.map((m) => fold(m)),
  () => timelineCorpus.map((m) => plainFold(m)),
);

const flat = providerCorpus.flat();
const bare = bareValidators();
checkEvent(flat[0]); // compile once, outside the timing
await compare(
  'validate',
  flat.length,
  '≤ 1.25x',
  () => {
    let ok = 0;
    for (const e of flat) if (checkEvent(e) === null) ok++;
    return ok;
  },
  () => {
    let ok = 0;
    for (const e of flat) if (bare(e)) ok++;
    return ok;
  },
);

const season = timelineMatches.slice(0, 380);
await compare(
  'frames: 380 matches',
  count(season),
  '~1 ms a match, ≤ 2x',
  () => season.map((m) => buildFrames(m)),
  () => season.map((m) => plainFrames(m)),
);

const dir = join(ROOT, '.bench-tmp', 'season');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
season.forEach((m, i) => writeFileSync(join(dir, `m${i}.ndjson`), toNdjson(m)));
const files = readdirSync(dir).map((f) => join(dir, f));
await compare(
  'season: 380 files on disk',
  count(season),
  '≤ 1.3x',
  async () => Promise.all(files.map(async (f) => fold(parseStream(await readFile(f, 'utf8'), f)))),
  async () =>
    Promise.all(
      files.map(async (f) => {
        const events = (await readFile(f, 'utf8'))
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as MatchEvent);
        for (const e of events) if (!bare(e)) throw new Error('invalid');
        return plainFold(events);
      }),
    ),
);

await compare(
  'import: 2 StatsBomb files',
  sbRaw.reduce((s, m) => s + (JSON.parse(m.events) as unknown[]).length, 0),
  'measured',
  () =>
    sbRaw.map((m) =>
      importStatsBomb({
        events: JSON.parse(m.events) as SbEvent[],
        lineups: JSON.parse(m.lineups) as SbLineupTeam[],
        fixture: { home: m.home, kickoff: '2021-06-11T19:00:00Z' },
      }),
    ),
  () =>
    sbRaw.map((m) => {
      const events = JSON.parse(m.events) as SbEvent[];
      const goals: SbEvent[] = [];
      const subs: SbEvent[] = [];
      const cards: SbEvent[] = [];
      for (const e of [...events].sort((x, y) => x.index - y.index)) {
        if (e.type.id === 16 && e.shot?.outcome.id === 97) goals.push(e);
        else if (e.type.id === 19) subs.push(e);
        else if (e.foul_committed?.card ?? e.bad_behaviour?.card) cards.push(e);
      }
      return { goals, subs, cards, lineups: JSON.parse(m.lineups) as unknown };
    }),
  3,
  'baseline: JSON.parse and picking goals, substitutions and cards into plain arrays',
);

// A live feed: StatsBomb 15986 (with its actions) appended one event at a time. The event the
// engine rejects in strict mode (a provider time stamp out of order) is left out of both sides.
const liveFeed = (() => {
  const all = providerMatches[1]!;
  const bad = new Set(fold(all, undefined, { mode: 'lenient' }).warnings.map((w) => w.index));
  return all.filter((_, i) => !bad.has(i));
})();
await compare(
  'append: one event at a time',
  liveFeed.length,
  'measured',
  async () => {
    const store = new MemoryEventStore();
    for (const e of liveFeed) await store.append('live', [e]);
  },
  async () => {
    const lines: string[] = [];
    const state = plainState();
    const none = new Set<string>();
    for (const e of liveFeed) {
      await Promise.resolve();
      if (!bare(e)) throw new Error('invalid');
      lines.push(JSON.stringify(e));
      plainStep(state, e, none);
    }
  },
  1,
  'baseline: bare validation, JSON.stringify into an array and the plain switch step per event',
);

/* ---------- memory ---------- */

const ndjsonBytes = (ms: MatchEvent[][]) => ms.reduce((s, m) => s + Buffer.byteLength(toNdjson(m)), 0);
function heapPerEvent(ms: MatchEvent[][]): number | null {
  if (!collect) return null;
  const copies = ms.map((m) => structuredClone(m));
  collect();
  const before = process.memoryUsage().heapUsed;
  const states = copies.map((m) => fold(m, undefined, { mode: 'lenient' }));
  collect();
  const after = process.memoryUsage().heapUsed;
  void states.length;
  return (after - before) / count(ms);
}
const memory = {
  providerBytes: ndjsonBytes(providerMatches) / count(providerMatches),
  timelineBytes: ndjsonBytes(timelineMatches) / count(timelineMatches),
  providerHeap: heapPerEvent(providerMatches.slice(0, 2)),
  timelineHeap: heapPerEvent(timelineMatches.slice(0, 100)),
};
console.log(
  `stored: ${memory.providerBytes.toFixed(0)} bytes an event (provider mix, NDJSON), ${memory.timelineBytes.toFixed(0)} (timeline mix); folded state: ${memory.providerHeap?.toFixed(0) ?? '(run with --expose-gc)'} heap bytes an event (provider), ${memory.timelineHeap?.toFixed(0) ?? '-'} (timeline); peak RSS ${(peakRss / 1e6).toFixed(0)} MB`,
);
rmSync(join(ROOT, '.bench-tmp'), { recursive: true, force: true });

if (WRITE) {
  const date = new Date().toISOString().slice(0, 10);
  const table = rows
    .map(
      (r) =>
        `| ${r.name} | ${r.events.toLocaleString('en')} | ${r.matchline.toFixed(1)} | ${r.baseline.toFixed(1)} | **${(r.matchline / r.baseline).toFixed(2)}x** | ${(((r.events / r.matchline) * 1000) / 1e6).toFixed(2)} | ${r.target} |`,
    )
    .join('\n');
  const doc = readFileSync(join(ROOT, 'docs/benchmarks.md'), 'utf8');
  const start = doc.indexOf('<!-- results -->');
  const end = doc.indexOf('<!-- /results -->');
  const results = `<!-- results -->\nRun of ${date} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${ROUNDS} alternating rounds, medians:\n\n| benchmark | events | matchline ms | baseline ms | ratio | M events/s | target |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n${table}\n\nMemory: ${memory.providerBytes.toFixed(0)} bytes an event stored as NDJSON (provider mix), ${memory.timelineBytes.toFixed(0)} (timeline mix); ${memory.providerHeap?.toFixed(0) ?? 'n/a'} heap bytes an event in a folded state, beyond the events themselves (provider mix), ${memory.timelineHeap?.toFixed(0) ?? 'n/a'} (timeline mix); peak RSS ${(peakRss / 1e6).toFixed(0)} MB.\n<!-- /results -->`;
  writeFileSync(
    join(ROOT, 'docs/benchmarks.md'),
    start === -1
      ? `${doc}\n${results}\n`
      : doc.slice(0, start) + results + doc.slice(end + '<!-- /results -->'.length),
  );
  console.log('wrote docs/benchmarks.md');
}
