/** An event store in memory: for tests and short-lived use. */
import { map, type Observable } from 'rxjs';
import { isCaughtUp, MatchlineError, type CaughtUp, type MatchEvent } from '../events/index.js';
import {
  AppendFeed,
  checkStreamId,
  EMPTY_SNAPSHOT,
  prepareAppend,
  sliceEvents,
  toStored,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ReadOptions,
  type StoredEvent,
  type StreamSnapshot,
} from './store.js';

export class MemoryEventStore implements EventStore {
  private readonly streams = new Map<string, StreamSnapshot>();
  private readonly feed = new AppendFeed();
  /** Appends run one at a time so expected versions mean what they say. */
  private queue: Promise<unknown> = Promise.resolve();

  append(streamId: string, events: readonly MatchEvent[], options?: AppendOptions): Promise<AppendResult> {
    const run = (): Promise<AppendResult> =>
      Promise.resolve().then(() => {
        checkStreamId(streamId);
        const current = this.streams.get(streamId);
        const prepared = prepareAppend(
          streamId,
          current ?? EMPTY_SNAPSHOT,
          current !== undefined,
          events,
          options,
        );
        if (prepared.toWrite.length > 0 || current === undefined) this.streams.set(streamId, prepared.next);
        this.feed.publish(streamId, current?.events.length ?? 0, prepared.toWrite);
        return prepared.result;
      });
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  read(streamId: string, options?: ReadOptions): Promise<MatchEvent[]> {
    return Promise.resolve().then(() => {
      checkStreamId(streamId);
      const stream = this.streams.get(streamId);
      if (!stream)
        throw new MatchlineError({
          code: 'STREAM_NOT_FOUND',
          message: `no stream ${streamId}`,
          file: streamId,
        });
      return sliceEvents(stream.events, options);
    });
  }

  readAll(): Promise<{ streamId: string; events: MatchEvent[] }[]> {
    return Promise.resolve(
      [...this.streams.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([streamId, s]) => ({ streamId, events: [...s.events] })),
    );
  }

  list(): Promise<string[]> {
    return Promise.resolve([...this.streams.keys()].sort());
  }

  exists(streamId: string): Promise<boolean> {
    return Promise.resolve().then(() => this.streams.has(checkStreamId(streamId)));
  }

  subscribe(streamId: string): Observable<MatchEvent | CaughtUp> {
    checkStreamId(streamId);
    return this.feed
      .follow(() => Promise.resolve(toStored(streamId, this.streams.get(streamId)?.events ?? [])), streamId)
      .pipe(map((item) => (isCaughtUp(item) ? item : item.event)));
  }

  subscribeAll(): Observable<StoredEvent | CaughtUp> {
    return this.feed.follow(() =>
      Promise.resolve([...this.streams.entries()].flatMap(([id, s]) => toStored(id, s.events))),
    );
  }

  close(): Promise<void> {
    this.feed.complete();
    return Promise.resolve();
  }
}
