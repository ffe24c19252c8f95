/**
 * One of the lock-fairness writers of bench/store.ts: waits for "go" on stdin, appends `count`
 * single events to one stream (no expected version, so every append must get the lock), and prints
 * one JSON line per append: how long it waited for each lock and held it, and its outcome.
 */
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { isMatchlineError } from '../src/events/index.js';
import { FileEventStore, QueueLock, type StoreLock } from '../src/store/index.js';
import { join } from 'node:path';

const [dir, stream, countText, writer, timeoutText] = process.argv.slice(2);
const count = Number(countText);
const inner = new QueueLock(join(dir!, '.matchline', 'locks'));
let locks: { name: string; wait: number; hold: number }[] = [];
/** The store's own lock, timed: wait = acquire, hold = acquire to release. */
const timed: StoreLock = {
  busy: (name) => inner.busy(name),
  async acquire(name, timeoutMs) {
    const asked = performance.now();
    const release = await inner.acquire(name, timeoutMs);
    const got = performance.now();
    return async () => {
      locks.push({ name, wait: got - asked, hold: performance.now() - got });
      await release();
    };
  },
};
const store = await FileEventStore.open(dir!, { lock: timed, lockTimeoutMs: Number(timeoutText) });
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) if (line === 'go') break;
for (let k = 0; k < count; k++) {
  const started = performance.now();
  locks = [];
  let outcome = 'ok';
  try {
    await store.append(stream!, [
      { id: `w${writer}-${k}`, type: 'action', at: { period: 1, ms: 0 }, team: 'home', kind: 'Pass' },
    ]);
  } catch (error) {
    outcome = isMatchlineError(error) ? error.code : 'crash';
  }
  process.stdout.write(`${JSON.stringify({ k, outcome, ms: performance.now() - started, locks })}\n`);
}
process.exit(0);
