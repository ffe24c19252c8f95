/**
 * The default store: one NDJSON file per stream (the same format as events/), so a folder of matches
 * is a store, plus `.matchline/` beside them: the ledger (the commit log that assigns global
 * positions), its durable head, the lock folders, and `new/` for a stream's first append.
 *
 * An append, under the stream's lock: write the new lines at the stream's committed length, fsync;
 * then, under the ledger lock, one ledger line with the byte range and the positions, fsync, and the
 * head moved past it: acknowledged. A short or failed write is cut back before the error is thrown,
 * so what is acknowledged is exactly what is on disk. Readers take no lock: they read the ledger up
 * to the head and each stream up to its committed length, so a writer never blocks them and they
 * never see a half-written event. See docs/store.md for what a crash or a power loss can cost.
 */
import { join } from 'node:path';
import { map, type Observable } from 'rxjs';
import {
  isCaughtUp,
  isMatchlineError,
  MatchlineError,
  type CaughtUp,
  type MatchEvent,
  type Problem,
} from '../../events/index.js';
import {
  checkAppendInput,
  checkReadAllOptions,
  checkReadOptions,
  checkStreamId,
  checkSubscribeAllOptions,
  EMPTY_SNAPSHOT,
  extendSnapshot,
  prepareAppend,
  sliceEvents,
  snapshotOf,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ReadAllOptions,
  type ReadOptions,
  type StoredEvent,
  type StreamSnapshot,
  type SubscribeAllOptions,
} from '../store.js';
import { io, isErrno, nodeFs, storeIoError, type StoreFile, type StoreFs } from '../fs/fs.js';
import { crc32, formatHead, formatRecord, LedgerIndex, parseHead, type LedgerRecord } from './ledger.js';
import { parseChunk } from './lines.js';
import { QueueLock, type StoreLock } from './lock.js';
import { follow } from './follow.js';

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

export interface FileStoreOptions {
  /** How long an append waits for the lock before STORE_LOCKED (default 30 s). */
  readonly lockTimeoutMs?: number;
  /** How often a subscription looks for appends of other processes when no notification came (ms). */
  readonly pollMs?: number;
  /** The file operations (tests put a fault-injecting layer here). */
  readonly fs?: StoreFs;
  /** The writers' lock (default: the fair file lock under `.matchline/locks`). */
  readonly lock?: StoreLock;
}

/** What this process has parsed of one stream file. */
interface StreamCache {
  readonly file: string;
  /** Parsed bytes (the committed length, or for a file outside the ledger its good part). */
  bytes: number;
  lines: number;
  readonly events: MatchEvent[];
  /** In the ledger (appended or adopted by the store); false for a file put in the folder by hand. */
  readonly inLedger: boolean;
  /** Bytes past `bytes`: an unacknowledged tail or a torn line. */
  tail: number;
  tailReason: Recovery['reason'] | null;
  /** The folded snapshot for writers, valid while `snapshotVersion === events.length`. */
  snapshot?: StreamSnapshot;
}

const LOCK_TIMEOUT_MS = 30_000;
const POLL_MS = 250;
const LEDGER_LOCK = '@ledger';

async function writeAll(file: StoreFile, data: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const written = await file.write(data.subarray(done), position + done);
    if (written <= 0) throw Object.assign(new Error('the write made no progress'), { code: 'EIO' });
    done += written; // a short write: write the rest (or fail and be cut back)
  }
}

export class FileEventStore implements EventStore {
  /** Recoveries made by writers: unacknowledged tails and torn lines cut before an append. */
  readonly recoveries: Recovery[] = [];
  private readonly index = new LedgerIndex();
  private readonly streams = new Map<string, StreamCache>();
  private readonly followers = new Set<() => Promise<void>>();
  private readonly meta: string;
  private readonly ledgerFile: string;
  private readonly headFile: string;
  private readonly newDir: string;
  private chain: Promise<unknown> = Promise.resolve();
  private layoutReady = false;
  private closed = false;

  private constructor(
    readonly directory: string,
    private readonly fs: StoreFs,
    private readonly lock: StoreLock,
    private readonly lockTimeoutMs: number,
    private readonly pollMs: number,
  ) {
    this.meta = join(directory, '.matchline');
    this.ledgerFile = join(this.meta, 'ledger.ndjson');
    this.headFile = join(this.meta, 'head');
    this.newDir = join(this.meta, 'new');
  }

  /** Opens a store folder. Nothing is created until the first append (reads never create folders). */
  static async open(directory: string, options: FileStoreOptions = {}): Promise<FileEventStore> {
    const fs = options.fs ?? nodeFs;
    const kind = await io(directory, 'open the store folder', () => fs.kind(directory));
    // The folder the user named may itself be a link to a folder (its contents are never followed).
    if (kind === 'file' || kind === 'other')
      throw storeIoError({ code: 'ENOTDIR' }, directory, 'open the store folder');
    return new FileEventStore(
      directory,
      fs,
      options.lock ?? new QueueLock(join(directory, '.matchline', 'locks')),
      options.lockTimeoutMs ?? LOCK_TIMEOUT_MS,
      options.pollMs ?? POLL_MS,
    );
  }

  fileOf(streamId: string): string {
    return join(this.directory, `${checkStreamId(streamId)}.ndjson`);
  }

  /** One at a time in this process: the ledger index and the stream caches. */
  private exclusive<T>(action: () => Promise<T>): Promise<T> {
    const run = this.chain.then(action, action);
    this.chain = run.catch(() => undefined);
    return run;
  }

  // ---------------------------------------------------------------- reading (no lock, never writes)

  /** `.matchline` if it is a real folder, null if absent; a link or a file there is refused. */
  private async metaKind(): Promise<'directory' | null> {
    const kind = await io(this.meta, 'read the store', () => this.fs.kind(this.meta));
    if (kind === null || kind === 'directory') return kind;
    throw storeIoError({ code: kind === 'symlink' ? 'ELOOP' : 'ENOTDIR' }, this.meta, 'read the store');
  }

  private async readSmall(path: string, doing: string): Promise<Buffer | null> {
    const kind = await io(path, doing, () => this.fs.kind(path));
    if (kind === null) return null;
    return io(path, doing, async () => {
      const file = await this.fs.open(path, 'read');
      try {
        return await file.read(0, await file.size());
      } finally {
        await file.close();
      }
    });
  }

  /**
   * Brings the ledger index up to the durable head. Call inside `exclusive`. Valid records past the
   * head count too when no writer holds or waits for the ledger lock: a writer died between its
   * ledger fsync and moving the head, or a power loss kept the ledger but not the unsynced head.
   * They are fsynced first, so nothing a reader sees can be taken back by a later power loss.
   */
  private async refreshLocked(): Promise<void> {
    if ((await this.metaKind()) === null) return;
    const headBytes = await this.readSmall(this.headFile, 'read the ledger head');
    // A missing or torn head says nothing: only the ledger itself does.
    const limit = headBytes === null ? null : (parseHead(headBytes.toString('utf8'))?.bytes ?? null);
    if (limit !== null && limit <= this.index.bytes) return;
    const kind = await io(this.ledgerFile, 'read the ledger', () => this.fs.kind(this.ledgerFile));
    if (kind === null) return;
    await io(this.ledgerFile, 'read the ledger', async () => {
      const file = await this.fs.open(this.ledgerFile, 'read');
      try {
        const size = await file.size();
        let end = limit ?? this.index.bytes;
        if (size > Math.max(end, this.index.bytes) && !(await this.lock.busy(LEDGER_LOCK))) {
          // A read-only mount has no writer that could still lose them.
          await file.sync().catch((error: unknown) => {
            if (!isErrno(error, 'EROFS', 'EBADF', 'EINVAL')) throw error;
          });
          end = size;
        }
        if (end > this.index.bytes)
          this.index.take(await file.read(this.index.bytes, end - this.index.bytes));
      } finally {
        await file.close();
      }
    });
  }

  /** Where a stream's bytes are: its file, or `new/` while a first append is being moved in place. */
  private async locate(streamId: string): Promise<string | null> {
    const file = this.fileOf(streamId);
    const kind = await io(file, `read stream ${streamId}`, () => this.fs.kind(file));
    if (kind === 'file') return file;
    if (kind !== null) {
      const code = kind === 'symlink' ? 'ELOOP' : kind === 'directory' ? 'EISDIR' : 'ENXIO';
      throw storeIoError({ code }, file, `read stream ${streamId}`);
    }
    if (!this.index.streams.has(streamId)) return null;
    const pending = join(this.newDir, `${streamId}.ndjson`);
    if ((await io(pending, `read stream ${streamId}`, () => this.fs.kind(pending))) === 'file')
      return pending;
    throw new MatchlineError({
      code: 'STREAM_CORRUPT',
      message: `the ledger holds ${this.index.streams.get(streamId)!.version} acknowledged events of ${streamId}, but its file is gone`,
      file,
    });
  }

  /** Parses what is new in a stream file since the last look. Call inside `exclusive`, after refresh. */
  private async loadLocked(streamId: string): Promise<StreamCache | null> {
    const path = await this.locate(streamId);
    if (path === null) {
      this.streams.delete(streamId);
      return null;
    }
    const entry = this.index.streams.get(streamId);
    return io(path, `read stream ${streamId}`, async () => {
      const file = await this.fs.open(path, 'read');
      try {
        const size = await file.size();
        const cached = this.streams.get(streamId);
        if (entry) {
          if (size < entry.end)
            throw new MatchlineError({
              code: 'STREAM_CORRUPT',
              message: `the file is shorter (${size} bytes) than its acknowledged length (${entry.end}): events were lost outside the store`,
              file: path,
            });
          const reuse = cached?.inLedger && cached.file === path && cached.bytes <= entry.end;
          const base: StreamCache = reuse
            ? cached
            : { file: path, bytes: 0, lines: 1, events: [], inLedger: true, tail: 0, tailReason: null };
          if (entry.end > base.bytes) {
            const chunk = await file.read(base.bytes, entry.end - base.bytes);
            const parsed = parseChunk(chunk, path, base.lines, base.events.length, true);
            if (parsed.problem) throw new MatchlineError(parsed.problem);
            base.events.push(...parsed.events);
            base.bytes = entry.end;
            base.lines += parsed.lines;
          }
          if (base.events.length !== entry.version)
            throw new MatchlineError({
              code: 'STREAM_CORRUPT',
              message: `the file holds ${base.events.length} events where the ledger acknowledged ${entry.version}: it was changed outside the store`,
              file: path,
            });
          base.tail = size - entry.end;
          base.tailReason = base.tail > 0 ? 'uncommittedTail' : null;
          this.streams.set(streamId, base);
          return base;
        }
        // A file put in the folder by hand (not in the ledger): every complete valid line counts.
        if (cached && !cached.inLedger && cached.file === path && cached.bytes + cached.tail === size)
          return cached;
        const parsed = parseChunk(await file.read(0, size), path, 1, 0, false);
        if (parsed.problem) throw new MatchlineError(parsed.problem);
        if (parsed.events.length === 0) {
          // An empty file (a first append killed by another tool, a hand-made placeholder) or a
          // torn first line: no event was ever acknowledged, so the stream does not exist yet.
          this.streams.delete(streamId);
          return null;
        }
        const fresh: StreamCache = {
          file: path,
          bytes: parsed.goodBytes,
          lines: 1 + parsed.lines,
          events: parsed.events,
          inLedger: false,
          tail: size - parsed.goodBytes,
          tailReason: parsed.status === 'tornLine' ? 'tornLine' : null,
        };
        this.streams.set(streamId, fresh);
        return fresh;
      } finally {
        await file.close();
      }
    });
  }

  private load(streamId: string): Promise<StreamCache | null> {
    return this.exclusive(async () => {
      await this.refreshLocked();
      return this.loadLocked(streamId);
    });
  }

  async read(streamId: string, options?: ReadOptions): Promise<MatchEvent[]> {
    checkStreamId(streamId);
    checkReadOptions(options);
    const cache = await this.load(streamId);
    if (!cache)
      throw new MatchlineError({
        code: 'STREAM_NOT_FOUND',
        message: `no stream ${streamId} in ${this.directory}`,
        file: streamId,
      });
    return sliceEvents(cache.events, options);
  }

  /** The global position of each event of a stream in the ledger (index = version - 1). */
  private positionsOf(streamId: string): number[] {
    const positions: number[] = [];
    for (const i of this.index.streams.get(streamId)?.records ?? []) {
      const r = this.index.records[i]!;
      if (r.cut) positions.length = Math.min(positions.length, r.v);
      for (let k = 0; k < r.n; k++) positions[r.v - r.n + k] = r.p + k;
    }
    return positions;
  }

  /**
   * The ledger's events in position order. Stream files put in the folder by hand enter the ledger
   * (and get positions) at their first append, `adopt()`, or the first `readAll`/`subscribeAll` on a
   * folder this process may write; `list()` and `read()` see them at once.
   */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    checkReadAllOptions(options);
    await this.adoptHandMade();
    const after = options.after ?? 0;
    const limit = options.limit ?? Infinity;
    return this.exclusive(async () => {
      await this.refreshLocked();
      const out: StoredEvent[] = [];
      const seen = new Map<string, { cache: StreamCache; positions: number[] }>();
      const records = this.index.records;
      for (let i = this.index.firstAfter(after); i < records.length && out.length < limit; i++) {
        const r: LedgerRecord = records[i]!;
        if (r.n === 0) continue;
        let stream = seen.get(r.s);
        if (!stream) {
          const cache = await this.loadLocked(r.s);
          if (!cache) continue;
          stream = { cache, positions: this.positionsOf(r.s) };
          seen.set(r.s, stream);
        }
        for (let k = 0; k < r.n && out.length < limit; k++) {
          const position = r.p + k;
          const version = r.v - r.n + k + 1;
          // Skip what a repair cut away later (its positions are gone, never reused).
          if (position <= after || stream.positions[version - 1] !== position) continue;
          const event = stream.cache.events[version - 1];
          if (event) out.push({ streamId: r.s, version, position, event });
        }
      }
      return out;
    });
  }

  async list(): Promise<string[]> {
    const names = await io(this.directory, 'list the store folder', () => this.fs.readdir(this.directory));
    const ids = new Set<string>();
    for (const name of names) {
      if (!name.endsWith('.ndjson')) continue;
      const id = name.slice(0, -'.ndjson'.length);
      try {
        checkStreamId(id);
      } catch {
        continue;
      }
      const kind = await io(join(this.directory, name), 'list the store folder', () =>
        this.fs.kind(join(this.directory, name)),
      );
      if (kind === 'file') ids.add(id); // links, FIFOs and folders named *.ndjson are not streams
    }
    await this.exclusive(() => this.refreshLocked());
    for (const id of this.index.streams.keys()) ids.add(id); // a first append being moved in place
    return [...ids].sort();
  }

  async exists(streamId: string): Promise<boolean> {
    checkStreamId(streamId);
    if ((await io(this.directory, 'open the store folder', () => this.fs.kind(this.directory))) === null)
      return false;
    try {
      return (await this.load(streamId)) !== null;
    } catch (error) {
      if (isMatchlineError(error) && error.code === 'STREAM_CORRUPT') return true; // there, but damaged
      throw error;
    }
  }

  subscribe(streamId: string): Observable<MatchEvent | CaughtUp> {
    checkStreamId(streamId);
    return follow<{ version: number; event: MatchEvent }>({
      pull: async (last) => {
        const cache = await this.load(streamId);
        return (cache?.events.slice(last) ?? []).map((event, i) => ({ version: last + i + 1, event }));
      },
      keyOf: (item) => item.version,
      after: 0,
      ...this.followSources(),
    }).pipe(map((item) => (isCaughtUp(item) ? item : item.event)));
  }

  subscribeAll(options: SubscribeAllOptions = {}): Observable<StoredEvent | CaughtUp> {
    checkSubscribeAllOptions(options);
    return follow<StoredEvent>({
      pull: (last) => this.readAll({ after: last }),
      keyOf: (item) => item.position,
      after: options.after ?? 0,
      ...this.followSources(),
    });
  }

  /** What wakes a subscription: appends here, a change under `.matchline` (another process), a timer. */
  private followSources() {
    return {
      register: (pullNow: () => Promise<void>) => {
        this.followers.add(pullNow);
        return () => this.followers.delete(pullNow);
      },
      pollMs: this.pollMs,
      watch: (onChange: () => void) => {
        const stops = [this.fs.watch(this.directory, onChange)];
        let metaStop: (() => void) | null = null;
        const tryMeta = () => {
          if (!metaStop) metaStop = this.fs.watch(this.meta, onChange);
        };
        tryMeta();
        return { retry: tryMeta, stop: () => [...stops, metaStop ?? (() => undefined)].forEach((s) => s()) };
      },
    };
  }

  /** Checks one stream without changing it or taking a lock; a tail a live writer is adding is not reported. */
  async check(streamId: string): Promise<StreamCheck> {
    checkStreamId(streamId);
    const first = await this.inspect(streamId);
    if (first.status !== 'uncommittedTail' && first.status !== 'tornLine') return first;
    // Bytes past the committed length while a writer holds the lock are an append in flight.
    if (!(await this.lock.busy(streamId))) return first;
    const again = await this.inspect(streamId);
    return again.status === 'uncommittedTail' ? { ...again, status: 'ok', tailBytes: 0 } : again;
  }

  private async inspect(streamId: string): Promise<StreamCheck> {
    const file = this.fileOf(streamId);
    try {
      const cache = await this.load(streamId);
      if (!cache)
        throw new MatchlineError({ code: 'STREAM_NOT_FOUND', message: `no stream ${streamId}`, file });
      return {
        streamId,
        file: cache.file,
        events: cache.events.length,
        status: cache.tailReason ?? 'ok',
        tailBytes: cache.tail,
      };
    } catch (error) {
      if (!(error instanceof MatchlineError) || error.code !== 'STREAM_CORRUPT') throw error;
      // Damaged: the good part is what parses before the first bad line.
      const bytes = (await this.readSmall(file, `read stream ${streamId}`)) ?? Buffer.alloc(0);
      const parsed = parseChunk(bytes, file, 1, 0, true);
      return {
        streamId,
        file,
        events: parsed.events.length,
        status: 'damaged',
        problem: parsed.problem ?? error.toJSON(),
        tailBytes: bytes.length - parsed.goodBytes,
      };
    }
  }

  // ------------------------------------------------------------------------ writing (under locks)

  /** Creates the store folder and `.matchline/` (with `new/` and `locks/`) on the first write. */
  private async ensureLayout(): Promise<void> {
    if (this.layoutReady) return;
    const fs = this.fs;
    const makeDir = async (path: string, parents: boolean): Promise<void> => {
      const kind = await io(path, 'create the store folder', () => fs.kind(path));
      if (kind === 'directory') return;
      if (kind !== null)
        throw storeIoError(
          { code: kind === 'symlink' ? 'ELOOP' : 'ENOTDIR' },
          path,
          'create the store folder',
        );
      if (parents) {
        const parent = join(path, '..');
        if (parent !== path) await makeDir(parent, true);
      }
      await io(path, 'create the store folder', () => fs.mkdir(path));
    };
    const topKind = await io(this.directory, 'open the store folder', () => fs.kind(this.directory));
    if (topKind !== 'symlink') await makeDir(this.directory, true);
    for (const dir of [this.meta, this.newDir, join(this.meta, 'locks')]) await makeDir(dir, false);
    if ((await io(this.ledgerFile, 'create the ledger', () => fs.kind(this.ledgerFile))) === null) {
      await io(this.ledgerFile, 'create the ledger', async () => {
        try {
          await (await fs.open(this.ledgerFile, 'create')).close();
        } catch (error) {
          if ((error as { code?: string }).code !== 'EEXIST') throw error;
        }
        await fs.syncDir(this.meta);
      });
    }
    this.layoutReady = true;
  }

  private async withLock<T>(name: string, action: () => Promise<T>): Promise<T> {
    const release = await this.lock.acquire(name, this.lockTimeoutMs);
    try {
      return await action();
    } finally {
      await release();
    }
  }

  /**
   * Under the ledger lock: takes in every valid record (also those of a writer that died before
   * moving the head), cuts a torn tail, appends `records` with the next positions, fsyncs, and moves
   * the head. Returns the records as written.
   */
  private commitLedger(records: readonly Omit<LedgerRecord, 'p'>[]): Promise<LedgerRecord[]> {
    return this.withLock(LEDGER_LOCK, () =>
      this.exclusive(() =>
        io(this.ledgerFile, 'write the ledger', async () => {
          await this.refreshLocked();
          const ledger = await this.fs.open(this.ledgerFile, 'write');
          try {
            const size = await ledger.size();
            if (size > this.index.bytes)
              this.index.take(await ledger.read(this.index.bytes, size - this.index.bytes));
            if (size > this.index.bytes) await ledger.truncate(this.index.bytes); // a torn record, never acknowledged
            const written: LedgerRecord[] = [];
            let next = this.index.nextPosition;
            for (const r of records) {
              written.push({ ...r, p: next });
              next += r.n;
            }
            const text = Buffer.from(written.map(formatRecord).join(''), 'utf8');
            try {
              await writeAll(ledger, text, this.index.bytes);
              await ledger.sync();
            } catch (error) {
              await ledger.truncate(this.index.bytes).catch(() => undefined);
              throw error;
            }
            for (const r of written) this.index.add(r);
            this.index.bytes += text.length;
            await this.writeHead();
            return written;
          } finally {
            await ledger.close();
          }
        }),
      ),
    );
  }

  private async writeHead(): Promise<void> {
    const exists = (await this.fs.kind(this.headFile)) !== null;
    const head = await this.fs.open(this.headFile, exists ? 'write' : 'replace');
    try {
      await writeAll(head, Buffer.from(formatHead(this.index.bytes, this.index.nextPosition)), 0);
      // No fsync: the head only lets readers see what is already durable; after a power loss the
      // surviving ledger itself is the truth.
    } finally {
      await head.close();
    }
  }

  /** A writer of this stream died after writing its ledger record and before moving the head. */
  private async recoverDeadWriter(streamId: string): Promise<void> {
    const pending = await this.exclusive(async () => {
      await this.refreshLocked();
      const kind = await io(this.ledgerFile, 'read the ledger', () => this.fs.kind(this.ledgerFile));
      if (kind === null) return false;
      return io(this.ledgerFile, 'read the ledger', async () => {
        const file = await this.fs.open(this.ledgerFile, 'read');
        try {
          const size = await file.size();
          if (size <= this.index.bytes) return false;
          const scratch = new LedgerIndex();
          scratch.nextPosition = this.index.nextPosition;
          const tail = scratch.take(await file.read(this.index.bytes, size - this.index.bytes));
          return tail.some((r) => r.s === streamId);
        } finally {
          await file.close();
        }
      });
    });
    if (pending) await this.commitLedger([]);
  }

  async append(
    streamId: string,
    events: readonly MatchEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    checkStreamId(streamId);
    checkAppendInput(events, options);
    await this.ensureLayout();
    // Read and fold what is there before queueing (readers need no lock), so the hold only covers
    // what other writers add meanwhile; a failure here is met again, and reported, under the lock.
    await this.load(streamId)
      .then((cache) => cache && this.snapshotFor(streamId, cache))
      .catch(() => undefined);
    const result = await this.withLock(streamId, () => this.appendLocked(streamId, events, options));
    // This instance's subscribers have the events when the append resolves (read your writes).
    if (result.position !== null) await Promise.all([...this.followers].map((pull) => pull()));
    return result;
  }

  private async appendLocked(
    streamId: string,
    events: readonly MatchEvent[],
    options: AppendOptions | undefined,
  ): Promise<AppendResult> {
    await this.recoverDeadWriter(streamId);
    let cache = await this.load(streamId);
    const target = this.fileOf(streamId);
    if (cache && cache.file !== target) {
      // A first append committed but not yet moved in place (its writer died): finish the move.
      await this.moveInPlace(streamId);
      cache = await this.load(streamId);
    }
    if (cache && cache.tail > 0) await this.cutTail(streamId, cache);
    const snapshot = this.snapshotFor(streamId, cache);
    const prepared = prepareAppend(streamId, snapshot, cache !== null, events, options);
    if (prepared.toWrite.length === 0) return { ...prepared.result, position: null };

    const start = cache?.bytes ?? 0;
    const path = cache ? target : join(this.newDir, `${streamId}.ndjson`);
    const doing = `append to stream ${streamId}`;
    const data = await io(path, doing, async () => {
      const file = await this.fs.open(path, cache ? 'write' : 'replace');
      try {
        const glue = start > 0 && (await file.read(start - 1, 1))[0] !== 0x0a ? '\n' : '';
        const bytes = Buffer.from(glue + prepared.ndjson, 'utf8');
        try {
          await writeAll(file, bytes, start);
          await file.sync();
        } catch (error) {
          // Nothing half-written stays: cut back to the committed length (the ledger ignores it anyway).
          await file.truncate(start).catch(() => undefined);
          await file.sync().catch(() => undefined);
          throw error;
        }
        return bytes;
      } finally {
        await file.close();
      }
    });
    const records: Omit<LedgerRecord, 'p'>[] = [];
    if (cache && !cache.inLedger && cache.events.length > 0)
      records.push({ n: cache.events.length, s: streamId, o: 0, e: start, v: cache.events.length });
    records.push({
      n: prepared.toWrite.length,
      s: streamId,
      o: start,
      e: start + data.length,
      v: prepared.result.version,
    });
    let written: LedgerRecord[];
    try {
      if (!cache) {
        await io(this.newDir, doing, () => this.fs.syncDir(this.newDir));
        // An empty placeholder (no event ever acknowledged) must not hide the committed file.
        if ((await io(target, doing, () => this.fs.kind(target))) === 'file')
          await io(target, doing, () => this.fs.unlink(target));
      }
      written = await this.commitLedger(records);
    } catch (error) {
      await io(path, doing, async () => {
        if (!cache) await this.fs.unlink(path);
        else {
          const file = await this.fs.open(path, 'write');
          await file.truncate(start).finally(() => file.close());
        }
      }).catch(() => undefined);
      throw error;
    }
    // Acknowledged from here on. A first append is moved in place (a reader finds it in new/ meanwhile).
    if (!cache) await this.moveInPlace(streamId).catch(() => undefined);
    await this.exclusive(async () => {
      const fresh = await this.loadLocked(streamId).catch(() => null);
      if (fresh) fresh.snapshot = prepared.next;
    });
    return { ...prepared.result, position: written.at(-1)!.p + written.at(-1)!.n - 1 };
  }

  private snapshotFor(streamId: string, cache: StreamCache | null): StreamSnapshot {
    if (!cache) return EMPTY_SNAPSHOT;
    const known = cache.snapshot;
    if (known && known.events.length === cache.events.length) return known;
    try {
      // Events other writers appended since: fold only those.
      cache.snapshot =
        known && known.events.length < cache.events.length
          ? extendSnapshot(known, cache.events.slice(known.events.length))
          : snapshotOf(cache.events);
    } catch (error) {
      if (error instanceof MatchlineError) throw new MatchlineError({ ...error.toJSON(), file: cache.file });
      throw error;
    }
    return cache.snapshot;
  }

  private async moveInPlace(streamId: string): Promise<void> {
    const from = join(this.newDir, `${streamId}.ndjson`);
    await io(from, `move stream ${streamId} in place`, async () => {
      await this.fs.rename(from, this.fileOf(streamId));
      await this.fs.syncDir(this.directory);
    });
  }

  /** Cuts bytes past the committed length (a crashed append, a torn line) and reports it. */
  private async cutTail(streamId: string, cache: StreamCache): Promise<void> {
    const bytes = cache.tail;
    const reason = cache.tailReason ?? 'uncommittedTail';
    await io(cache.file, `cut the unacknowledged tail of ${streamId}`, async () => {
      const file = await this.fs.open(cache.file, 'write');
      try {
        await file.truncate(cache.bytes);
        await file.sync();
      } finally {
        await file.close();
      }
    });
    cache.tail = 0;
    cache.tailReason = null;
    this.recoveries.push({ streamId, file: cache.file, bytes, reason });
  }

  /**
   * Cuts unacknowledged tails, quarantines a damaged tail to `<file>.damaged-<offset>-<crc>` (the
   * same name if a killed repair runs again, so no duplicates), and takes a stream put in the folder
   * by hand into the ledger.
   */
  async repair(streamId: string): Promise<StreamCheck & { quarantine?: string }> {
    checkStreamId(streamId);
    await this.ensureLayout();
    return this.withLock(streamId, async () => {
      await this.recoverDeadWriter(streamId);
      const result = await this.inspect(streamId);
      let quarantine: string | undefined;
      if (result.status === 'damaged') {
        const file = this.fileOf(streamId);
        const bytes = (await this.readSmall(file, `repair stream ${streamId}`)) ?? Buffer.alloc(0);
        const keep = bytes.length - result.tailBytes;
        const tail = bytes.subarray(keep);
        if (tail.length > 0) {
          quarantine = `${file}.damaged-${keep}-${crc32(tail.toString('latin1'))}`;
          await io(quarantine, `quarantine the damaged tail of ${streamId}`, async () => {
            const side = await this.fs.open(quarantine!, 'replace');
            try {
              await writeAll(side, tail, 0);
              await side.sync();
            } finally {
              await side.close();
            }
            await this.fs.syncDir(this.directory);
          });
        }
        await io(file, `repair stream ${streamId}`, async () => {
          const handle = await this.fs.open(file, 'write');
          try {
            await handle.truncate(keep);
            await handle.sync();
          } finally {
            await handle.close();
          }
        });
        if (this.index.streams.has(streamId))
          await this.commitLedger([{ n: 0, s: streamId, o: keep, e: keep, v: result.events, cut: 1 }]);
        this.streams.delete(streamId);
      }
      const cache = await this.load(streamId);
      if (cache && cache.tail > 0) await this.cutTail(streamId, cache);
      if (cache && !cache.inLedger && cache.events.length > 0)
        await this.commitLedger([
          { n: cache.events.length, s: streamId, o: 0, e: cache.bytes, v: cache.events.length },
        ]);
      await io(this.newDir, 'clean up', async () => {
        // A first append that died before its ledger record: nothing was acknowledged.
        if (cache === null || cache.file === this.fileOf(streamId))
          await this.fs.unlink(join(this.newDir, `${streamId}.ndjson`));
      });
      return { ...result, ...(quarantine ? { quarantine } : {}) };
    });
  }

  /**
   * Gives positions to clean stream files put in the folder by hand (what `readAll` needs). Damaged
   * or torn files are left as they are (`read` reports them, `repair` fixes them); on a folder this
   * process cannot write, nothing is adopted and `readAll` covers the ledger only.
   */
  private async adoptHandMade(): Promise<void> {
    if ((await io(this.directory, 'open the store folder', () => this.fs.kind(this.directory))) === null)
      return;
    const missing = (await this.list()).filter((id) => !this.index.streams.has(id));
    if (missing.length === 0) return;
    try {
      await this.ensureLayout();
      for (const id of missing) await this.adoptOne(id);
    } catch (error) {
      if (isMatchlineError(error) && ['EROFS', 'EACCES', 'EPERM'].includes(error.errno ?? '')) return;
      throw error;
    }
  }

  private adoptOne(id: string): Promise<void> {
    return this.withLock(id, async () => {
      const cache = await this.load(id).catch((error: unknown) => {
        if (isMatchlineError(error) && error.code === 'STREAM_CORRUPT') return null;
        throw error;
      });
      if (!cache || cache.inLedger || cache.tail > 0 || cache.events.length === 0) return;
      const n = cache.events.length;
      await this.commitLedger([{ n, s: id, o: 0, e: cache.bytes, v: n }]);
    });
  }

  /** Takes every stream file put in the folder by hand into the ledger (positions, subscribeAll). */
  async adopt(): Promise<string[]> {
    const adopted: string[] = [];
    for (const id of await this.list()) {
      await this.exclusive(() => this.refreshLocked());
      if (this.index.streams.has(id)) continue;
      await this.repair(id);
      adopted.push(id);
    }
    return adopted;
  }

  close(): Promise<void> {
    this.closed = true;
    this.followers.clear();
    return Promise.resolve();
  }

  /** True after close(). */
  get isClosed(): boolean {
    return this.closed;
  }
}
