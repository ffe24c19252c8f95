/** Real processes, real files, real SIGKILLs: the file store never loses an acknowledged event. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  copyFileSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileEventStore, QueueLock } from '../src/store/index.js';
import { codeOf } from './store-conformance.js';
import { ROOT, Stream, at, seed } from './helpers.js';

const KILLS = Number(process.env.MATCHLINE_CRASH_KILLS ?? 100);
const fresh = () => mkdtempSync(join(tmpdir(), 'matchline-rel-'));

function startWriter(dir: string): { child: ChildProcess; acked: () => number; firstAck: Promise<void> } {
  const child = spawn(process.execPath, [join(ROOT, 'test/workers/store-writer.mjs'), dir, 'crash'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let last = 0;
  let buffer = '';
  let signal: () => void = () => undefined;
  const firstAck = new Promise<void>((resolve) => {
    signal = resolve;
    setTimeout(resolve, 3000);
  });
  child.stdout.on('data', (chunk: Buffer) => {
    signal();
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const l of lines) if (l.startsWith('ack ')) last = Number(l.slice(4));
  });
  return { child, acked: () => last, firstAck };
}

describe('FileEventStore reliability', () => {
  it(
    `crash safety: ${KILLS} SIGKILLs during appends lose no acknowledged event and leave no partial one`,
    async () => {
      const dir = fresh();
      let maxAcked = 0;
      let recoveries = 0;
      for (let k = 0; k < KILLS; k++) {
        const { child, acked, firstAck } = startWriter(dir);
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // Kill at a random moment while the writer is appending (after its first acknowledgement).
        await firstAck;
        await new Promise((r) => setTimeout(r, Math.random() * 40));
        child.kill('SIGKILL');
        await exited;
        maxAcked = Math.max(maxAcked, acked());
        const store = await FileEventStore.open(dir);
        const events = (await store.exists('crash')) ? await store.read('crash') : [];
        // Every acknowledged append is there, in order, and nothing else but at most the batch in flight.
        expect(events.length).toBeGreaterThanOrEqual(maxAcked);
        expect(events.length).toBeLessThanOrEqual(maxAcked + 3);
        expect(events.map((e) => e.id)).toEqual(events.map((_, i) => `e${i}`));
        const text = events.length > 0 ? readFileSync(join(dir, 'crash.ndjson'), 'utf8') : '';
        expect(text === '' || text.endsWith('\n')).toBe(true);
        maxAcked = events.length;
        // The next writer cuts what the killed one left past its last commit (never acknowledged).
        const writer = await FileEventStore.open(dir);
        await writer.repair('crash');
        recoveries += writer.recoveries.length;
        // A batch whose ledger record was written before the kill (not acknowledged) may now count.
        const after = await writer.read('crash');
        expect(after.slice(0, events.length)).toEqual(events);
        expect(after.length).toBeLessThanOrEqual(Math.max(events.length, maxAcked + 3));
        maxAcked = after.length;
      }
      expect(maxAcked).toBeGreaterThan(KILLS);
      console.log(
        `crash test: ${KILLS} kills, ${maxAcked} events stored, ${recoveries} unacknowledged tails cut by the next writer`,
      );
    },
    Math.max(600_000, KILLS * 3_000),
  ); // about 1.8 s a kill on the shared 2-core machine

  it('concurrency: racing processes with the same expected version, exactly one wins each round', async () => {
    const dir = fresh();
    const store = await FileEventStore.open(dir);
    await store.append(
      'race',
      Stream.played()
        .events.slice(0, 1)
        .concat([{ id: 'k', type: 'periodStarted', at: { period: 1, ms: 0 } }] as never),
    );
    const racers = [0, 1, 2, 3].map((i) =>
      spawn(process.execPath, [join(ROOT, 'test/workers/store-racer.mjs'), dir, 'race', `r${i}`], {
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
    const queues = racers.map(() => [] as string[]);
    const waiters: (() => void)[] = [];
    racers.forEach((r, i) => {
      let buf = '';
      r.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        queues[i]!.push(...lines);
        waiters.splice(0).forEach((w) => w());
      });
    });
    const next = async (i: number): Promise<string> => {
      while (queues[i]!.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
      return queues[i]!.shift()!;
    };
    for (let i = 0; i < racers.length; i++) expect(await next(i)).toBe('ready');
    let version = 2;
    for (let round = 0; round < 15; round++) {
      for (const r of racers) r.stdin.write(`round ${version}\n`);
      const answers = await Promise.all(racers.map((_, i) => next(i)));
      expect(answers.filter((a) => a === `ok ${version + 1}`)).toHaveLength(1);
      expect(answers.filter((a) => a === 'err WRONG_EXPECTED_VERSION')).toHaveLength(racers.length - 1);
      version++;
    }
    for (const r of racers) r.kill();
    const events = await (await FileEventStore.open(dir)).read('race');
    expect(events).toHaveLength(version);
  }, 60_000);

  it('a writer that cannot get the lock in time gets STORE_LOCKED and writes nothing', async () => {
    const dir = fresh();
    const store = await FileEventStore.open(dir, { lockTimeoutMs: 200 });
    await store.append('m', Stream.played().events);
    const before = readFileSync(join(dir, 'm.ndjson'), 'utf8');
    // Another holder of the stream's lock (here: this test, through the lock folder itself).
    const release = await new QueueLock(join(dir, '.matchline', 'locks')).acquire('m', 1000);
    const goal = Stream.played((x) => x.goal('home', '10', 'h9')).events.slice(-1);
    try {
      expect(await codeOf(store.append('m', goal))).toBe('STORE_LOCKED');
    } finally {
      await release();
    }
    expect(readFileSync(join(dir, 'm.ndjson'), 'utf8')).toBe(before);
    expect(await store.append('m', goal)).toMatchObject({ version: 4 });
  });

  it('a torn last line (crash mid-write, a folder without a ledger): readers skip it, the next append cuts and reports it', async () => {
    const dir = fresh();
    const file = join(dir, 'm.ndjson');
    const lines = Stream.played().events.map((e) => JSON.stringify(e));
    const torn = lines.join('\n') + '\n' + lines[0]!.slice(0, 20);
    writeFileSync(file, torn);
    const store = await FileEventStore.open(dir);
    expect(await store.read('m')).toHaveLength(3);
    expect(await store.check('m')).toMatchObject({ status: 'tornLine', tailBytes: 20 });
    expect(readFileSync(file, 'utf8')).toBe(torn); // a reader changes nothing
    const goal = Stream.played((x) => x.goal('home', '10', 'h9')).events.slice(-1);
    expect(await store.append('m', goal)).toMatchObject({ version: 4 });
    expect(store.recoveries).toEqual([
      expect.objectContaining({ streamId: 'm', reason: 'tornLine', bytes: 20 }),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(lines.join('\n') + '\n' + JSON.stringify(goal[0]) + '\n');
  });

  it('bytes past the committed length (an append never acknowledged) are ignored by readers and cut by the next append', async () => {
    const dir = fresh();
    const store = await FileEventStore.open(dir);
    await store.append('m', Stream.played().events);
    const before = readFileSync(join(dir, 'm.ndjson'), 'utf8');
    const stray = {
      id: 'g',
      type: 'goal',
      at: at('10'),
      team: 'home',
      scorer: 'h9',
      scorerTeam: 'home',
      penalty: false,
      ownGoal: false,
    };
    appendFileSync(join(dir, 'm.ndjson'), JSON.stringify(stray) + '\n');
    const reopened = await FileEventStore.open(dir);
    expect(await reopened.read('m')).toHaveLength(3);
    expect(await reopened.check('m')).toMatchObject({ status: 'uncommittedTail' });
    const goal = Stream.played((x) => x.goal('home', '11', 'h8')).events.slice(-1);
    expect(await reopened.append('m', goal)).toMatchObject({ version: 4 });
    expect(reopened.recoveries[0]).toMatchObject({ reason: 'uncommittedTail' });
    expect(readFileSync(join(dir, 'm.ndjson'), 'utf8')).toBe(before + JSON.stringify(goal[0]) + '\n');
  });

  it('a damaged line in the middle refuses the stream with file and line; check explains; repair quarantines the tail', async () => {
    const dir = fresh();
    const store = await FileEventStore.open(dir);
    await store.append('m', Stream.played((s) => s.goal('home', '10', 'h9').goal('home', '11', 'h8')).events);
    const file = join(dir, 'm.ndjson');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('"type"', '"tpye"');
    writeFileSync(file, lines.join('\n'));
    const reopened = await FileEventStore.open(dir);
    let message = '';
    try {
      await reopened.read('m');
    } catch (error) {
      message = String(error);
      expect((error as { code: string }).code).toBe('STREAM_CORRUPT');
    }
    expect(message).toContain(`${file}:3`);
    expect(await reopened.check('m')).toMatchObject({ status: 'damaged', events: 2, problem: { line: 3 } });
    const repaired = await reopened.repair('m');
    expect(repaired.quarantine).toBeDefined();
    expect(readFileSync(repaired.quarantine!, 'utf8').split('\n')[0]).toContain('"tpye"');
    expect(await reopened.read('m')).toHaveLength(2);
  });

  it('a folder of seed matches is a store', async () => {
    const dir = fresh();
    const season = readdirSync(join(ROOT, 'events/ucl/2022-23'));
    for (const f of season) copyFileSync(join(ROOT, 'events/ucl/2022-23', f), join(dir, f));
    const store = await FileEventStore.open(dir);
    const ids = await store.list();
    expect(ids).toHaveLength(season.length);
    expect(ids).toEqual(
      expect.arrayContaining(['r16-leg1-liverpool-real-madrid', 'r16-leg2-real-madrid-liverpool']),
    );
    expect(await store.read('r16-leg1-liverpool-real-madrid')).toEqual(
      seed('ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson'),
    );
    expect(
      await codeOf(
        store.append('r16-leg1-liverpool-real-madrid', [
          {
            id: 'late',
            type: 'goal',
            at: at('95'),
            team: 'home',
            scorerTeam: 'home',
            penalty: false,
            ownGoal: false,
          },
        ] as never),
      ),
    ).toBe('EVENT_AFTER_FULL_TIME');
  });

  it('a 100 MB line in an events file is refused by the CLI with a clear error, the store unchanged', () => {
    const dir = fresh();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/matchline.js'), ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
    const seedFile = join(dir, 'seed.ndjson');
    writeFileSync(
      seedFile,
      Stream.played()
        .events.map((e) => JSON.stringify(e))
        .join('\n') + '\n',
    );
    expect(cli('store', dir, 'append', 'm', seedFile).status).toBe(0);
    const huge = join(dir, 'huge.ndjson');
    writeFileSync(
      huge,
      JSON.stringify({
        id: 'h',
        type: 'matchAbandoned',
        at: at('10'),
        reason: 'x'.repeat(100 * 1024 * 1024),
      }) + '\n',
    );
    const before = statSync(join(dir, 'm.ndjson')).size;
    const r = cli('store', dir, 'append', 'm', huge);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/SCHEMA_INVALID|EVENT_TOO_LARGE/);
    expect(r.stderr.length).toBeLessThan(2000);
    expect(statSync(join(dir, 'm.ndjson')).size).toBe(before);
  }, 60_000);
});
