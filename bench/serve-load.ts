/**
 * Match-centre load on loopback: many SSE clients on one stream while a 4,000-event match is appended
 * at high speed, and 100 streams live at once. Measures delivery latency from the append call to the
 * moment a client has read the delta (p50/p99 over every client and event), server memory per
 * connected client, and CPU of the server and the clients. The server (with a MemoryEventStore, so
 * the figures are the server's and not a disk's) runs in this process; the clients run in a child
 * process, plain node:http, so they do not share the server's event loop.
 *
 * `node --expose-gc --import tsx bench/serve-load.ts [--rounds=3] [--clients=1000] [--rate=1000]
 * [--streams=100] [--write]` (`--write` records the results in docs/benchmarks.md).
 * Bounded: every connection is to 127.0.0.1, and every phase has a deadline.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, request, Agent, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fold, toNdjson } from '../src/index.js';
import { isCaughtUp, parseStream } from '../src/events/index.js';
import { importStatsBomb, type SbEvent, type SbLineupTeam } from '../src/import/statsbomb/index.js';
import { MemoryEventStore } from '../src/store/index.js';
import { deltaOf, startMatchCentre } from '../src/serve/index.js';
import { encodeSse } from '../src/serve/sse.js';

const ROOT = join(import.meta.dirname, '..');
const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const now = () => performance.timeOrigin + performance.now();

/* ---------- the client process: N SSE connections, each recording when it read each version ---------- */

interface ClientsJob {
  readonly url: string;
  /** Stream ids, one per group of clients (clients are spread evenly over them). */
  readonly streams: readonly string[];
  readonly clients: number;
  readonly versions: number;
}

interface ClientsReport {
  readonly connected: number;
  readonly dropped: number;
  readonly gaps: number;
  readonly doubles: number;
  readonly missing: number;
  readonly latencies: { p50: number; p90: number; p99: number; max: number };
  readonly cpuMs: number;
  /** When the last delta was read (epoch ms). */
  readonly lastReceipt: number;
}

function runClients(): void {
  let job: ClientsJob;
  let received: Float64Array[] = [];
  const lastVersion: number[] = [];
  let gaps = 0;
  let doubles = 0;
  let dropped = 0;
  let connected = 0;
  let cpuStart = process.cpuUsage();
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const requests: ReturnType<typeof request>[] = [];

  const open = (i: number, caughtUp: () => void) => {
    const stream = job.streams[i % job.streams.length]!;
    const req = request(
      `${job.url}/streams/${stream}/events?frames=none`,
      { agent, headers: { Accept: 'text/event-stream' } },
      (res) => {
        res.setEncoding('utf8');
        let carry = '';
        let caught = false;
        res.on('data', (chunk: string) => {
          const t = now();
          const text = carry + chunk;
          const end = text.lastIndexOf('\n\n');
          carry = end === -1 ? text : text.slice(end + 2);
          if (end === -1) return;
          const complete = text.slice(0, end);
          // Deltas carry the stream version as their id; frames repeat it and are not counted.
          for (const m of complete.matchAll(/event: delta\nid: (\d+)/g)) {
            const v = Number(m[1]);
            if (v <= lastVersion[i]!) doubles++;
            else if (v > lastVersion[i]! + 1) gaps++;
            lastVersion[i] = Math.max(lastVersion[i]!, v);
            if (received[i]![v] === 0) received[i]![v] = t;
          }
          if (!caught && complete.includes('event: caught-up')) {
            caught = true;
            caughtUp();
          }
        });
        res.on('close', () => {
          if (!stopping) dropped++;
        });
      },
    );
    req.on('error', () => {
      if (!stopping) dropped++;
    });
    req.end();
    requests.push(req);
  };
  let stopping = false;

  process.on('message', (message: { kind: string; job?: ClientsJob; appendedAt?: number[][] }) => {
    if (message.kind === 'connect') {
      job = message.job!;
      received = Array.from({ length: job.clients }, () => new Float64Array(job.versions + 1));
      lastVersion.length = 0;
      for (let i = 0; i < job.clients; i++) lastVersion.push(0);
      gaps = doubles = dropped = connected = 0;
      stopping = false;
      requests.length = 0;
      cpuStart = process.cpuUsage();
      // Open in batches so the listen backlog is never the bottleneck being measured.
      let next = 0;
      const batch = () => {
        for (let k = 0; k < 50 && next < job.clients; k++)
          open(next++, () => {
            if (++connected === job.clients) process.send!({ kind: 'connected' });
          });
        if (next < job.clients) setTimeout(batch, 5);
      };
      batch();
    } else if (message.kind === 'report') {
      const appendedAt = message.appendedAt!;
      const deadline = Date.now() + 60_000;
      const finish = () => {
        if (lastVersion.some((v) => v < job.versions) && dropped === 0 && Date.now() < deadline)
          return void setTimeout(finish, 10);
        report(appendedAt);
      };
      finish();
    } else if (message.kind === 'exit') process.exit(0);
  });

  const report = (appendedAt: number[][]) => {
    let count = 0;
    let lastReceipt = 0;
    for (const r of received) for (const t of r) lastReceipt = Math.max(lastReceipt, t);
    for (const r of received) for (let v = 1; v < r.length; v++) if (r[v]! > 0) count++;
    const all = new Float64Array(count);
    let k = 0;
    let missing = 0;
    received.forEach((r, i) => {
      const sent = appendedAt[i % job.streams.length]!;
      for (let v = 1; v < r.length; v++) {
        if (sent[v] == null) continue; // the stored past (fixture, line-ups) before the clock started
        if (r[v] === 0) missing++;
        else all[k++] = r[v]! - sent[v]!;
      }
    });
    const latencies = all.subarray(0, k).sort();
    const q = (p: number) => latencies[Math.min(k - 1, Math.floor(p * (k - 1)))] ?? Number.NaN;
    const cpu = process.cpuUsage(cpuStart);
    stopping = true;
    for (const req of requests) req.destroy();
    const report: ClientsReport = {
      connected,
      dropped,
      gaps,
      doubles,
      missing,
      latencies: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) },
      cpuMs: (cpu.user + cpu.system) / 1000,
      lastReceipt,
    };
    process.send!({ kind: 'report', report });
  };
  process.send!({ kind: 'ready' });
}

/* ---------- the server side ---------- */

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function statsbombMatch(): string {
  const SB = join(ROOT, 'test/fixtures/statsbomb');
  const events = importStatsBomb({
    events: JSON.parse(readFileSync(join(SB, 'events/15986.json'), 'utf8')) as SbEvent[],
    lineups: JSON.parse(readFileSync(join(SB, 'lineups/15986.json'), 'utf8')) as SbLineupTeam[],
    fixture: { home: 'Barcelona', kickoff: '2021-06-11T19:00:00Z' },
    keepActions: true,
  }).events;
  // The one event the engine rejects in strict mode (a provider time stamp out of order) is left out.
  const bad = new Set(fold(events, undefined, { mode: 'lenient' }).warnings.map((w) => w.index));
  return toNdjson(events.filter((_, i) => !bad.has(i)));
}

function message<T>(child: ChildProcess, kind: string, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${kind} from the clients within ${ms} ms`)), ms);
    const on = (m: { kind: string } & T) => {
      if (m.kind !== kind) return;
      clearTimeout(timer);
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
  });
}

/**
 * The baseline: a plain node:http SSE fan-out that computes the same output (each delta encoded once,
 * its version as the id, the past then `caught-up`, then live), without Hono, web streams, the live
 * fold, frames, filters or limits.
 */
async function startBaseline(store: MemoryEventStore): Promise<{ url: string; stop: () => Promise<void> }> {
  const streams = new Map<string, { entries: Uint8Array[]; listeners: Set<ServerResponse> }>();
  const streamOf = (id: string) => {
    let s = streams.get(id);
    if (!s) streams.set(id, (s = { entries: [], listeners: new Set() }));
    return s;
  };
  const subscription = store.subscribeAll().subscribe((item) => {
    if (isCaughtUp(item)) return;
    const s = streamOf(item.streamId);
    const bytes = encodeSse('delta', deltaOf(item.version, item.event), item.version);
    s.entries.push(bytes);
    for (const res of s.listeners) res.write(bytes);
  });
  const server = createServer((req, res) => {
    const id = /^\/streams\/([^/?]+)\/events/.exec(req.url ?? '')?.[1];
    if (!id) return void res.writeHead(404).end();
    const s = streamOf(id);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    for (const bytes of s.entries) res.write(bytes);
    res.write(encodeSse('caught-up', { version: s.entries.length }));
    s.listeners.add(res);
    res.on('close', () => s.listeners.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        subscription.unsubscribe();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface RoundResult {
  readonly clients: ClientsReport;
  readonly rssPerClient: number;
  readonly heapPerClient: number;
  readonly serverCores: number;
  readonly clientCores: number;
  readonly appendSeconds: number;
  readonly eventsPerSecond: number;
  readonly deliveredPerSecond: number;
}

/**
 * One round: `streams` streams holding their fixture and line-ups, `clients` clients spread over
 * them, then `events` events per stream appended round-robin at `rate` events a second in total.
 */
async function round(
  child: ChildProcess,
  ndjson: string,
  options: { streams: number; clients: number; events: number; rate: number; baseline?: boolean },
): Promise<RoundResult> {
  const store = new MemoryEventStore();
  const ids = Array.from({ length: options.streams }, (_, i) => `live-${i}`);
  const perStream = ids.map(() => parseStream(ndjson).slice(0, options.events)); // fresh events
  const head = perStream[0]!.findIndex((e) => e.type === 'periodStarted');
  for (const [i, id] of ids.entries()) await store.append(id, perStream[i]!.slice(0, head));
  const centre = options.baseline
    ? await startBaseline(store)
    : await startMatchCentre({ store, limits: { sseClients: options.clients + 10 }, heartbeatSeconds: 5 });
  try {
    // Collected and steady: the heap returns pages lazily, so wait until RSS stops moving.
    const settle = async () => {
      let last = process.memoryUsage();
      for (let i = 0; i < 20; i++) {
        collect();
        await new Promise((r) => setTimeout(r, 100));
        const m = process.memoryUsage();
        if (Math.abs(m.rss - last.rss) < 256 * 1024 && i > 1) return m;
        last = m;
      }
      return last;
    };
    const before = await settle();
    child.send({
      kind: 'connect',
      job: { url: centre.url, streams: ids, clients: options.clients, versions: options.events },
    });
    await message(child, 'connected', 60_000);
    const after = await settle();
    const appendedAt: number[][] = ids.map(() => []);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const gap = 1000 / options.rate;
    let n = 0;
    for (let k = head; k < options.events; k++)
      for (const [i, id] of ids.entries()) {
        // Paced against the clock: late appends catch up at once rather than drift.
        const due = started + n++ * gap;
        const wait = due - performance.now();
        // Always a turn of the event loop, as appends arriving from a network would give the
        // server: a tight loop of awaits would hold every socket write back until it ends.
        await new Promise((r) => (wait > 1 ? setTimeout(r, wait) : setImmediate(r)));
        appendedAt[i]![k + 1] = now();
        await store.append(id, [perStream[i]![k]!], { expectedVersion: k });
      }
    const appendSeconds = (performance.now() - started) / 1000;
    const startedAt = performance.timeOrigin + started;
    child.send({ kind: 'report', appendedAt });
    const { report } = await message<{ report: ClientsReport }>(child, 'report', 90_000);
    const used = process.cpuUsage(cpu);
    // Until the last client read the last delta.
    const wall = (report.lastReceipt - startedAt) / 1000;
    const delivered = (options.events - head) * options.clients;
    return {
      clients: report,
      rssPerClient: (after.rss - before.rss) / options.clients,
      heapPerClient: (after.heapUsed + after.external - before.heapUsed - before.external) / options.clients,
      serverCores: (used.user + used.system) / 1e6 / wall,
      clientCores: report.cpuMs / 1000 / wall,
      appendSeconds,
      eventsPerSecond: (n / appendSeconds) | 0,
      deliveredPerSecond: delivered / wall,
    };
  } finally {
    await centre.stop();
  }
}

function spread(xs: number[], digits = 1): string {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)]!;
  return `${median.toFixed(digits)} (${s[0]!.toFixed(digits)}–${s.at(-1)!.toFixed(digits)})`;
}

async function main(): Promise<void> {
  const rounds = arg('rounds', 3);
  const clients = arg('clients', 1000);
  const rate = arg('rate', 1000);
  const streams = arg('streams', 100);
  const ndjson = statsbombMatch();
  const total = parseStream(ndjson).length;
  const child = fork(import.meta.filename, ['--clients-process'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await message(child, 'ready', 30_000);
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const scenarios = [
    {
      name: `one stream, ${clients.toLocaleString('en')} clients, ${total.toLocaleString('en')} events at ${rate.toLocaleString('en')}/s`,
      options: { streams: 1, clients, events: total, rate },
    },
    {
      name: `the same on the baseline (node:http, deltas only)`,
      options: { streams: 1, clients, events: total, rate, baseline: true },
    },
    {
      name: `${streams} streams live at once, ${(clients / streams) | 0} clients each, 400 events a stream at ${(rate * 2).toLocaleString('en')}/s in all`,
      options: { streams, clients, events: 400, rate: rate * 2 },
    },
  ];
  const load = () => loadavg()[0]!.toFixed(1);
  say(
    `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ` +
      `${rounds} rounds each; median (min–max) over rounds. The cores were shared with other work: load average ${load()} at the start.\n`,
  );
  say(
    '| scenario | latency p50 ms | p90 ms | p99 ms | max ms | server RSS / client | server heap / client | server CPU (cores) | clients CPU (cores) | appends/s reached | deliveries/s | drops, gaps, doubles, missing |',
  );
  say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  try {
    // Rounds alternate between the scenarios, so a change in the machine's load hits them alike.
    const all = scenarios.map(() => [] as RoundResult[]);
    for (let r = 0; r < rounds; r++)
      for (const [i, scenario] of scenarios.entries()) {
        const result = await round(child, ndjson, scenario.options);
        all[i]!.push(result);
        console.error(`  ${scenario.name}, round ${r + 1}: ${JSON.stringify(result)}`);
      }
    for (const [i, scenario] of scenarios.entries()) {
      const results = all[i]!;
      const faults = results.map(
        (x) => `${x.clients.dropped}/${x.clients.gaps}/${x.clients.doubles}/${x.clients.missing}`,
      );
      const cell = (pick: (x: RoundResult) => number, digits = 1) => spread(results.map(pick), digits);
      const cells = [
        scenario.name,
        cell((x) => x.clients.latencies.p50),
        cell((x) => x.clients.latencies.p90),
        cell((x) => x.clients.latencies.p99),
        cell((x) => x.clients.latencies.max),
        `${cell((x) => x.rssPerClient / 1024)} KiB`,
        `${cell((x) => x.heapPerClient / 1024)} KiB`,
        cell((x) => x.serverCores, 2),
        cell((x) => x.clientCores, 2),
        cell((x) => x.eventsPerSecond, 0),
        `${cell((x) => x.deliveredPerSecond / 1000, 0)}k`,
        faults.join(', '),
      ];
      say(`| ${cells.join(' | ')} |`);
    }
  } finally {
    child.send({ kind: 'exit' });
  }
  say(`\nLoad average ${load()} at the end.`);
  if (process.argv.includes('--write')) {
    const file = join(ROOT, 'docs/benchmarks.md');
    const doc = readFileSync(file, 'utf8');
    const block = `<!-- serve-load -->\n${lines.join('\n')}\n<!-- /serve-load -->`;
    const updated = doc.includes('<!-- serve-load -->')
      ? doc.replace(/<!-- serve-load -->[\s\S]*<!-- \/serve-load -->/, block)
      : `${doc.trimEnd()}\n\n## Match centre under load (bench/serve-load.ts)\n\n${block}\n`;
    writeFileSync(file, updated);
  }
}

if (process.argv.includes('--clients-process')) runClients();
else await main();
