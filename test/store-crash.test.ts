/**
 * Power loss, simulated (issue 14, item 7): the file store on CrashFs, where unsynced writes may be
 * lost, torn or reordered and only a prefix of the unsynced folder journal survives. Each run appends
 * batches to a few streams, loses power at a random operation, reopens what survived and checks:
 * no acknowledged event lost, no partial event read, no global position reused. Runs chain several
 * crashes (a crash during the recovery of the last one included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMatchlineError, type MatchEvent } from '../src/events/index.js';
import { FileEventStore, ProcessLock } from '../src/store/index.js';
import { CrashFs, randomFrom } from '../src/store/fs/crash.js';
import { seed } from './helpers.js';

const match = seed('ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson'); // 23 events
const DIR = '/store';
const STREAMS = ['a', 'b', 'c'];

interface Acknowledged {
  /** Events acknowledged per stream (a prefix of the match). */
  readonly versions: Map<string, number>;
  /** Global position -> [stream, version] of every acknowledged event. */
  readonly positions: Map<number, [string, number]>;
  /** The append in flight when the power went: it may survive whole, or not at all. */
  inFlight: { stream: string; size: number } | null;
}

const open = (fs: CrashFs) => FileEventStore.open(DIR, { fs, lock: new ProcessLock(), pollMs: 5 });

/** Appends until the plan ends or the power goes; records what was acknowledged. */
async function appendUntilCrash(
  fs: CrashFs,
  plan: readonly { stream: number; size: number }[],
  acked: Acknowledged,
): Promise<void> {
  let store: FileEventStore;
  try {
    store = await open(fs);
  } catch (error) {
    if (fs.crashed && isMatchlineError(error)) return;
    throw error;
  }
  for (const step of plan) {
    const stream = STREAMS[step.stream]!;
    const from = acked.versions.get(stream) ?? 0;
    const batch = match.slice(from, from + step.size);
    if (batch.length === 0) continue;
    acked.inFlight = { stream, size: batch.length };
    try {
      const result = await store.append(stream, batch, { expectedVersion: from === 0 ? 'no-stream' : from });
      expect(result.version).toBe(from + batch.length);
      for (let k = 0; k < batch.length; k++)
        acked.positions.set(result.position! - batch.length + 1 + k, [stream, from + k + 1]);
      acked.versions.set(stream, from + batch.length);
      acked.inFlight = null;
    } catch (error) {
      if (fs.crashed && isMatchlineError(error)) return; // the power went during this append
      throw error;
    }
  }
  acked.inFlight = null;
}

/** Reopens the disk after the loss and checks it against what was acknowledged; adopts what survived. */
async function checkAfterLoss(fs: CrashFs, acked: Acknowledged): Promise<void> {
  const store = await open(fs);
  const all = await store.readAll();
  for (let i = 1; i < all.length; i++) expect(all[i]!.position).toBeGreaterThan(all[i - 1]!.position);
  const byPosition = new Map(all.map((e) => [e.position, e]));
  for (const [position, [stream, version]] of acked.positions) {
    const stored = byPosition.get(position);
    expect(stored, `acknowledged position ${position} lost`).toBeDefined();
    expect([stored!.streamId, stored!.version]).toEqual([stream, version]);
    expect(stored!.event).toEqual(match[version - 1]);
  }
  for (const stream of STREAMS) {
    const events: MatchEvent[] = (await store.exists(stream)) ? await store.read(stream) : [];
    const known = acked.versions.get(stream) ?? 0;
    const inFlight = acked.inFlight?.stream === stream ? acked.inFlight.size : 0;
    // Whole batches only: the acknowledged ones, and the one in flight either whole or not at all.
    expect([known, known + inFlight]).toContain(events.length);
    expect(events).toEqual(match.slice(0, events.length));
    if (events.length > 0) expect((await store.check(stream)).status).not.toBe('damaged');
    acked.versions.set(stream, events.length);
    if (events.length > known) {
      // The in-flight append survived: its events now count, at the positions the store gave them.
      for (const e of all)
        if (e.streamId === stream && e.version > known) acked.positions.set(e.position, [stream, e.version]);
    }
  }
  acked.inFlight = null;
  // No position is handed out twice: the next append gets positions past every one seen.
  const stream = STREAMS.find((s) => (acked.versions.get(s) ?? 0) < match.length)!;
  const from = acked.versions.get(stream) ?? 0;
  const seen = Math.max(0, ...all.map((e) => e.position));
  const result = await store.append(stream, [match[from]!], {
    expectedVersion: from === 0 ? 'no-stream' : from,
  });
  expect(result.position).toBeGreaterThan(seen);
  acked.positions.set(result.position!, [stream, from + 1]);
  acked.versions.set(stream, from + 1);
}

const step = fc.record({ stream: fc.integer({ min: 0, max: 2 }), size: fc.integer({ min: 1, max: 3 }) });
const round = fc.record({
  plan: fc.array(step, { minLength: 1, maxLength: 6 }),
  crashAt: fc.nat({ max: 250 }), // an append is about 36 operations, a first one about 51
  seed: fc.integer(),
});

describe('the simulated disk', () => {
  it('keeps synced data and folder entries, and may lose, tear or reorder what was not synced', async () => {
    const disk = new CrashFs();
    await disk.mkdir('/d');
    await disk.syncDir('/');
    const file = await disk.open('/d/f', 'create');
    await file.write(Buffer.from('synced\n'), 0);
    await file.sync();
    await disk.syncDir('/d');
    await file.write(Buffer.from('first\n'), 7);
    await file.write(Buffer.from('second\n'), 13);
    await disk.rename('/d/f', '/d/g'); // journalled, not synced
    // Everything unsynced lost (every roll 0): the synced line under its synced name.
    const lost = disk.afterPowerLoss(() => 0);
    expect(lost.peek('/d/f')?.toString()).toBe('synced\n');
    expect(lost.peek('/d/g')).toBeNull();
    // Rolls: journal kept whole, first write lost, second kept: reordered, with a zero-filled hole.
    const rolls = [0.99, 0.1, 0.9];
    const reordered = disk.afterPowerLoss(() => rolls.shift() ?? 0.9);
    expect(reordered.peek('/d/g')?.toString()).toBe(`synced\n${'\0'.repeat(6)}second\n`);
    // Torn: the first write kept only in part.
    const tornRolls = [0, 0.5, 0.5, 0];
    const torn = disk.afterPowerLoss(() => tornRolls.shift() ?? 0);
    expect(torn.peek('/d/f')?.toString()).toBe('synced\nfir');
    await expect(disk.kind('/d')).rejects.toMatchObject({ code: 'ESIMCRASH' }); // the old process is dead
  });
});

describe('the file store after a simulated power loss (issue 14)', () => {
  it('a head older than the ledger (a writer died before moving it, or its write was lost) hides nothing', async () => {
    let disk = new CrashFs();
    const writer = await open(disk);
    await writer.append('a', match.slice(0, 2));
    const head = disk.peek(`${DIR}/.matchline/head`)!;
    const older = Buffer.from(head);
    await writer.append('a', match.slice(2, 5));
    // The head write of the second append lost, everything else kept: the head says 2 events.
    disk = disk.afterPowerLoss(() => 1);
    const stale = await disk.open(`${DIR}/.matchline/head`, 'replace');
    await stale.write(older, 0);
    const reader = await open(disk);
    expect(await reader.read('a')).toEqual(match.slice(0, 5));
    expect((await reader.readAll()).map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it('loses no acknowledged event, reads no partial event and reuses no position, over thousands of crashes', async () => {
    let crashes = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 1, maxLength: 3 }), async (rounds) => {
        const acked: Acknowledged = { versions: new Map(), positions: new Map(), inFlight: null };
        let fs = new CrashFs({ crashAfter: rounds[0]!.crashAt });
        for (let r = 0; r < rounds.length; r++) {
          await appendUntilCrash(fs, rounds[r]!.plan, acked);
          const next = rounds[r + 1];
          // The power goes (mid-append, or after the last one); the next round's crash may hit the recovery.
          fs = fs.afterPowerLoss(randomFrom(rounds[r]!.seed));
          crashes += 1;
          await checkAfterLoss(fs, acked);
          if (next) fs = fs.afterPowerLoss(() => 1, next.crashAt); // keep everything, plan the next crash
        }
      }),
      { numRuns: 1200 },
    );
    expect(crashes).toBeGreaterThanOrEqual(2000);
  }, 300_000);

  it('a repair killed at any step, then run again, leaves one quarantine file and the good events', async () => {
    /** A stream of 5 events whose third line was damaged outside the store. */
    const damaged = async (): Promise<{ disk: CrashFs; tail: Buffer }> => {
      const disk = new CrashFs();
      await (await open(disk)).append('m', match.slice(0, 5));
      const path = `${DIR}/m.ndjson`;
      const text = disk.peek(path)!.toString();
      const third = Buffer.byteLength(text.split('\n').slice(0, 2).join('\n')) + 1; // bytes, not characters
      const file = await disk.open(path, 'write');
      await file.write(Buffer.from('#'), third);
      return { disk, tail: disk.peek(path)!.subarray(third) };
    };
    let completed = false;
    let kills = 0;
    for (let k = 0; !completed; k++) {
      const { disk, tail } = await damaged();
      let killed = disk.afterPowerLoss(() => 1, k); // the same disk, the repair dies at operation k
      try {
        await (await open(killed)).repair('m');
        completed = true;
      } catch (error) {
        if (!killed.crashed) throw error;
        kills += 1;
      }
      killed = killed.afterPowerLoss(() => 1); // a kill keeps the page cache: everything written
      const again = await open(killed);
      await again.repair('m');
      expect(await again.read('m'), `killed at operation ${k}`).toEqual(match.slice(0, 2));
      const sides = (await killed.readdir(DIR)).filter((name) => name.includes('.damaged-'));
      expect(sides, `killed at operation ${k}`).toHaveLength(1);
      expect(killed.peek(`${DIR}/${sides[0]}`)).toEqual(tail);
      expect(await killed.readdir(`${DIR}/.matchline/new`)).toEqual([]);
      expect(k).toBeLessThan(200);
    }
    expect(kills).toBeGreaterThan(20); // every step of the repair was a kill point
  });

  it('a first append killed at any step leaves the stream whole or absent, and no stale file once retried', async () => {
    let completed = false;
    for (let k = 0; !completed; k++) {
      let disk = new CrashFs({ crashAfter: k });
      try {
        await (await open(disk)).append('m', match.slice(0, 3), { expectedVersion: 'no-stream' });
        completed = true;
      } catch (error) {
        if (!disk.crashed) throw error;
      }
      disk = disk.afterPowerLoss(() => 1);
      const store = await open(disk);
      const exists = await store.exists('m');
      if (exists) expect(await store.read('m'), `killed at operation ${k}`).toEqual(match.slice(0, 3));
      else await store.append('m', match.slice(0, 3), { expectedVersion: 'no-stream' });
      await store.append('m', match.slice(3, 4), { expectedVersion: 3 });
      expect(await store.read('m')).toEqual(match.slice(0, 4));
      expect((await disk.readdir(DIR)).filter((n) => n !== '.matchline')).toEqual(['m.ndjson']);
      expect(await disk.readdir(`${DIR}/.matchline/new`), `killed at operation ${k}`).toEqual([]);
      expect(k).toBeLessThan(200);
    }
  });
});
