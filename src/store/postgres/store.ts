/**
 * The PostgreSQL event store: the same interface and guarantees as the file store, for several writer
 * and reader processes on several machines. One append is one transaction: a per-stream advisory lock,
 * the engine's checks on the stored state, a conditional version update, the events, a NOTIFY; then
 * COMMIT, and only then the acknowledgement.
 */
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import pg from 'pg';
import {
  isCaughtUp,
  isMatchlineError,
  MatchlineError,
  type CaughtUp,
  type MatchEvent,
} from '../../events/index.js';
import {
  checkAppendInput,
  checkReadAllOptions,
  checkReadOptions,
  checkStreamId,
  checkSubscribeAllOptions,
  prepareAppend,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ReadAllOptions,
  type ReadOptions,
  type StoredEvent,
  type SubscribeAllOptions,
} from '../store.js';
import { isConnectionFailure, redactUrl, secretsOf, storeIoError, type ServerRef } from './connection.js';
import { follow, Wakeup } from './follow.js';
import { StreamCache } from './stream-cache.js';
import { checkSchemaName, LOCK_SPACE, migrate, POSITIONS_PER_TRANSACTION } from './schema.js';

export interface PostgresStoreOptions {
  /** The PostgreSQL schema holding the store's tables (default `matchline`). */
  readonly schema?: string;
  /** Connections in the pool (default 10). */
  readonly maxConnections?: number;
  /** How often a subscription polls when no NOTIFY wakes it (default 500 ms). */
  readonly pollIntervalMs?: number;
  /** How long a subscription retries a lost server before it errors with STORE_IO (default 30 s). */
  readonly retryForMs?: number;
  /** Events a subscription reads per query (default 1000). */
  readonly batchSize?: number;
}

interface EventRow {
  position: string;
  stream_id: string;
  version: number;
  event: MatchEvent;
}

/** The stream's lock key: 32-bit FNV-1a of its id (a collision only makes two streams take turns). */
function lockKey(streamId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < streamId.length; i++) hash = Math.imul(hash ^ streamId.charCodeAt(i), 0x01000193);
  return hash | 0;
}

const toStored = (row: EventRow): StoredEvent => {
  const position = Number(row.position);
  if (!Number.isSafeInteger(position)) {
    throw new MatchlineError({
      code: 'STORE_IO',
      message: `global position ${row.position} is beyond what JavaScript numbers hold exactly`,
    });
  }
  return { streamId: row.stream_id, version: row.version, position, event: row.event };
};

export class PostgresEventStore implements EventStore {
  // Private fields: util.inspect and JSON.stringify of the store never show the connection string.
  readonly #pool: pg.Pool;
  readonly #server: ServerRef;
  readonly #wakeup: Wakeup;
  readonly #cache = new StreamCache();
  readonly #options: Required<Omit<PostgresStoreOptions, 'schema' | 'maxConnections'>>;
  #closed = false;
  /** The highest position this instance committed: readAll waits until it is readable. */
  #lastPosition = 0;

  private constructor(
    url: string,
    readonly schema: string,
    options: PostgresStoreOptions,
  ) {
    this.#server = { shown: redactUrl(url), secrets: secretsOf(url) };
    const config = { connectionString: url, application_name: 'matchline' };
    this.#pool = new pg.Pool({ ...config, max: options.maxConnections ?? 10 });
    // An idle connection the server closed: the pool drops it and the next query opens a new one.
    this.#pool.on('error', () => undefined);
    this.#wakeup = new Wakeup(() => new pg.Client(config), this.channel);
    this.#options = {
      pollIntervalMs: options.pollIntervalMs ?? 500,
      retryForMs: options.retryForMs ?? 30_000,
      batchSize: options.batchSize ?? 1000,
    };
  }

  /** Connects, then creates or migrates the schema (safe when several processes open it at once). */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresEventStore> {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new MatchlineError({
        code: 'USAGE',
        message: `${redactUrl(url)} is not a PostgreSQL connection string (postgres://user:password@host:port/database)`,
      });
    }
    const store = new PostgresEventStore(url, checkSchemaName(options.schema ?? 'matchline'), options);
    try {
      await store.withClient((client) => migrate(client, store.schema));
    } catch (error) {
      await store.#pool.end().catch(() => undefined);
      store.fail(error, `opening the store (schema ${store.schema})`);
    }
    return store;
  }

  /** The server as it may be shown: the connection string with its password replaced. */
  get server(): string {
    return this.#server.shown;
  }

  private get channel(): string {
    return `${this.schema}_appended`;
  }

  private table(name: string): string {
    return `${this.schema}.${name}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `PostgresEventStore { server: '${this.#server.shown}', schema: '${this.schema}' }`;
  }

  toJSON(): { server: string; schema: string } {
    return { server: this.#server.shown, schema: this.schema };
  }

  private fail(error: unknown, doing: string, committed: 'no' | 'unknown' | 'n/a' = 'n/a'): never {
    if (isMatchlineError(error)) throw error;
    throw storeIoError(this.#server, error, doing, committed);
  }

  private checkOpen(): void {
    if (this.#closed) throw new MatchlineError({ code: 'USAGE', message: 'the store is closed' });
  }

  /**
   * Runs `action` on a pooled connection; a connection that failed is destroyed, not reused. Driver
   * errors pass through untouched (subscriptions retry them); public methods turn them into STORE_IO.
   */
  private async withClient<T>(action: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    this.checkOpen();
    // A pooled connection can be dead without the pool knowing yet (the server restarted): one
    // failed attempt on a fresh connection is retried. Actions fail this way only before anything
    // could have been committed (an append in doubt throws a typed error instead), so a retry is safe.
    for (let attempt = 0; ; attempt++) {
      const client = await this.#pool.connect();
      // The server can go away between two queries of a transaction: the next query then fails, and
      // this listener keeps the driver's 'error' event from crashing the process meanwhile.
      let broken = false;
      const onError = () => (broken = true);
      client.on('error', onError);
      try {
        return await action(client);
      } catch (error) {
        broken ||= isConnectionFailure(error);
        if (attempt === 0 && broken && !isMatchlineError(error)) continue;
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    }
  }

  /** Runs `action` on a pooled connection, turning driver failures into STORE_IO (for the projection sink). */
  async run<T>(doing: string, action: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    try {
      return await this.withClient(action);
    } catch (error) {
      this.fail(error, doing);
    }
  }

  private async query<R extends pg.QueryResultRow>(
    doing: string,
    text: string,
    values: unknown[],
  ): Promise<R[]> {
    try {
      return await this.withClient(async (client) => (await client.query<R>(text, values)).rows);
    } catch (error) {
      this.fail(error, doing);
    }
  }

  async append(
    streamId: string,
    events: readonly MatchEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.checkOpen();
    checkStreamId(streamId);
    checkAppendInput(events, options);
    if (events.length >= POSITIONS_PER_TRANSACTION) {
      throw new MatchlineError({
        code: 'USAGE',
        message: `one append takes fewer than ${POSITIONS_PER_TRANSACTION} events; split the batch`,
        file: streamId,
      });
    }
    return this.withClient((client) => this.appendWith(client, streamId, events, options)).catch(
      (error: unknown) => this.fail(error, `appending to stream ${streamId}`, 'no'),
    );
  }

  private async appendWith(
    client: pg.PoolClient,
    streamId: string,
    events: readonly MatchEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    let commitSent = false;
    try {
      // The advisory lock comes first and assigns no transaction id: the id is taken by the first
      // write below, after the lock, so a stream's appends get increasing ids and positions. The key
      // is two integers (no text reaches this simple query).
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${LOCK_SPACE}, ${lockKey(streamId)})`);
      // A statement of its own: its snapshot is taken after the lock, so it sees the last holder's commit.
      const head = await client.query<{ version: number }>(
        `SELECT version FROM ${this.table('streams')} WHERE stream_id = $1`,
        [streamId],
      );
      const exists = head.rows.length > 0;
      const version = head.rows[0]?.version ?? 0;
      const snapshot = await this.#cache.snapshot(client, this.table('events'), streamId, version);
      const prepared = prepareAppend(streamId, snapshot, exists, events, options);
      if (prepared.toWrite.length === 0 && exists) {
        await client.query('ROLLBACK');
        return { ...prepared.result, position: null };
      }
      const lines = prepared.ndjson.split('\n');
      lines.pop();
      // One statement: move the head (a new row, or a conditional update from the version read under
      // the lock; a writer that got past the lock, which none can, would move no row and write
      // nothing), insert the events, and NOTIFY followers (delivered at COMMIT).
      const moveHead = exists
        ? `UPDATE ${this.table('streams')} SET version = $2::integer WHERE stream_id = $1::text AND version = $3::integer RETURNING 1`
        : `INSERT INTO ${this.table('streams')} (stream_id, version) SELECT $1::text, $2::integer WHERE $3::integer = 0 RETURNING 1`;
      const written = await client.query<{ moved: string; last: string | null }>(
        `WITH head AS (${moveHead}),
         inserted AS (
           INSERT INTO ${this.table('events')} (position, stream_id, version, event)
           SELECT pg_current_xact_id()::text::bigint * ${POSITIONS_PER_TRANSACTION} + t.i - 1, $1::text, $3::integer + t.i, t.e::json
           FROM unnest($4::text[]) WITH ORDINALITY AS t(e, i)
           WHERE EXISTS (SELECT 1 FROM head)
           RETURNING position
         )
         SELECT (SELECT count(*) FROM head) AS moved, (SELECT max(position) FROM inserted) AS last,
                pg_notify($5::text, $1::text)`,
        [streamId, prepared.result.version, version, lines, this.channel],
      );
      if (Number(written.rows[0]!.moved) !== 1) throw this.versionConflict(streamId, version);
      const last = written.rows[0]!.last;
      const position = last === null ? null : Number(last);
      commitSent = true;
      await client.query('COMMIT');
      this.#cache.remember(streamId, prepared.result.version, prepared.next);
      if (position !== null) this.#lastPosition = Math.max(this.#lastPosition, position);
      return { ...prepared.result, position };
    } catch (error) {
      if (!commitSent) await client.query('ROLLBACK').catch(() => undefined);
      this.#cache.forget(streamId);
      if (isMatchlineError(error)) throw error;
      if ((error as { code?: unknown }).code === '23505') throw this.versionConflict(streamId, null);
      if (commitSent && isConnectionFailure(error))
        throw storeIoError(this.#server, error, `appending to stream ${streamId}`, 'unknown');
      throw error; // nothing was committed: withClient may retry, append() says so if it cannot
    }
  }

  private versionConflict(streamId: string, version: number | null): MatchlineError {
    return new MatchlineError({
      code: 'WRONG_EXPECTED_VERSION',
      message: `stream ${streamId} was changed by another writer${version === null ? '' : ` after version ${version}`}`,
      file: streamId,
    });
  }

  async read(streamId: string, options?: ReadOptions): Promise<MatchEvent[]> {
    this.checkOpen();
    checkStreamId(streamId);
    checkReadOptions(options);
    const from = options?.from ?? 0;
    const to = options?.to ?? 2_147_483_647;
    // One statement, one snapshot: the stream's existence and its events agree.
    const rows = await this.query<{ event: MatchEvent | null }>(
      `reading stream ${streamId}`,
      `SELECT e.event FROM ${this.table('streams')} s
       LEFT JOIN ${this.table('events')} e ON e.stream_id = s.stream_id AND e.version > $2 AND e.version <= $3
       WHERE s.stream_id = $1 ORDER BY e.version`,
      [streamId, from, Math.min(to, 2_147_483_647)],
    );
    if (rows.length === 0) {
      throw new MatchlineError({
        code: 'STREAM_NOT_FOUND',
        message: `no stream ${streamId} in ${this.#server.shown} (schema ${this.schema})`,
        file: streamId,
      });
    }
    return rows.flatMap((r) => (r.event ? [r.event] : []));
  }

  /**
   * Events after `after` that committed before the oldest transaction still running (the horizon):
   * everything below the horizon is final, so a reader never skips a late commit.
   */
  private async readBelowHorizon(
    after: number,
    limit: number,
  ): Promise<{ items: StoredEvent[]; horizon: number }> {
    const { rows } = await this.withClient((client) =>
      client.query<EventRow & { horizon: string }>(
        `WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint * ${POSITIONS_PER_TRANSACTION} AS horizon)
       SELECT h.horizon, e.position, e.stream_id, e.version, e.event FROM h
       LEFT JOIN LATERAL (
         SELECT position, stream_id, version, event FROM ${this.table('events')}
         WHERE position > $1 AND position < h.horizon ORDER BY position LIMIT $2
       ) e ON true`,
        [after, limit],
      ),
    );
    const horizon = Number(rows[0]?.horizon ?? 0);
    return { items: rows.filter((r) => r.position !== null).map(toStored), horizon };
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    this.checkOpen();
    checkReadAllOptions(options);
    try {
      return await this.readAllBelowHorizon(options?.after ?? 0, options?.limit ?? Number.MAX_SAFE_INTEGER);
    } catch (error) {
      this.fail(error, 'reading the global log');
    }
  }

  private async readAllBelowHorizon(after: number, limit: number): Promise<StoredEvent[]> {
    // Read your own writes: wait (briefly) until this instance's last commit is below the horizon.
    for (let wait = 1, waited = 0; ; wait = Math.min(wait * 2, 50)) {
      const out: StoredEvent[] = [];
      let horizon = 0;
      let cursor = after;
      while (out.length < limit) {
        const page = await this.readBelowHorizon(cursor, Math.min(limit - out.length, 10_000));
        horizon = page.horizon;
        out.push(...page.items);
        if (page.items.length === 0) break;
        cursor = page.items.at(-1)!.position;
      }
      if (horizon > this.#lastPosition || out.length >= limit || waited > 5000) return out;
      await new Promise((resolve) => setTimeout(resolve, wait));
      waited += wait;
    }
  }

  async list(): Promise<string[]> {
    this.checkOpen();
    const rows = await this.query<{ stream_id: string }>(
      'listing streams',
      `SELECT stream_id FROM ${this.table('streams')} ORDER BY stream_id COLLATE "C"`,
      [],
    );
    return rows.map((r) => r.stream_id);
  }

  async exists(streamId: string): Promise<boolean> {
    this.checkOpen();
    checkStreamId(streamId);
    const rows = await this.query(
      `checking stream ${streamId}`,
      `SELECT 1 FROM ${this.table('streams')} WHERE stream_id = $1`,
      [streamId],
    );
    return rows.length > 0;
  }

  /** One stream's events, CAUGHT_UP, then its later appends (polled; NOTIFY wakes the poll). */
  subscribe(streamId: string): Observable<MatchEvent | CaughtUp> {
    this.checkOpen();
    checkStreamId(streamId);
    const batch = this.#options.batchSize;
    return follow<StoredEvent>({
      ...this.followOptions(),
      start: 0,
      checkpointOf: (item) => item.version,
      // A stream's versions are dense and commit in order (its appends hold its lock), so reading
      // by version needs no horizon.
      readAfter: async (version) => {
        const rows = await this.withClient(async (client) =>
          (
            await client.query<EventRow>(
              `SELECT position, stream_id, version, event FROM ${this.table('events')}
               WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
              [streamId, version, batch],
            )
          ).rows.map(toStored),
        );
        return { items: rows, caughtUp: rows.length < batch };
      },
    }).pipe(map((item) => (isCaughtUp(item) ? item : item.event)));
  }

  /** Every stream after `after` in position order, CAUGHT_UP, then what commits later; resumable. */
  subscribeAll(options?: SubscribeAllOptions): Observable<StoredEvent | CaughtUp> {
    this.checkOpen();
    checkSubscribeAllOptions(options);
    const batch = this.#options.batchSize;
    return follow<StoredEvent>({
      ...this.followOptions(),
      start: options?.after ?? 0,
      checkpointOf: (item) => item.position,
      readAfter: async (after) => {
        const { items } = await this.readBelowHorizon(after, batch);
        return { items, caughtUp: items.length < batch };
      },
    });
  }

  private followOptions() {
    return {
      server: this.#server,
      wakeup: this.#wakeup,
      pollIntervalMs: this.#options.pollIntervalMs,
      retryForMs: this.#options.retryForMs,
      isClosed: () => this.#closed,
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#wakeup.close();
    await this.#pool.end().catch(() => undefined);
  }
}
