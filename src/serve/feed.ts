/**
 * What one SSE client receives from a stream: the stored past after its Last-Event-ID, a
 * `caught-up` marker, then live deltas; or, with a speed, the stored match replayed as if live
 * (the engine's minute frames, paced), corrections landing at the minute they were made.
 */
import type { Subscription } from 'rxjs';
import { replay } from '../replay/index.js';
import { deltaOf, passes, scoreboardOf, type DeltaFilter } from './deltas.js';
import type { LiveEntry, LiveStream } from './hub.js';
import { encodeSse, type SseClient } from './sse.js';

export type FrameStep = 'event' | 'minute' | 'none';

export interface FeedOptions {
  /** Deliver versions after this one (from Last-Event-ID). */
  readonly after: number;
  readonly filter: DeltaFilter;
  readonly frames: FrameStep;
  /** Match minutes per real second; undefined: no pacing (the past at once, then live). */
  readonly speed?: number;
}

/** Events that end a stretch of play: their frame is sent at once in minute mode. */
const BOUNDARY = new Set(['periodStarted', 'periodEnded', 'matchEnded', 'matchAbandoned', 'resultAwarded']);

/** Sends deltas, and frames per event or per minute (the last state of each minute once it is complete). */
class Sender {
  private pending: LiveEntry | null = null;

  constructor(
    private readonly client: SseClient,
    private readonly stream: LiveStream,
    private readonly options: FeedOptions,
  ) {}

  entry(entry: LiveEntry): void {
    if (entry.version <= this.options.after) return;
    const minutes = this.options.frames === 'minute';
    // A new minute completes the last one: its frame goes before the new minute's first delta.
    if (minutes && this.pending && this.pending.meta.minute !== entry.meta.minute) this.flush();
    if (passes(this.options.filter, entry.meta, this.stream.state)) this.client.send(entry.delta);
    if (this.options.frames === 'event') this.client.send(entry.frame);
    else if (minutes) {
      this.pending = entry;
      if (BOUNDARY.has(entry.event.type)) this.flush();
    }
  }

  flush(): void {
    if (this.pending) this.client.send(this.pending.frame);
    this.pending = null;
  }
}

function followLive(client: SseClient, stream: LiveStream, options: FeedOptions, from: number): () => void {
  const sender = new Sender(client, stream, { ...options, after: Math.max(options.after, from) });
  // Past and subscription in one synchronous step: the hub cannot apply an event in between.
  for (const entry of stream.entries) sender.entry(entry);
  sender.flush();
  client.send(encodeSse('caught-up', { version: stream.version }));
  return stream.listen((entry) => sender.entry(entry));
}

/** Attaches a client to a stream; returns what detaches it. */
export function attachFeed(client: SseClient, stream: LiveStream, options: FeedOptions): () => void {
  if (options.speed === undefined) return followLive(client, stream, options, 0);
  const events = stream.events;
  const filter = options.filter;
  let detachLive: (() => void) | null = null;
  // The replay's own fold (the engine's frames), so the live model is not disturbed.
  const subscription: Subscription = replay(events, { speed: options.speed, from: options.after }).subscribe({
    next: (frame) => {
      const first = frame.state.version - frame.events.length;
      frame.events.forEach((event, i) => {
        const version = first + i + 1;
        if (version <= options.after) return;
        const delta = deltaOf(version, event);
        const meta = stream.entries[version - 1]?.meta;
        if (!meta || passes(filter, meta, frame.state)) client.send(encodeSse('delta', delta, version));
      });
      if (options.frames !== 'none' && frame.state.version > options.after)
        client.send(
          encodeSse(
            'frame',
            { kind: frame.kind, ...scoreboardOf(frame.state), minute: frame.minute },
            frame.state.version,
          ),
        );
    },
    complete: () => {
      // Then whatever was appended since the replay began, and live from there.
      detachLive = followLive(client, stream, options, events.length);
    },
  });
  return () => {
    subscription.unsubscribe();
    detachLive?.();
  };
}
