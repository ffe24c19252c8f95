/**
 * Real processes against a real PostgreSQL: writers killed with SIGKILL mid-append, eight processes
 * racing on one stream, and the server restarted under a writer and a follower.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { isCaughtUp, isMatchlineError, type MatchEvent } from '../src/index.js';
import { PostgresEventStore } from '../src/store/postgres/index.js';
import type { StoredEvent } from '../src/store/index.js';
import { usePostgres } from './postgres-helpers.js';
import { ROOT } from './helpers.js';

const db = usePostgres();
const KILLS = Number(process.env.MATCHLINE_PG_KILLS ?? 20);

function worker(name: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/workers', name), ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Calls `onLine` for every stdout line; resolves with the exit code. */
function watch(child: ChildProcess, onLine: (line: string) => void): Promise<number | null> {
  createInterface({ input: child.stdout! }).on('line', onLine);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      if (code !== 0 && code !== null) console.error(stderr);
      resolve(code);
    }),
  );
}

/** Every batch is whole: events v<V>-<i>of<n> come in complete runs of n. */
function checkWholeBatches(events: readonly MatchEvent[]): void {
  expect(events.slice(0, 2).map((e) => e.id)).toEqual(['e0', 'e1']);
  let i = 2;
  while (i < events.length) {
    const match = /^v(\d+)-1of(\d+)$/.exec(events[i]!.id);
    expect(match, `batch start at ${i}: ${events[i]!.id}`).not.toBeNull();
    const [, version, size] = match!.map(Number) as [number, number, number];
    expect(version).toBe(i);
    for (let k = 1; k <= size; k++) expect(events[i + k - 1]?.id).toBe(`v${version}-${k}of${size}`);
    i += size;
  }
}

describe('PostgresEventStore with real processes', () => {
  it(`${KILLS} writers killed with SIGKILL mid-append: no acknowledged event lost, no partial append`, async () => {
    const store = await db.store();
    let acked = 0;
    let inFlight = 0;
    for (let k = 0; k < KILLS; k++) {
      const child = worker('postgres-writer.ts', ['crash', db.url, store.schema, 'crash']);
      let last = '';
      let firstAck: () => void = () => undefined;
      const acking = new Promise<void>((resolve) => (firstAck = resolve));
      const exited = watch(child, (line) => {
        last = line;
        if (line.startsWith('ack ')) {
          acked = Math.max(acked, Number(line.split(' ')[2]));
          firstAck();
        }
      });
      await Promise.race([acking, exited]);
      await new Promise((r) => setTimeout(r, Math.random() * 60));
      child.kill('SIGKILL');
      expect(await exited).toBeNull();
      if (last.startsWith('send ')) inFlight++;
      // The server rolls back the killed connection's transaction: the stream is whole, every
      // acknowledged event is there, and the next writer is not blocked by a stale lock.
      const events = await store.read('crash');
      expect(events.length).toBeGreaterThanOrEqual(acked);
      checkWholeBatches(events);
    }
    console.log(
      `postgres crash test: ${KILLS} kills, ${inFlight} with an append in flight, ${acked} events acknowledged`,
    );
    expect(inFlight).toBeGreaterThan(0);
  }, 300_000);

  it('eight processes race on one stream with the same expected version: exactly one wins each round', async () => {
    const store = await db.store();
    await store.append('race', [...(await import('./helpers.js')).Stream.played().events]);
    const racers = Array.from({ length: 8 }, (_, i) =>
      worker('postgres-racer.ts', [db.url, store.schema, 'race', `p${i}`]),
    );
    const queues = racers.map(() => [] as string[]);
    const waiters: (() => void)[] = [];
    const exits = racers.map((child, i) =>
      watch(child, (line) => {
        queues[i]!.push(line);
        waiters.splice(0).forEach((w) => w());
      }),
    );
    const next = async (i: number): Promise<string> => {
      while (queues[i]!.length === 0) await new Promise<void>((r) => waiters.push(r));
      return queues[i]!.shift()!;
    };
    expect(await Promise.all(racers.map((_, i) => next(i)))).toEqual(Array(8).fill('ready'));
    const rounds = 15;
    for (let round = 0; round < rounds; round++) {
      const version = 3 + round;
      for (const r of racers) r.stdin!.write(`round ${version}\n`);
      const answers = await Promise.all(racers.map((_, i) => next(i)));
      expect(
        answers.filter((a) => a === `ok ${version + 1}`),
        answers.join(', '),
      ).toHaveLength(1);
      expect(answers.filter((a) => a === 'err WRONG_EXPECTED_VERSION')).toHaveLength(7);
    }
    for (const r of racers) r.stdin!.end();
    expect(await Promise.all(exits)).toEqual(Array(8).fill(0));
    expect(await store.read('race')).toHaveLength(3 + rounds);
  }, 120_000);

  it('a server restart under a writer and a follower: the follower resumes with no gap and no double', async () => {
    const store = await db.store({ pollIntervalMs: 50 });
    const followed: StoredEvent[] = [];
    let followError: unknown = null;
    const subscription = store
      .subscribeAll()
      .pipe(filter((i): i is StoredEvent => !isCaughtUp(i)))
      .subscribe({ next: (i) => followed.push(i), error: (e: unknown) => (followError = e) });
    const writer = worker('postgres-writer.ts', ['steady', db.url, store.schema, '4', '240']);
    let acks = 0;
    let restarted: () => void = () => undefined;
    const halfway = new Promise<void>((resolve) => (restarted = resolve));
    const exited = watch(writer, (line) => {
      if (line.startsWith('ack ') && ++acks === 80) restarted();
    });
    await halfway;
    db.cluster.stopServer();
    await new Promise((r) => setTimeout(r, 500));
    db.cluster.startServer();
    await new Promise((r) => setTimeout(r, 300));
    db.cluster.restart();
    expect(await exited).toBe(0);
    const all = await store.readAll();
    await new Promise((r) => setTimeout(r, 500));
    subscription.unsubscribe();
    expect(followError).toBeNull();
    expect(all.length).toBeGreaterThan(240);
    expect(followed.map((e) => e.position)).toEqual(all.map((e) => e.position));
    // Per stream the versions are dense and in order.
    for (const s of ['s0', 's1', 's2', 's3']) {
      const versions = followed.filter((e) => e.streamId === s).map((e) => e.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
  }, 120_000);

  it('a stopped server gives a typed STORE_IO error that says nothing was written; the retry succeeds', async () => {
    const store = await db.store();
    await store.append('m', (await import('./helpers.js')).Stream.played().events);
    db.cluster.stopServer();
    try {
      const error = await store
        .append(
          'm',
          [{ id: 'x', type: 'addedTime', at: { period: 1, ms: 5 }, minutes: 2 } as unknown as MatchEvent],
          {
            expectedVersion: 3,
          },
        )
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(isMatchlineError(error) && error.code).toBe('STORE_IO');
      expect((error as Error).message).toContain('nothing was written');
      expect((error as Error).message).not.toContain(db.cluster.password);
    } finally {
      db.cluster.startServer();
    }
    const retried = await store.append(
      'm',
      [{ id: 'x', type: 'addedTime', at: { period: 1, ms: 5 }, minutes: 2 } as unknown as MatchEvent],
      { expectedVersion: 3 },
    );
    expect(retried.version).toBe(4);
    const other = await PostgresEventStore.open(db.url, { schema: store.schema });
    expect((await other.read('m')).map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'x']);
    await other.close();
  }, 60_000);
});
