/**
 * Each importer against a plain parse of the same file: the importer's `load` (keeping every on-ball
 * record as an action) beside `JSON.parse` / fast-xml-parser (openfootball: splitting the lines,
 * since no generic parser reads Football.TXT), on the biggest fixture of each provider. Rounds
 * alternate which side goes first, the heap is collected before each sample; the table gives the
 * median and the IQR of the per-call times, events written per second, and the peak memory of one
 * call: the maxRSS of a fresh child process that reads the files and makes the call (median of three),
 * beside that of a child that only reads them.
 * `node --expose-gc --import tsx bench/import.ts [--rounds=11] [--write] [--only=<case>]` (`npm run bench:import`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  datafactory,
  metrica,
  opta,
  statsbomb,
  statsperform,
  wyscout,
  type LoadResult,
} from '../src/import/index.js';
import { load as openfootball } from '../src/import/openfootball/index.js';

const ROOT = join(import.meta.dirname, '..');
const FX = join(ROOT, 'test/fixtures');
const args = process.argv.slice(2);
const ROUNDS = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 11);
const CHILD = args.find((a) => a.startsWith('--child='))?.split('=')[1];
const WRITE = args.includes('--write');
/** `--only=metrica`: measure the cases whose name starts with it (never with --write: the table is of one run). */
const ONLY = args.find((a) => a.startsWith('--only='))?.split('=')[1];
const collect = (globalThis as { gc?: () => void }).gc;

const file = (path: string) => ({ name: path, text: readFileSync(join(FX, path), 'utf8') });
const xml = new XMLParser({ ignoreAttributes: false });
type Files = Record<string, { name: string; text: string }>;

interface Case {
  readonly name: string;
  /** The biggest file (the one both sides parse), then its companions. */
  readonly files: () => Files;
  readonly main: string;
  readonly load: (f: Files) => LoadResult | { streams: readonly { events: readonly unknown[] }[] };
  readonly plain: (f: Files) => unknown;
}

const json = (f: Files) => Object.values(f).map((x) => JSON.parse(x.text) as unknown);
const CASES: readonly Case[] = [
  {
    name: 'statsbomb',
    main: 'statsbomb/events/15986.json',
    files: () => ({
      events: file('statsbomb/events/15986.json'),
      lineups: file('statsbomb/lineups/15986.json'),
    }),
    load: (f) =>
      statsbomb.load(
        { events: f.events!, lineups: f.lineups! },
        { keepActions: true, home: 'Barcelona', kickoff: '2019-02-24T15:15:00Z' },
      ),
    plain: json,
  },
  {
    name: 'opta',
    main: 'providers/opta/opta_f24.xml',
    files: () => ({
      events: file('providers/opta/opta_f24.xml'),
      matchSheet: file('providers/opta/opta_f7.xml'),
    }),
    load: (f) => opta.load({ events: f.events!, matchSheet: f.matchSheet! }, { keepActions: true }),
    plain: (f) => Object.values(f).map((x) => xml.parse(x.text) as unknown),
  },
  {
    name: 'statsperform (JSON)',
    main: 'providers/statsperform/statsperform_event_ma3.json',
    files: () => ({
      events: file('providers/statsperform/statsperform_event_ma3.json'),
      matchSheet: file('providers/statsperform/statsperform_event_ma1.json'),
    }),
    load: (f) => statsperform.load({ events: f.events!, matchSheet: f.matchSheet! }, { keepActions: true }),
    plain: json,
  },
  {
    name: 'statsperform (XML)',
    main: 'providers/statsperform/statsperform_event_ma3.xml',
    files: () => ({
      events: file('providers/statsperform/statsperform_event_ma3.xml'),
      matchSheet: file('providers/statsperform/statsperform_event_ma1.xml'),
    }),
    load: (f) => statsperform.load({ events: f.events!, matchSheet: f.matchSheet! }, { keepActions: true }),
    plain: (f) => Object.values(f).map((x) => xml.parse(x.text) as unknown),
  },
  {
    name: 'wyscout v2',
    main: 'providers/wyscout/wyscout_events_v2.json',
    files: () => ({
      events: file('providers/wyscout/wyscout_events_v2.json'),
      match: file('providers/wyscout/matches_2499773.json'),
    }),
    load: (f) => wyscout.load({ events: f.events!, match: f.match! }, { keepActions: true }),
    plain: json,
  },
  {
    name: 'datafactory',
    main: 'providers/datafactory/datafactory_events.json',
    files: () => ({ feed: file('providers/datafactory/datafactory_events.json') }),
    load: (f) => datafactory.load(f.feed!, { keepActions: true }),
    plain: json,
  },
  {
    name: 'metrica',
    main: 'providers/metrica/metrica_events.json',
    files: () => ({ feed: file('providers/metrica/metrica_events.json') }),
    load: (f) => metrica.load(f.feed!, { keepActions: true, kickoff: '2019-10-05T15:00:00Z' }),
    plain: json,
  },
  {
    name: 'openfootball (JSON)',
    main: 'openfootball/euro.json/2020/euro.json',
    files: () => ({ feed: file('openfootball/euro.json/2020/euro.json') }),
    load: (f) => openfootball(f.feed!.text, { file: 'euro.json' }),
    plain: json,
  },
  {
    name: 'openfootball (TXT)',
    main: 'openfootball/euro/2021--europe/euro.txt',
    files: () => ({ feed: file('openfootball/euro/2021--europe/euro.txt') }),
    load: (f) => openfootball(f.feed!.text, { file: 'euro.txt' }),
    plain: (f) => f.feed!.text.split('\n').map((l) => l.trim().split(/\s+/)),
  },
];

// A child measures one call's peak memory in a fresh process: "<case>:<read|plain|load>".
if (CHILD) {
  const [name, side] = CHILD.split(':') as [string, string];
  const c = CASES.find((x) => x.name === name)!;
  const f = c.files();
  const out: unknown = side === 'load' ? c.load(f) : side === 'plain' ? c.plain(f) : f;
  process.stdout.write(
    `${JSON.stringify({ maxRss: process.resourceUsage().maxRSS, kept: out !== undefined })}\n`,
  );
  process.exit(0);
}

function timeOne(fn: () => unknown, repeat: number): number {
  collect?.();
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - t0) / repeat;
}
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.ceil(at)]! - s[lo]!) * (at - lo);
};
/** Peak RSS (MB) of a fresh process that reads the files and does one call, median of three. */
function peakMb(name: string, side: string): number {
  const runs = [0, 1, 2].map(() => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'import.ts'), `--child=${name}:${side}`],
      { encoding: 'utf8' },
    );
    return (JSON.parse(out.trim().split('\n').pop()!) as { maxRss: number }).maxRss / 1024;
  });
  return quantile(runs, 0.5);
}

interface Row {
  name: string;
  main: string;
  bytes: number;
  events: number;
  load: number[];
  plain: number[];
  readMb: number;
  loadMb: number;
  plainMb: number;
}
const rows: Row[] = [];
console.log(`machine: ${cpus().length} cores, Node ${process.version}, ${ROUNDS} rounds`);
for (const c of CASES) {
  if (ONLY && !c.name.startsWith(ONLY)) continue;
  const f = c.files();
  const events = c.load(f).streams.reduce((s, x) => s + x.events.length, 0);
  // Warm up, and size the inner loop so a sample lasts at least about 20 ms.
  const once = timeOne(() => c.load(f), 1);
  timeOne(() => c.plain(f), 1);
  const repeat = Math.max(1, Math.ceil(20 / Math.max(once, 0.01)));
  const load: number[] = [];
  const plain: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      load.push(timeOne(() => c.load(f), repeat));
      plain.push(timeOne(() => c.plain(f), repeat));
    } else {
      plain.push(timeOne(() => c.plain(f), repeat));
      load.push(timeOne(() => c.load(f), repeat));
    }
  }
  const row: Row = {
    name: c.name,
    main: c.main,
    bytes: Buffer.byteLength(f[Object.keys(f)[0]!]!.text),
    events,
    load,
    plain,
    readMb: peakMb(c.name, 'read'),
    loadMb: peakMb(c.name, 'load'),
    plainMb: peakMb(c.name, 'plain'),
  };
  rows.push(row);
  console.log(
    `${c.name.padEnd(22)} load ${quantile(load, 0.5).toFixed(2)} ms (IQR ${(quantile(load, 0.75) - quantile(load, 0.25)).toFixed(2)})  plain ${quantile(plain, 0.5).toFixed(2)} ms  ${events} events  peak ${row.readMb.toFixed(0)} / ${row.plainMb.toFixed(0)} / ${row.loadMb.toFixed(0)} MB`,
  );
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const table = [
  '| importer | file (biggest fixture) | size | events written | load ms, median (IQR) | plain parse ms, median (IQR) | ratio | events/s | peak RSS: read only / plain / load |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => {
    const lm = quantile(r.load, 0.5);
    const pm = quantile(r.plain, 0.5);
    const iqr = (xs: number[]) => fmt(quantile(xs, 0.75) - quantile(xs, 0.25));
    return `| ${r.name} | \`${r.main}\` | ${(r.bytes / 1024).toFixed(0)} KB | ${r.events.toLocaleString('en')} | ${fmt(lm)} (${iqr(r.load)}) | ${fmt(pm)} (${iqr(r.plain)}) | **${(lm / pm).toFixed(1)}x** | ${Math.round((r.events / lm) * 1000).toLocaleString('en')} | ${r.readMb.toFixed(0)} / ${r.plainMb.toFixed(0)} / ${r.loadMb.toFixed(0)} MB |`;
  }),
].join('\n');
console.log(`\n${table}`);

if (WRITE && !ONLY) {
  const doc = join(ROOT, 'docs/benchmarks.md');
  const text = readFileSync(doc, 'utf8');
  const START = '<!-- import-bench:start -->';
  const END = '<!-- import-bench:end -->';
  const section = `${START}\nRun ${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${ROUNDS} alternating rounds, shared machine (other helpers were running).\n\n${table}\n${END}`;
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  writeFileSync(
    doc,
    start < 0 ? `${text}\n${section}\n` : text.slice(0, start) + section + text.slice(end + END.length),
  );
  console.log('wrote docs/benchmarks.md');
}
