/**
 * The server's live model: one subscription to the store's global feed, one mutable fold per
 * stream (the engine's recipes, applied once per event however many clients watch), and each
 * event's delta and frame encoded once. Clients attach to a stream and get bytes, not work.
 */
import { Subject, type Subscription } from 'rxjs';
import { isCaughtUp, type MatchEvent } from '../events/index.js';
import { applyEvent, createState, type MatchState } from '../match/index.js';
import type { EventStore } from '../store/store.js';
import { deltaOf, metaOf, scoreboardOf, type DeltaMeta, type Scoreboard } from './deltas.js';
import { encodeSse } from './sse.js';

/** One stored event as the server delivers it. */
export interface LiveEntry {
  readonly version: number;
  readonly event: MatchEvent;
  readonly meta: DeltaMeta;
  /** `event: delta` with the version as its id. */
  readonly delta: Uint8Array;
  /** `event: frame`: the scoreboard after this event. */
  readonly frame: Uint8Array;
}

export type StreamListener = (entry: LiveEntry) => void;

export class LiveStream {
  readonly entries: LiveEntry[] = [];
  /** The state after the last event: mutable, owned by the hub; read it, never change it. */
  readonly state: MatchState = createState();
  private readonly listeners = new Set<StreamListener>();

  constructor(readonly id: string) {}

  get version(): number {
    return this.entries.length;
  }

  get events(): MatchEvent[] {
    return this.entries.map((e) => e.event);
  }

  scoreboard(): Scoreboard {
    return scoreboardOf(this.state);
  }

  /** Folds one stored event (lenient: the store already judged it strictly) and fans it out. */
  apply(version: number, event: MatchEvent): LiveEntry | null {
    if (version !== this.entries.length + 1) return null; // delivered twice by a catch-up overlap
    applyEvent(this.state, event, { mode: 'lenient', index: this.state.version, refolding: false });
    const meta = metaOf(event, this.state);
    const entry: LiveEntry = {
      version,
      event,
      meta,
      delta: encodeSse('delta', deltaOf(version, event), version),
      frame: encodeSse('frame', { kind: 'event', ...scoreboardOf(this.state) }, version),
    };
    this.entries.push(entry);
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  listen(listener: StreamListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

export class Hub {
  private readonly streams = new Map<string, LiveStream>();
  private readonly subscription: Subscription;
  /** Every applied event, after its stream's listeners (tables listen here). */
  readonly applied = new Subject<{ stream: LiveStream; entry: LiveEntry }>();
  readonly ready: Promise<void>;

  constructor(readonly store: EventStore) {
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    this.ready = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.subscription = store.subscribeAll().subscribe({
      next: (item) => {
        if (isCaughtUp(item)) {
          resolve();
          return;
        }
        const stream = this.stream(item.streamId);
        const entry = stream.apply(item.version, item.event);
        if (entry) this.applied.next({ stream, entry });
      },
      error: (error: unknown) => reject(error),
    });
  }

  /** The live model of a stream (empty until its first event). */
  stream(id: string): LiveStream {
    let stream = this.streams.get(id);
    if (!stream) this.streams.set(id, (stream = new LiveStream(id)));
    return stream;
  }

  has(id: string): boolean {
    return (this.streams.get(id)?.version ?? 0) > 0;
  }

  all(): LiveStream[] {
    return [...this.streams.values()].filter((s) => s.version > 0).sort((a, b) => a.id.localeCompare(b.id));
  }

  close(): void {
    this.subscription.unsubscribe();
    this.applied.complete();
  }
}
