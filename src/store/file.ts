/**
 * The default store: one NDJSON file per stream (the same format as events/), so a folder of matches
 * is a store. An append is one write followed by fsync, then a commit record (the committed byte
 * length) written atomically; only then is it acknowledged. On open, bytes past the commit record
 * (a crash mid-append, never acknowledged) are cut away and reported; a damaged line anywhere else
 * is never dropped silently: the stream is refused with the file and line.
 */
import { mkdir, open, readFile, readdir, rename, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fsExt from 'fs-ext';
import { map, type Observable } from 'rxjs';
import {
  checkEvent,
  isCaughtUp,
  MatchlineError,
  type CaughtUp,
  type MatchEvent,
  type Problem,
} from '../events/index.js';
import {
  AppendFeed,
  checkStreamId,
  EMPTY_SNAPSHOT,
  prepareAppend,
  sliceEvents,
  snapshotOf,
  toStored,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ReadOptions,
  type StoredEvent,
  type StreamSnapshot,
} from './store.js';

export interface Recovery {
  readonly streamId: string;
  readonly file: string;
  readonly bytes: number;
  readonly reason: 'uncommittedTail' | 'tornLine';
}

export interface StreamCheck {
  readonly streamId: string;
  readonly file: string;
  readonly events: number;
  readonly status: 'ok' | 'uncommittedTail' | 'tornLine' | 'damaged';
  readonly problem?: Problem;
  /** Bytes that repair would cut (uncommitted tail, torn line) or quarantine (damaged tail). */
  readonly tailBytes: number;
}

interface Cached {
  readonly size: number;
  readonly snapshot: StreamSnapshot;
}

interface Parsed {
  readonly events: MatchEvent[];
  /** Byte offset where the good part ends. */
  readonly goodBytes: number;
  readonly status: StreamCheck['status'];
  readonly problem?: Problem;
}

const NEWLINE = 0x0a;
const LOCK_TIMEOUT_MS = 30_000;

export interface FileStoreOptions {
  /** How long an append waits for another writer's lock before STORE_LOCKED (default 30 s). */
  readonly lockTimeoutMs?: number;
}

export class FileEventStore implements EventStore {
  private readonly cache = new Map<string, Cached>();
  private readonly feed = new AppendFeed();
  /** Recoveries made when streams were opened (cut tails that were never acknowledged). */
  readonly recoveries: Recovery[] = [];

  private constructor(
    readonly directory: string,
    private readonly lockTimeoutMs: number,
  ) {}

  /** Opens (and creates if needed) a store directory. */
  static async open(directory: string, options: FileStoreOptions = {}): Promise<FileEventStore> {
    await mkdir(join(directory, '.matchline', 'commits'), { recursive: true });
    await mkdir(join(directory, '.matchline', 'locks'), { recursive: true });
    return new FileEventStore(directory, options.lockTimeoutMs ?? LOCK_TIMEOUT_MS);
  }

  fileOf(streamId: string): string {
    return join(this.directory, `${checkStreamId(streamId)}.ndjson`);
  }

  private commitFile(streamId: string): string {
    return join(this.directory, '.matchline', 'commits', `${streamId}.json`);
  }

  private async committedBytes(streamId: string): Promise<number | null> {
    try {
      const record = JSON.parse(await readFile(this.commitFile(streamId), 'utf8')) as { bytes?: unknown };
      return typeof record.bytes === 'number' ? record.bytes : null;
    } catch {
      return null; // a plain folder of matches (no commit records): every complete line counts
    }
  }

  /** Parses a stream file's bytes; stops at the first damaged line. */
  private parse(file: string, bytes: Buffer, committed: number | null): Parsed {
    const limit = committed ?? bytes.length;
    const events: MatchEvent[] = [];
    let start = 0;
    let line = 1;
    while (start < limit) {
      let end = bytes.indexOf(NEWLINE, start);
      if (end === -1 || end >= limit) {
        // The last line has no newline: torn by a crash (or a hand-edited file without one).
        const text = bytes.subarray(start, limit).toString('utf8').trim();
        if (committed === null && text !== '') {
          try {
            const value: unknown = JSON.parse(text);
            if (checkEvent(value) === null) {
              events.push(value as MatchEvent);
              return { events, goodBytes: limit, status: 'ok' };
            }
          } catch {
            // fall through: a torn line
          }
          return { events, goodBytes: start, status: 'tornLine' };
        }
        end = limit;
      }
      const text = bytes.subarray(start, end).toString('utf8').trim();
      if (text !== '') {
        let problem: Problem | null = null;
        try {
          const value: unknown = JSON.parse(text);
          problem = checkEvent(value, events.length);
          if (!problem) events.push(value as MatchEvent);
        } catch (error) {
          problem = { code: 'PARSE_ERROR', message: `not valid JSON: ${(error as Error).message}` };
        }
        if (problem) {
          return {
            events,
            goodBytes: start,
            status: 'damaged',
            problem: {
              ...problem,
              code: 'STREAM_CORRUPT',
              message: `damaged line (${problem.code}): ${problem.message}`,
              file,
              line,
            },
          };
        }
      }
      start = end + 1;
      line++;
    }
    const status = committed !== null && bytes.length > committed ? 'uncommittedTail' : 'ok';
    return { events, goodBytes: limit, status };
  }

  /** Checks one stream without changing it. */
  async check(streamId: string): Promise<StreamCheck> {
    return (await this.inspect(streamId)).check;
  }

  /** Reads and parses a stream once: what check reports, and the events of its good part. */
  private async inspect(streamId: string): Promise<{ check: StreamCheck; events: MatchEvent[] }> {
    const file = this.fileOf(streamId);
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    const committed = await this.committedBytes(streamId);
    if (committed !== null && bytes.length < committed) {
      // Acknowledged bytes are missing (the file was cut or edited): find the first bad line if any.
      const parsed = this.parse(file, bytes, null);
      const problem = parsed.problem ?? {
        code: 'STREAM_CORRUPT' as const,
        message: `the file is shorter (${bytes.length} bytes) than its acknowledged length (${committed}): events were lost outside the store`,
        file,
      };
      const check: StreamCheck = {
        streamId,
        file,
        events: parsed.events.length,
        status: 'damaged',
        tailBytes: bytes.length - parsed.goodBytes,
        problem,
      };
      return { check, events: parsed.events };
    }
    const parsed = this.parse(file, bytes, committed);
    const check: StreamCheck = {
      streamId,
      file,
      events: parsed.events.length,
      status: parsed.status,
      tailBytes: bytes.length - parsed.goodBytes,
      ...(parsed.problem ? { problem: parsed.problem } : {}),
    };
    return { check, events: parsed.events };
  }

  /**
   * Loads a stream (under the caller's lock when writing). Cuts an unacknowledged tail and reports
   * it; refuses a damaged stream.
   */
  private async load(streamId: string): Promise<{ snapshot: StreamSnapshot; exists: boolean }> {
    const file = this.fileOf(streamId);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return { snapshot: EMPTY_SNAPSHOT, exists: false };
    }
    const cached = this.cache.get(streamId);
    if (cached && cached.size === size) return { snapshot: cached.snapshot, exists: true };
    const { check: result, events } = await this.inspect(streamId);
    if (result.status === 'damaged') throw new MatchlineError(result.problem!);
    if (result.status === 'uncommittedTail' || result.status === 'tornLine') {
      // The events parsed are exactly those before the cut: no second read.
      await truncate(file, size - result.tailBytes);
      this.recoveries.push({ streamId, file, bytes: result.tailBytes, reason: result.status });
      size -= result.tailBytes;
    }
    let snapshot: StreamSnapshot;
    try {
      snapshot = snapshotOf(events);
    } catch (error) {
      if (error instanceof MatchlineError) throw new MatchlineError({ ...error.toJSON(), file });
      throw error;
    }
    this.cache.set(streamId, { size, snapshot });
    return { snapshot, exists: true };
  }

  /**
   * An exclusive flock(2) on a per-stream lock file keeps two processes from interleaving appends.
   * The kernel releases it when its holder dies (even by SIGKILL), so a crash never leaves a stale
   * lock behind (a lock directory with an mtime, as proper-lockfile keeps, blocks writers for seconds).
   */
  private async withLock<T>(streamId: string, action: () => Promise<T>): Promise<T> {
    const handle = await open(join(this.directory, '.matchline', 'locks', `${streamId}.lock`), 'a');
    try {
      const started = Date.now();
      for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
        const locked = await new Promise<boolean>((resolve, reject) =>
          fsExt.flock(handle.fd, 'exnb', (error) =>
            error
              ? error.code === 'EAGAIN' || error.code === 'EWOULDBLOCK'
                ? resolve(false)
                : reject(error)
              : resolve(true),
          ),
        );
        if (locked) break;
        if (Date.now() - started > this.lockTimeoutMs) {
          throw new MatchlineError({
            code: 'STORE_LOCKED',
            message: `stream ${streamId} stayed locked by another writer for ${this.lockTimeoutMs / 1000} s`,
            file: streamId,
          });
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      return await action();
    } finally {
      await handle.close(); // closing the descriptor releases the flock
    }
  }

  async append(
    streamId: string,
    events: readonly MatchEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    checkStreamId(streamId);
    return this.withLock(streamId, async () => {
      const { snapshot, exists } = await this.load(streamId);
      const prepared = prepareAppend(streamId, snapshot, exists, events, options);
      if (prepared.toWrite.length === 0 && exists) return prepared.result;
      const file = this.fileOf(streamId);
      const payload = Buffer.from(prepared.ndjson, 'utf8');
      const handle = await open(file, 'a');
      let size: number;
      try {
        if (payload.length > 0) await handle.write(payload); // one write ...
        await handle.sync(); // ... then fsync
        size = (await handle.stat()).size;
      } finally {
        await handle.close();
      }
      await this.commit(streamId, size);
      this.cache.set(streamId, { size, snapshot: prepared.next });
      this.feed.publish(streamId, snapshot.events.length, prepared.toWrite);
      return prepared.result;
    });
  }

  /** Records the committed length atomically (write, fsync, rename): the moment of acknowledgement. */
  private async commit(streamId: string, bytes: number): Promise<void> {
    const target = this.commitFile(streamId);
    const temp = `${target}.${process.pid}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify({ bytes }));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    const dir = await open(join(this.directory, '.matchline', 'commits'), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  /** Cuts unacknowledged tails, and quarantines a damaged tail to a side file. */
  async repair(streamId: string): Promise<StreamCheck & { quarantine?: string }> {
    return this.withLock(streamId, async () => {
      const result = await this.check(streamId);
      if (result.status === 'ok') return result;
      const file = result.file;
      const bytes = await readFile(file);
      const keep = bytes.length - result.tailBytes;
      let quarantine: string | undefined;
      if (result.status === 'damaged') {
        quarantine = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await writeFile(quarantine, bytes.subarray(keep));
      }
      await truncate(file, keep);
      await this.commit(streamId, keep);
      this.cache.delete(streamId);
      return { ...result, ...(quarantine ? { quarantine } : {}) };
    });
  }

  async read(streamId: string, options?: ReadOptions): Promise<MatchEvent[]> {
    checkStreamId(streamId);
    const { snapshot, exists } = await this.withLock(streamId, () => this.load(streamId));
    if (!exists)
      throw new MatchlineError({
        code: 'STREAM_NOT_FOUND',
        message: `no stream ${streamId} in ${this.directory}`,
        file: streamId,
      });
    return sliceEvents(snapshot.events, options);
  }

  async readAll(): Promise<{ streamId: string; events: MatchEvent[] }[]> {
    const out: { streamId: string; events: MatchEvent[] }[] = [];
    for (const streamId of await this.list()) out.push({ streamId, events: await this.read(streamId) });
    return out;
  }

  async list(): Promise<string[]> {
    const entries = await readdir(this.directory);
    return entries
      .filter((f) => f.endsWith('.ndjson'))
      .map((f) => f.slice(0, -'.ndjson'.length))
      .filter((id) => {
        try {
          checkStreamId(id);
          return true;
        } catch {
          return false;
        }
      })
      .sort();
  }

  async exists(streamId: string): Promise<boolean> {
    try {
      await stat(this.fileOf(streamId));
      return true;
    } catch (error) {
      if (error instanceof MatchlineError) throw error;
      return false;
    }
  }

  subscribe(streamId: string): Observable<MatchEvent | CaughtUp> {
    checkStreamId(streamId);
    return this.feed
      .follow(
        async () => ((await this.exists(streamId)) ? toStored(streamId, await this.read(streamId)) : []),
        streamId,
      )
      .pipe(map((item) => (isCaughtUp(item) ? item : item.event)));
  }

  subscribeAll(): Observable<StoredEvent | CaughtUp> {
    return this.feed.follow(async () =>
      (await this.readAll()).flatMap(({ streamId, events }) => toStored(streamId, events)),
    );
  }

  close(): Promise<void> {
    this.feed.complete();
    return Promise.resolve();
  }
}
