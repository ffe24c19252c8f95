/**
 * The file store's lock (src/store/file/lock.ts): served in ticket order, each waiter woken by the
 * release of the ticket just ahead of it, and a holder that died (SIGKILL) removed at the next
 * liveness check. Fairness under 16 processes is measured in bench/store.ts, not timed here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QueueLock } from '../src/store/index.js';
import { crc32 } from '../src/store/file/ledger.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'matchline-lock-')), 'locks');

describe('QueueLock', () => {
  it('serves waiters in the order they queued, one holder at a time', async () => {
    const root = fresh();
    const holder = await new QueueLock(root).acquire('m', 5000);
    const served: number[] = [];
    let holding = 0;
    let most = 0;
    const waiters: Promise<void>[] = [];
    for (let i = 0; i < 6; i++) {
      // Each waiter holds its ticket before the next one asks (a separate lock object, like a process).
      const asked = new QueueLock(root).acquire('m', 5000).then(async (release) => {
        holding += 1;
        most = Math.max(most, holding);
        served.push(i);
        await new Promise((r) => setTimeout(r, 5));
        holding -= 1;
        await release();
      });
      waiters.push(asked);
      while (readdirSync(join(root, 'm')).filter((n) => n.startsWith('t-')).length < i + 2)
        await new Promise((r) => setTimeout(r, 1));
    }
    await holder();
    await Promise.all(waiters);
    expect(served).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(1);
    expect(readdirSync(join(root, 'm'))).toEqual([]);
  });

  it('a holder killed with its ticket in the folder is removed at the next liveness check', async () => {
    const root = fresh();
    mkdirSync(join(root, 'm'), { recursive: true });
    // A process that has exited: its pid is not alive (or is someone else's, with another start time).
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(dead.stdout.trim());
    const ticket = `t-000000000001-${crc32(hostname())}-${pid}-1-abcdef012345`;
    writeFileSync(join(root, 'm', ticket), '');
    const started = Date.now();
    const release = await new QueueLock(root).acquire('m', 3000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(readdirSync(join(root, 'm'))).not.toContain(ticket);
    await release();
  });
});
