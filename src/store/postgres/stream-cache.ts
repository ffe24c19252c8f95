/**
 * The folded streams a writer keeps between appends, so an append checks the rules on the stored
 * state without reading and folding the whole stream again. Another process may have appended since:
 * the cache is then extended by just the events after the cached version.
 */
import type pg from 'pg';
import { isMatchlineError, MatchlineError, type MatchEvent } from '../../events/index.js';
import { EMPTY_SNAPSHOT, extendSnapshot, snapshotOf, type StreamSnapshot } from '../store.js';

/** Streams kept (the least recently used are dropped). */
const CACHED_STREAMS = 256;

export class StreamCache {
  readonly #kept = new Map<string, { readonly version: number; readonly snapshot: StreamSnapshot }>();

  remember(streamId: string, version: number, snapshot: StreamSnapshot): void {
    this.#kept.delete(streamId);
    this.#kept.set(streamId, { version, snapshot });
    if (this.#kept.size > CACHED_STREAMS) this.#kept.delete(this.#kept.keys().next().value!);
  }

  forget(streamId: string): void {
    this.#kept.delete(streamId);
  }

  /** The stream's stored state at `version` (read in the caller's transaction from `eventsTable`). */
  async snapshot(
    client: pg.PoolClient,
    eventsTable: string,
    streamId: string,
    version: number,
  ): Promise<StreamSnapshot> {
    if (version === 0) return EMPTY_SNAPSHOT;
    const cached = this.#kept.get(streamId);
    if (cached && cached.version === version) return cached.snapshot;
    const from = cached && cached.version < version ? cached.version : 0;
    const { rows } = await client.query<{ event: MatchEvent }>(
      `SELECT event FROM ${eventsTable} WHERE stream_id = $1 AND version > $2 ORDER BY version`,
      [streamId, from],
    );
    const added = rows.map((r) => r.event);
    try {
      if (!cached || from === 0) return snapshotOf(added);
      return extendSnapshot(cached.snapshot, added);
    } catch (error) {
      if (isMatchlineError(error)) {
        throw new MatchlineError({
          ...error.toJSON(),
          code: 'STREAM_CORRUPT',
          message: `the stored stream no longer folds: ${error.sentence}`,
          file: streamId,
        });
      }
      throw error;
    }
  }
}
