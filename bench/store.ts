/**
 * The file store on this machine's disk (bench/store.ts; `npm run bench:store [-- --write]`):
 * appends per second with fsync (one event, batches of 10) against a hand-written append + fsync of
 * the same bytes; replay (a fresh store reading a stream: parse and schema check of every event)
 * against a hand-written parse + ajv check of the same file; and the lock's fairness: 16 writer
 * processes on one stream with a 3 s lock timeout. Medians with the IQR over alternating rounds.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_RULES, toNdjson, type MatchEvent } from '../src/index.js';
import { FileEventStore } from '../src/store/index.js';
import { bareValidators } from './baseline.js';
import { stats } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const ROUNDS = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 5);
const WRITE = args.includes('--write');
const out: string[] = [];
const say = (line: string) => {
  console.log(line);
  out.push(line);
};

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};
const fmt = (x: { median: number; iqr: number }, digits = 0) =>
  `${x.median.toLocaleString('en', { maximumFractionDigits: digits })} (IQR ${x.iqr.toLocaleString('en', { maximumFractionDigits: digits })})`;

const opening: MatchEvent[] = [
  {
    id: 'fixture',
    type: 'fixture',
    competition: 'Bench Cup',
    season: '2026',
    round: 'r',
    leg: 'single',
    home: { id: 'h', name: 'Home' },
    away: { id: 'a', name: 'Away' },
    kickoff: '2026-12-06T20:00:00Z',
    rules: DEFAULT_RULES,
  },
  { id: 'ko', type: 'periodStarted', at: { period: 1, ms: 0 } },
];
/** Actions one millisecond apart, as a provider feed sends them; parsed from NDJSON like a user's. */
function actions(from: number, n: number): MatchEvent[] {
  const events = Array.from({ length: n }, (_, i) => ({
    id: `a${from + i}`,
    type: 'action',
    at: { period: 1, ms: from + i },
    team: (from + i) % 2 ? 'away' : 'home',
    kind: 'Pass',
  }));
  return toNdjson(events as MatchEvent[])
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as MatchEvent);
}

const scratch = mkdtempSync(join(ROOT, '.bench-store-')); // the project's disk, not a tmpfs
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const folder = () => join(scratch, `s${folders++}`);

/** Appends per second: `appends` appends of `size` events each, the store against append + fsync. */
async function appendRate(appends: number, size: number): Promise<void> {
  const ml: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < ROUNDS + 1; round++) {
    const batches = Array.from({ length: appends }, (_, k) => actions(k * size, size));
    const sides = [
      async () => {
        const store = await FileEventStore.open(folder());
        await store.append('m', opening);
        const t = performance.now();
        for (const batch of batches) await store.append('m', batch);
        return performance.now() - t;
      },
      () => {
        const path = join(folder() + '.ndjson');
        writeFileSync(path, toNdjson(opening));
        const fd = openSync(path, 'a');
        const t = performance.now();
        for (const batch of batches) {
          writeSync(fd, toNdjson(batch));
          fsyncSync(fd);
        }
        const took = performance.now() - t;
        closeSync(fd);
        return Promise.resolve(took);
      },
    ];
    const order = round % 2 ? [1, 0] : [0, 1];
    const times: number[] = [];
    for (const side of order) times[side] = await sides[side]!();
    if (round === 0) continue; // warm-up
    ml.push((appends * 1000) / times[0]!);
    base.push((appends * 1000) / times[1]!);
  }
  const ratio = stats(ml.map((x, i) => base[i]! / x));
  say(
    `| ${size === 1 ? 'one event' : `batches of ${size}`} | ${fmt(stats(ml))} | ${fmt(stats(ml.map((x) => x * size)))} | ${fmt(stats(base))} | ${ratio.median.toFixed(2)}x (${ratio.iqr.toFixed(2)}) |`,
  );
}

/** Replay: a fresh store reads a stream of `n` events (every line parsed and schema-checked). */
async function replayRate(n: number): Promise<void> {
  const dir = folder();
  const writer = await FileEventStore.open(dir);
  await writer.append('m', opening);
  for (let k = 0; k < n - 2; k += 1000) await writer.append('m', actions(k, Math.min(1000, n - 2 - k)));
  const file = writer.fileOf('m');
  const valid = bareValidators();
  const ml: number[] = [];
  const all: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < ROUNDS + 1; round++) {
    let t = performance.now();
    const read = await (await FileEventStore.open(dir)).read('m');
    const mlMs = performance.now() - t;
    t = performance.now();
    const readAll = await (await FileEventStore.open(dir)).readAll();
    const allMs = performance.now() - t;
    t = performance.now();
    const parsed = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    if (!parsed.every(valid)) throw new Error('the baseline refused an event');
    const baseMs = performance.now() - t;
    if (read.length !== n || readAll.length !== n || parsed.length !== n) throw new Error('counts differ');
    if (round === 0) continue;
    ml.push((n * 1000) / mlMs);
    all.push((n * 1000) / allMs);
    base.push((n * 1000) / baseMs);
  }
  say(
    `| ${n.toLocaleString('en')} | ${fmt(stats(ml))} | ${fmt(stats(all))} | ${fmt(stats(base))} | ${(stats(base).median / stats(ml).median).toFixed(2)}x |`,
  );
}

interface Sample {
  k: number;
  outcome: string;
  ms: number;
  locks: { name: string; wait: number; hold: number }[];
}

/** 16 writer processes, 40 single-event appends each, on one stream, lock timeout 3 s. */
async function fairness(writers: number, each: number, timeoutMs: number): Promise<void> {
  const dir = folder();
  const store = await FileEventStore.open(dir);
  await store.append('m', opening);
  const children = Array.from({ length: writers }, (_, w) =>
    spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'bench/store-writer.ts'),
        dir,
        'm',
        String(each),
        String(w),
        String(timeoutMs),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    ),
  );
  const samples: Sample[] = [];
  let ready = 0;
  let allReady!: () => void;
  const readyAll = new Promise<void>((resolve) => (allReady = resolve));
  const done = children.map(
    (child) =>
      new Promise<void>((resolve) => {
        let buffer = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop()!;
          for (const line of lines) {
            if (line === 'ready') {
              if (++ready === writers) allReady();
            } else if (line) samples.push(JSON.parse(line) as Sample);
          }
        });
        child.once('exit', () => resolve());
      }),
  );
  await readyAll;
  const t = performance.now();
  for (const child of children) child.stdin.write('go\n');
  await Promise.all(done);
  const wall = performance.now() - t;
  const stored = await (await FileEventStore.open(dir)).read('m');
  const locked = samples.filter((s) => s.outcome === 'STORE_LOCKED').length;
  const failed = samples.filter((s) => s.outcome !== 'ok' && s.outcome !== 'STORE_LOCKED').length;
  const streamLocks = samples.flatMap((s) => s.locks.filter((l) => l.name === 'm'));
  const waits = streamLocks.map((l) => l.wait);
  const holds = streamLocks.map((l) => l.hold);
  const holdMedian = quantile(holds, 0.5);
  say(
    `${writers} writer processes × ${each} single-event appends on one stream, lock timeout ${timeoutMs / 1000} s: ` +
      `${samples.length} appends, **${locked} STORE_LOCKED**, ${failed} other failures, ${stored.length - opening.length} events stored, ${(wall / 1000).toFixed(1)} s.\n`,
  );
  say('| stream lock | median ms | p90 ms | p99 ms | max ms |');
  say('| --- | ---: | ---: | ---: | ---: |');
  const row = (name: string, xs: number[]) =>
    say(
      `| ${name} | ${quantile(xs, 0.5).toFixed(1)} | ${quantile(xs, 0.9).toFixed(1)} | ${quantile(xs, 0.99).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`,
    );
  row('wait', waits);
  row('hold', holds);
  row(
    'append, end to end',
    samples.map((s) => s.ms),
  );
  // A writer's first append starts a cold process: schemas compiled, the stream read and folded.
  row(
    "append, end to end, each writer's first",
    samples.filter((s) => s.k === 0).map((s) => s.ms),
  );
  row(
    'append, end to end, the others',
    samples.filter((s) => s.k > 0).map((s) => s.ms),
  );
  const late = samples.filter((s) => s.outcome === 'STORE_LOCKED').map((s) => s.k);
  if (late.length > 0)
    say(`\nSTORE_LOCKED at appends number ${late.sort((a, b) => a - b).join(', ')} of their writers.`);
  say(
    `\np99 wait = **${(quantile(waits, 0.99) / holdMedian).toFixed(1)} median holds**; with ${writers} writers queued, a fair lock makes each wait about ${writers - 1} holds of the others.`,
  );
}

say(
  `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ext4 on a virtual disk; ${ROUNDS} rounds after a warm-up, alternating sides.\n`,
);
say('### Appends with fsync (one process, one stream)\n');
say(
  '| append | matchline appends/s (IQR) | matchline events/s (IQR) | write + fsync appends/s (IQR) | baseline / matchline |',
);
say('| --- | ---: | ---: | ---: | ---: |');
await appendRate(200, 1);
await appendRate(100, 10);
say('\n### Replay: a fresh store reading one stream\n');
say(
  '| events | `read` events/s (IQR) | `readAll` events/s (IQR) | parse + ajv events/s (IQR) | baseline / `read` |',
);
say('| ---: | ---: | ---: | ---: | ---: |');
await replayRate(20_000);
await replayRate(100_000);
say('\n### The lock under 16 writer processes\n');
await fairness(16, 40, 3000);

if (WRITE) {
  const path = join(ROOT, 'docs/benchmarks.md');
  const doc = readFileSync(path, 'utf8');
  const start = doc.indexOf('<!-- store-bench:start -->');
  const end = doc.indexOf('<!-- store-bench:end -->');
  if (start < 0 || end < 0) throw new Error('docs/benchmarks.md has no store-bench markers');
  writeFileSync(
    path,
    `${doc.slice(0, start)}<!-- store-bench:start -->\n${out.join('\n')}\n${doc.slice(end)}`,
  );
}
