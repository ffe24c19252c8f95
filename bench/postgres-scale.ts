/**
 * Scale: ten seasons of 380 league matches, written as NDJSON files, then appended event by event by
 * 4 concurrent writer processes while a fifth process follows the global log; then everything is read
 * back, and a competition projection is caught up from zero. The same work on PostgreSQL (a throwaway
 * cluster, see test/postgres-cluster.ts) and on the file store, each beside a hand-written baseline:
 * reading back = one plain query / JSON.parse of every file; projection = a switch over goal events
 * keeping points and goals per team (checked to give the same points as the projection).
 *
 *   npx tsx bench/postgres-scale.ts [--seasons=10] [--only=postgres,file] [--write]
 *
 * `--write` records the results in docs/benchmarks.md (the "PostgreSQL store at scale" section).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { DEFAULT_RULES, parseStream, toNdjson, type MatchEvent } from '../src/index.js';
import type { EventStore, StoredEvent } from '../src/store/index.js';
import { PostgresEventStore } from '../src/store/postgres/index.js';
import { CompetitionProjection } from '../src/store/projection.js';
import { startCluster } from '../test/postgres-cluster.js';
import { randomFrom } from '../src/store/fs/crash.js';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const SEASONS = Number(arg('seasons') ?? 10);
const ONLY = (arg('only') ?? 'postgres,file').split(',');
const WRITERS = 4;

const TEAMS = Array.from({ length: 20 }, (_, i) => ({ id: `club-${i + 1}`, name: `Club ${i + 1}` }));

/** One league match: fixture, line-ups, two halves with goals, bookings and substitutions. */
function leagueMatch(
  season: number,
  round: number,
  home: number,
  away: number,
  rnd: () => number,
): MatchEvent[] {
  const id = `s${season}-r${round}-${home}-${away}`;
  const squad = (t: number) => ({
    starting: Array.from({ length: 11 }, (_, i) => ({
      id: `c${t}p${i + 1}`,
      name: `C${t} P${i + 1}`,
      shirt: i + 1,
    })),
    substitutes: Array.from({ length: 7 }, (_, i) => ({
      id: `c${t}p${i + 12}`,
      name: `C${t} P${i + 12}`,
      shirt: i + 12,
    })),
  });
  const events: Record<string, unknown>[] = [
    {
      type: 'fixture',
      competition: 'Bench League',
      season: `${2010 + season}-${String((11 + season) % 100).padStart(2, '0')}`,
      round: `Matchday ${round + 1}`,
      leg: 'single',
      home: TEAMS[home],
      away: TEAMS[away],
      kickoff: new Date(Date.UTC(2010 + season, 7, 10 + round * 7)).toISOString(),
      rules: DEFAULT_RULES,
    },
    { type: 'lineups', home: squad(home), away: squad(away) },
  ];
  const booked = new Set<string>();
  for (const period of [1, 2]) {
    events.push({ type: 'periodStarted', at: { period, ms: 0 } });
    const moments = Array.from({ length: 5 }, () => Math.floor(rnd() * 44 * 60_000) + 1000).sort(
      (a, b) => a - b,
    );
    for (const ms of moments) {
      const side = rnd() < 0.55 ? 'home' : 'away';
      const team = side === 'home' ? home : away;
      const player = `c${team}p${2 + Math.floor(rnd() * 9)}`;
      const roll = rnd();
      if (roll < 0.28)
        events.push({
          type: 'goal',
          at: { period, ms },
          team: side,
          scorer: player,
          scorerTeam: side,
          penalty: false,
          ownGoal: false,
        });
      else if (roll < 0.5 && !booked.has(player)) {
        booked.add(player); // one caution a player: no second yellows to keep every match valid
        events.push({ type: 'booking', at: { period, ms }, team: side, player, card: 'yellow' });
      }
    }
    if (period === 2) {
      for (const [side, team] of [
        ['home', home],
        ['away', away],
      ] as const)
        events.push({
          type: 'substitution',
          at: { period, ms: 45 * 60_000 - 1000 },
          team: side,
          playerOff: `c${team}p11`,
          playerOn: `c${team}p12`,
          kind: 'normal',
          atInterval: false,
        });
    }
    events.push({ type: 'periodEnded', at: { period, ms: 45 * 60_000 } });
  }
  events.push({ type: 'matchEnded', at: { period: 2, ms: 45 * 60_000 } });
  return events.map((e, i) => ({ id: `${id}-${i}`, ...e })) as unknown as MatchEvent[];
}

/** Writes every match as an NDJSON file (a double round robin of 20 teams: 380 matches a season). */
function writeSeasons(dir: string): number {
  const rnd = randomFrom(20261204); // deterministic: every run appends the same matches
  let events = 0;
  for (let s = 0; s < SEASONS; s++) {
    let round = 0;
    for (let leg = 0; leg < 2; leg++)
      for (let r = 0; r < 19; r++, round++) {
        // The circle method: team 19 fixed, the others rotate.
        const ring = Array.from({ length: 19 }, (_, i) => (i + r) % 19);
        const pairs: [number, number][] = [[19, ring[0]!]];
        for (let i = 1; i < 10; i++) pairs.push([ring[i]!, ring[19 - i]!]);
        for (const [a, b] of pairs) {
          const [home, away] = leg === 0 ? [a, b] : [b, a];
          const match = leagueMatch(s, round, home, away, rnd);
          events += match.length;
          writeFileSync(
            join(
              dir,
              `s${String(s).padStart(2, '0')}-r${String(round).padStart(2, '0')}-${home}-${away}.ndjson`,
            ),
            toNdjson(match),
          );
        }
      }
  }
  return events;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function run(role: string, argv: string[], onLine: (l: string) => void): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/postgres-worker.ts'), role, ...argv],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  createInterface({ input: child.stdout }).on('line', onLine);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      if (code === 0) return resolve();
      // The first error line names the code (a MatchlineError prints "...: CODE: sentence").
      const reason = /^\w*Error: .*$/m.exec(stderr)?.[0] ?? `exited with ${code}`;
      reject(new Error(`${role}: ${reason}`));
    }),
  );
}

interface Result {
  backend: string;
  events: number;
  appendSeconds: number;
  appendsPerSecond: number;
  readMs: number[];
  readBaselineMs: number[];
  projectionMs: number;
  projectionBaselineMs: number;
  lagCount: number;
  lagP50: number;
  lagP99: number;
  /** Why the follower stopped early (its lag is then over the events it got). */
  followerFailed: string | null;
}

/** Points per team from goal events alone: the hand-written baseline of the projection. */
function plainTable(events: readonly { streamId: string; event: MatchEvent }[]): Map<string, number> {
  const goals = new Map<string, { home: string; away: string; h: number; a: number; season: string }>();
  for (const { streamId, event: e } of events) {
    if (e.type === 'fixture')
      goals.set(streamId, { home: e.home.id, away: e.away.id, h: 0, a: 0, season: e.season });
    else if (e.type === 'goal') {
      const m = goals.get(streamId)!;
      if (e.scorerTeam === 'home') m.h++;
      else m.a++;
    }
  }
  const points = new Map<string, number>();
  for (const m of goals.values()) {
    const add = (team: string, p: number) =>
      points.set(`${m.season} ${team}`, (points.get(`${m.season} ${team}`) ?? 0) + p);
    add(m.home, m.h > m.a ? 3 : m.h === m.a ? 1 : 0);
    add(m.away, m.a > m.h ? 3 : m.h === m.a ? 1 : 0);
  }
  return points;
}

async function measure(
  backend: string,
  target: string,
  dir: string,
  total: number,
  open: () => Promise<EventStore>,
  rawRead: () => Promise<number>,
): Promise<Result> {
  const acks = new Map<number, number>();
  const got = new Map<number, number>();
  // The follower starts first and is caught up (on an empty log) before the writers start.
  let ready: () => void = () => undefined;
  const following = new Promise<void>((r) => (ready = r));
  const follower = run('follow', [target, String(total)], (l) => {
    if (l === 'following') ready();
    else if (l.startsWith('got ')) {
      const [, p, t] = l.split(' ');
      got.set(Number(p), Number(t));
    }
  });
  await following;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, (_, k) =>
      run('write', [target, dir, String(k), String(WRITERS)], (l) => {
        const [, p, t] = l.split(' ');
        acks.set(Number(p), Number(t));
      }),
    ),
  );
  const appendSeconds = (performance.now() - started) / 1000;
  let followerFailed: string | null = null;
  await follower.catch((error: Error) => (followerFailed = error.message));
  const lags: number[] = [];
  for (const [p, t] of got) {
    const ack = acks.get(p);
    if (ack !== undefined) lags.push(t - ack);
  }
  lags.sort((a, b) => a - b);

  const store = await open();
  const readMs: number[] = [];
  const readBaselineMs: number[] = [];
  let all: StoredEvent[] = [];
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    all = await store.readAll();
    readMs.push(performance.now() - t);
    t = performance.now();
    const n = await rawRead();
    readBaselineMs.push(performance.now() - t);
    if (all.length !== total || n !== total)
      throw new Error(`${backend}: read ${all.length}/${n} of ${total} events`);
  }
  let t = performance.now();
  const projection = new CompetitionProjection(store);
  await projection.rebuild();
  const projectionMs = performance.now() - t;
  t = performance.now();
  const fresh = await store.readAll();
  const plain = plainTable(fresh);
  const projectionBaselineMs = performance.now() - t;
  // Same outputs: every team's points in every season.
  for (const key of projection.groups()) {
    for (const row of projection.table(key)) {
      if (plain.get(`${key.season} ${row.teamId}`) !== row.points)
        throw new Error(`${backend}: points differ for ${row.team}`);
    }
  }
  await store.close();
  return {
    backend,
    events: total,
    appendSeconds,
    appendsPerSecond: total / appendSeconds,
    readMs,
    readBaselineMs,
    projectionMs,
    projectionBaselineMs,
    lagCount: lags.length,
    lagP50: percentile(lags, 50),
    lagP99: percentile(lags, 99),
    followerFailed,
  };
}

const work = mkdtempSync(join(tmpdir(), 'matchline-scale-'));
const matches = join(work, 'matches');
mkdirSync(matches);
const total = writeSeasons(matches);
const files = readdirSync(matches).length;
console.log(`${SEASONS} seasons, ${files} matches, ${total} events, ${WRITERS} writer processes`);
// Every file parses back to what was written (fresh events parsed from files, as the writers read them).
if (
  readdirSync(matches).reduce(
    (n, f) => n + parseStream(readFileSync(join(matches, f), 'utf8'), f).length,
    0,
  ) !== total
)
  throw new Error('files do not parse back');
const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const TABLE_HEAD = [
  `| backend | events | append (4 writers) | read back all, median of 3 (min-max) | read baseline | projection from zero | projection baseline | subscription lag p50 / p99 |`,
  `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
];
function rowOf(r: Result): string {
  const read = median(r.readMs);
  return `| ${r.backend} | ${fmt(r.events)} | ${fmt(r.appendSeconds, 1)} s, ${fmt(r.appendsPerSecond)} appends/s | ${fmt(read)} ms (${fmt(Math.min(...r.readMs))}-${fmt(Math.max(...r.readMs))}), ${fmt(r.events / read, 1)} events/ms | ${fmt(median(r.readBaselineMs))} ms, ${fmt(r.events / median(r.readBaselineMs), 1)} events/ms | ${fmt(r.projectionMs)} ms, ${fmt(r.events / r.projectionMs, 1)} events/ms | ${fmt(r.projectionBaselineMs)} ms | ${r.followerFailed ? `follower failed after ${fmt(r.lagCount)} events (${r.followerFailed.replace(/\|/g, '/')}); over those: ` : ''}${fmt(r.lagP50, 1)} / ${fmt(r.lagP99, 1)} ms |`;
}

const results: Result[] = [];
const report = (r: Result) => {
  results.push(r);
  console.log(rowOf(r));
};

if (ONLY.includes('postgres')) {
  const cluster = await startCluster();
  try {
    const url = await cluster.createDatabase('bench');
    const target = url;
    const setup = await PostgresEventStore.open(url, { schema: 'bench' });
    await setup.close();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    report(
      await measure(
        'postgres',
        target,
        matches,
        total,
        () => PostgresEventStore.open(url, { schema: 'bench' }),
        async () => {
          const { rows } = await raw.query<{ event: MatchEvent }>(
            'SELECT stream_id, event FROM bench.events ORDER BY position',
          );
          return rows.length;
        },
      ),
    );
    await raw.end();
  } finally {
    cluster.stop();
  }
}
if (ONLY.includes('file')) {
  const { FileEventStore } = await import('../src/store/index.js');
  const dir = join(work, 'file-store');
  mkdirSync(dir);
  await (await FileEventStore.open(dir)).close();
  report(
    await measure(
      'file',
      dir,
      matches,
      total,
      () => FileEventStore.open(dir),
      () =>
        Promise.resolve(
          readdirSync(dir)
            .filter((f) => f.endsWith('.ndjson'))
            .reduce(
              (n, f) =>
                n +
                readFileSync(join(dir, f), 'utf8')
                  .split('\n')
                  .filter(Boolean)
                  .map((l) => JSON.parse(l) as unknown).length,
              0,
            ),
        ),
    ),
  );
}
rmSync(work, { recursive: true, force: true });

const header = `Run ${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}, ${SEASONS} seasons x 380 matches, one event per append, shared machine (other helpers were running).`;
console.log(header);
const lines = [...TABLE_HEAD, ...results.map(rowOf)];
console.log(lines.join('\n'));

if (args.includes('--write')) {
  const file = join(ROOT, 'docs/benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const start = '<!-- postgres-scale:start -->';
  const end = '<!-- postgres-scale:end -->';
  const block = `${start}\n${header}\n\n${lines.join('\n')}\n${end}`;
  const next = text.includes(start)
    ? text.replace(new RegExp(`${start}[\\s\\S]*${end}`), block)
    : `${text.trimEnd()}\n\n## PostgreSQL store at scale (issue 15)\n\n${block}\n`;
  writeFileSync(file, next);
}
