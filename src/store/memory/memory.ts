/** An event store in memory: for tests and short-lived use. */
import { map, type Observable } from 'rxjs';
import { isCaughtUp, MatchlineError, type CaughtUp, type MatchEvent } from '../../events/index.js';
import {
  AppendFeed,
  checkAppendInput,
  checkReadAllOptions,
  checkReadOptions,
  checkStreamId,
  checkSubscribeAllOptions,
  EMPTY_SNAPSHOT,
  eventsOfStream,
  prepareAppend,
  sliceEvents,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ReadAllOptions,
  type ReadOptions,
  type StoredEvent,
  type StreamSnapshot,
  type SubscribeAllOptions,
} from '../store.js';

export class MemoryEventStore implements EventStore {
  private readonly streams = new Map<string, StreamSnapshot>();
  /** Every stored event in position order (positions are 1, 2, 3, ...). */
  private readonly log: StoredEvent[] = [];
  private readonly feed = new AppendFeed();
  /** Appends run one at a time so expected versions mean what they say. */
  private queue: Promise<unknown> = Promise.resolve();

  append(streamId: string, events: readonly MatchEvent[], options?: AppendOptions): Promise<AppendResult> {
    const run = (): Promise<AppendResult> =>
      Promise.resolve().then(() => {
        checkStreamId(streamId);
        checkAppendInput(events, options);
        const current = this.streams.get(streamId);
        const prepared = prepareAppend(
          streamId,
          current ?? EMPTY_SNAPSHOT,
          current !== undefined,
          events,
          options,
        );
        if (prepared.toWrite.length === 0) return { ...prepared.result, position: null };
        this.streams.set(streamId, prepared.next);
        const before = current?.events.length ?? 0;
        const stored = prepared.toWrite.map((event, i) => ({
          streamId,
          version: before + i + 1,
          position: this.log.length + i + 1,
          event,
        }));
        this.log.push(...stored);
        this.feed.publish(stored);
        return { ...prepared.result, position: stored.at(-1)!.position };
      });
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  read(streamId: string, options?: ReadOptions): Promise<MatchEvent[]> {
    return Promise.resolve().then(() => {
      checkStreamId(streamId);
      checkReadOptions(options);
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

  readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return Promise.resolve().then(() => {
      checkReadAllOptions(options);
      // Positions are dense here: position p is log[p - 1].
      const from = Math.min(this.log.length, options.after ?? 0);
      const to = options.limit === undefined ? this.log.length : from + options.limit;
      return this.log.slice(from, to);
    });
  }

  list(): Promise<string[]> {
    return Promise.resolve([...this.streams.keys()].sort());
  }

  exists(streamId: string): Promise<boolean> {
    return Promise.resolve().then(() => this.streams.has(checkStreamId(streamId)));
  }

  subscribe(streamId: string): Observable<MatchEvent | CaughtUp> {
    checkStreamId(streamId);
    const ofStream = eventsOfStream(streamId);
    return this.feed
      .follow(() => Promise.resolve(this.log.filter(ofStream)), ofStream)
      .pipe(map((item) => (isCaughtUp(item) ? item : item.event)));
  }

  subscribeAll(options: SubscribeAllOptions = {}): Observable<StoredEvent | CaughtUp> {
    checkSubscribeAllOptions(options);
    return this.feed.follow(() => this.readAll(options), undefined, options.after ?? 0);
  }

  close(): Promise<void> {
    this.feed.complete();
    return Promise.resolve();
  }
}
