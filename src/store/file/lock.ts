/**
 * A fair inter-process lock without native code: Lamport's bakery algorithm on a folder of entries.
 * A writer announces itself (`c-…`, choosing), takes the next ticket number (`t-<n>-…`, created with
 * O_EXCL), and holds the lock when no entry that was choosing when it took its ticket is still
 * choosing and no smaller ticket is left. Writers are served in ticket order (queued, not polled:
 * each waiter watches only the ticket just ahead of it, so a release wakes one waiter). Entry names carry the owner's host, pid and
 * process start time, so a waiter sees at once that a holder died (even by SIGKILL) and removes its
 * entry: a dead writer holds the lock at most one liveness check (200 ms) longer than it lived.
 * Entries are never reused (a random part in each name), so removing a dead one cannot hit a live one.
 */
import { readFileSync, watch } from 'node:fs';
import { mkdir, readdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MatchlineError } from '../../events/index.js';
import { crc32 } from './ledger.js';
import { storeIoError } from '../fs/fs.js';

/** Releases a held lock. */
export type Release = () => Promise<void>;

export interface StoreLock {
  /** Waits for the named lock (FIFO); STORE_LOCKED after `timeoutMs`. */
  acquire(name: string, timeoutMs: number): Promise<Release>;
  /** Whether a live writer holds or waits for the lock (read-only: takes nothing). */
  busy(name: string): Promise<boolean>;
}

/** Liveness checks and the fallback for a missed notification run this often while waiting. */
const CHECK_MS = 200;
/** An entry of another host whose heartbeat is older than this is taken as dead. */
const FOREIGN_STALE_MS = 5000;
const HEARTBEAT_MS = 1000;

function startTimeOf(pid: number | 'self'): string | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return null; // a zombie has died, only not been reaped
    return fields[19] ?? '0';
  } catch {
    return null;
  }
}

const HOST = crc32(hostname());
const HAS_PROC = startTimeOf('self') !== null;
const SELF = `${HOST}-${process.pid}-${HAS_PROC ? startTimeOf('self') : '0'}`;
const ENTRY = /^(c|t)-(?:(\d{12})-)?([0-9a-f]{8})-(\d+)-(\d+)-([0-9a-f]+)$/;

interface Entry {
  readonly name: string;
  readonly kind: 'c' | 't';
  readonly ticket: number;
  readonly host: string;
  readonly pid: number;
  readonly start: string;
}

function parseEntry(name: string): Entry | null {
  const m = ENTRY.exec(name);
  if (!m) return null;
  return {
    name,
    kind: m[1] as 'c' | 't',
    ticket: Number(m[2] ?? 0),
    host: m[3]!,
    pid: Number(m[4]),
    start: m[5]!,
  };
}

async function isAlive(dir: string, entry: Entry): Promise<boolean> {
  if (entry.host !== HOST) {
    const stats = await stat(join(dir, entry.name)).catch(() => null);
    return stats !== null && Date.now() - stats.mtimeMs < FOREIGN_STALE_MS;
  }
  if (entry.pid === process.pid) return true;
  if (HAS_PROC) {
    const start = startTimeOf(entry.pid);
    return start !== null && (entry.start === '0' || start === entry.start);
  }
  try {
    process.kill(entry.pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

const before = (a: Entry, b: Entry): boolean =>
  a.ticket < b.ticket || (a.ticket === b.ticket && a.name < b.name);

/** The file store's lock: one folder of bakery entries per lock name under `root`. */
export class QueueLock implements StoreLock {
  constructor(private readonly root: string) {}

  async busy(name: string): Promise<boolean> {
    const dir = join(this.root, name);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const entry of names.map(parseEntry))
      if (entry?.kind === 't' && (await isAlive(dir, entry))) return true;
    return false;
  }

  async acquire(name: string, timeoutMs: number): Promise<Release> {
    const dir = join(this.root, name);
    const started = Date.now();
    const fail = (error: unknown) => storeIoError(error, dir, `take the lock ${name}`);
    await mkdir(dir, { recursive: true }).catch((error: unknown) => {
      throw fail(error);
    });
    const id = `${SELF}-${randomBytes(6).toString('hex')}`;
    const choosing = join(dir, `c-${id}`);
    await writeFile(choosing, '', { flag: 'wx' }).catch((error: unknown) => {
      throw fail(error);
    });
    let mine: Entry;
    let choosers: Set<string>;
    const heartbeat = setInterval(() => {
      void utimes(join(dir, mine.name), new Date(), new Date()).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const entries = (await readdir(dir)).map(parseEntry).filter((e): e is Entry => e !== null);
      const ticket = 1 + Math.max(0, ...entries.filter((e) => e.kind === 't').map((e) => e.ticket));
      const ticketName = `t-${String(ticket).padStart(12, '0')}-${id}`;
      await writeFile(join(dir, ticketName), '', { flag: 'wx' });
      mine = parseEntry(ticketName)!;
      await unlink(choosing);
      choosers = new Set((await readdir(dir)).filter((n) => n.startsWith('c-') && n !== `c-${id}`));
    } catch (error) {
      clearInterval(heartbeat);
      await unlink(choosing).catch(() => undefined);
      throw fail(error);
    }
    const release: Release = async () => {
      clearInterval(heartbeat);
      await unlink(join(dir, mine.name)).catch(() => undefined);
    };
    try {
      // Liveness is checked on the first look and on every timer tick, not on every wake-up.
      let checkLiveness = true;
      for (;;) {
        const names = await readdir(dir);
        let blockedByChooser = false;
        let predecessor: Entry | null = null;
        for (const other of names.map(parseEntry)) {
          if (!other || other.name === mine.name) continue;
          const blocks = other.kind === 'c' ? choosers.has(other.name) : before(other, mine);
          if (!blocks) continue;
          if (checkLiveness && !(await isAlive(dir, other))) {
            await unlink(join(dir, other.name)).catch(() => undefined); // a dead writer's entry
            continue;
          }
          if (other.kind === 'c') blockedByChooser = true;
          else if (!predecessor || before(predecessor, other)) predecessor = other;
        }
        if (!blockedByChooser && !predecessor) return release;
        const left = timeoutMs - (Date.now() - started);
        if (left <= 0)
          throw new MatchlineError({
            code: 'STORE_LOCKED',
            message: `the lock ${name} stayed taken by other writers for ${timeoutMs / 1000} s`,
            file: dir,
          });
        // Queued: only the ticket just ahead matters (it goes when all before it have gone), so a
        // release wakes one waiter, not all of them.
        const watched = blockedByChooser || !predecessor ? dir : join(dir, predecessor.name);
        checkLiveness = await changeOrTimeout(watched, Math.min(CHECK_MS, left));
      }
    } catch (error) {
      await release();
      throw error instanceof MatchlineError ? error : fail(error);
    }
  }
}

/**
 * Resolves false when `path` changes (a watched entry removed, a folder's entries changed) and true
 * after `ms` without a change. An entry already gone resolves false at once.
 */
function changeOrTimeout(path: string, ms: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let watcher: ReturnType<typeof watch> | null = null;
    const done = (timedOut: boolean) => {
      clearTimeout(timer);
      watcher?.close();
      resolve(timedOut);
    };
    const timer = setTimeout(() => done(true), ms);
    try {
      watcher = watch(path, { persistent: false }, () => done(false));
      watcher.on('error', () => done(false));
    } catch (error) {
      // Gone already: look again now. No notifications here: the timer is the polling fallback.
      if ((error as { code?: string }).code === 'ENOENT') done(false);
    }
  });
}

/** One process, one holder at a time per name, in arrival order: for the simulated-crash tests. */
export class ProcessLock implements StoreLock {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly holders = new Map<string, number>();

  busy(name: string): Promise<boolean> {
    return Promise.resolve((this.holders.get(name) ?? 0) > 0);
  }

  async acquire(name: string): Promise<Release> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(name, held);
    this.holders.set(name, (this.holders.get(name) ?? 0) + 1);
    await previous;
    return () => {
      this.holders.set(name, (this.holders.get(name) ?? 1) - 1);
      release();
      return Promise.resolve();
    };
  }
}
