/**
 * The append-only parts of a stored stream, shared between its versions: each version is a view of
 * one growing buffer up to its own length, so an append costs the events it adds, not the stream.
 */
import type { MatchEvent } from '../events/index.js';

/** A stream's events up to `length`, over a buffer that later versions extend in place. */
export class EventLog {
  static readonly EMPTY = new EventLog([], 0);

  private constructor(
    private readonly buffer: MatchEvent[],
    readonly length: number,
  ) {}

  /** A log of its own over a copy of `events`. */
  static of(events: Iterable<MatchEvent>): EventLog {
    const buffer = [...events];
    return new EventLog(buffer, buffer.length);
  }

  /**
   * This log with `events` after it. When this is the newest view of its buffer the buffer grows in
   * place (older views keep their length, so they still see what they saw); otherwise (an append
   * that was prepared and then not committed) the buffer is forked first.
   */
  append(events: readonly MatchEvent[]): EventLog {
    if (events.length === 0) return this;
    const buffer = this.isNewest() && this.length > 0 ? this.buffer : this.buffer.slice(0, this.length);
    for (const event of events) buffer.push(event);
    return new EventLog(buffer, this.length + events.length);
  }

  /** Whether no later version has grown the buffer past this one. */
  isNewest(): boolean {
    return this.buffer.length === this.length;
  }

  at(index: number): MatchEvent | undefined {
    return index >= 0 && index < this.length ? this.buffer[index] : undefined;
  }

  slice(from = 0, to = this.length): MatchEvent[] {
    return this.buffer.slice(Math.max(0, from), Math.min(this.length, to));
  }

  *[Symbol.iterator](): IterableIterator<MatchEvent> {
    for (let i = 0; i < this.length; i++) yield this.buffer[i]!;
  }
}

/** What the store knows of one provider event: its newest version and the stored event it became. */
export interface SourceRecord {
  readonly version: number;
  readonly eventId: string;
  /** The index of that stored event in the log. */
  readonly index: number;
  /** The index of the stored event that brought this version (records at or past a view's length are not in it). */
  readonly at: number;
}

/** Provider event (`provider\0id`) -> its records, oldest first; shared like the log it indexes. */
export class SourceIndex {
  static empty(): SourceIndex {
    return new SourceIndex(new Map());
  }

  private constructor(private readonly records: Map<string, SourceRecord[]>) {}

  /** The newest record of `key` among the first `length` stored events. */
  get(key: string, length: number): SourceRecord | undefined {
    const records = this.records.get(key);
    if (!records) return undefined;
    for (let i = records.length - 1; i >= 0; i--) if (records[i]!.at < length) return records[i];
    return undefined;
  }

  add(key: string, record: SourceRecord): void {
    const records = this.records.get(key);
    if (records) records.push(record);
    else this.records.set(key, [record]);
  }

  /** A copy holding only what the first `length` stored events brought (for a forked log). */
  fork(length: number): SourceIndex {
    const copy = new Map<string, SourceRecord[]>();
    for (const [key, records] of this.records) {
      const kept = records.filter((r) => r.at < length);
      if (kept.length > 0) copy.set(key, kept);
    }
    return new SourceIndex(copy);
  }
}
