/**
 * The event store interface and the rules every store shares: expected versions, schema and rule
 * checks before anything is written, idempotent imports by `source`, and subscriptions that catch up
 * and then follow. Stores differ only in where the bytes go.
 */
import { Observable, Subject } from 'rxjs';
import {
  CAUGHT_UP,
  checkEvent,
  MatchlineError,
  type CaughtUp,
  type MatchEvent,
  type Problem,
} from '../events/index.js';
import { createState, type MatchState } from '../match/state.js';
import { extend } from '../match/fold.js';
import { freeze } from 'immer';
import { EventLog, SourceIndex, type SourceRecord } from './log.js';

/** A number (the stream's event count), or a condition on the stream's existence. */
export type ExpectedVersion = number | 'no-stream' | 'stream-exists' | 'any';

export interface AppendOptions {
  readonly expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  /** The stream's version (event count) after the append. */
  readonly version: number;
  readonly appended: number;
  /** Events skipped because their `source` (provider, id, version) was already stored. */
  readonly ignored: number;
  /** Events turned into amendments because a newer version of their source arrived. */
  readonly amended: number;
  /** The global position of the last event written, or null when nothing was written. */
  readonly position: number | null;
}

export interface ReadOptions {
  /** First event index (0-based, inclusive). */
  readonly from?: number;
  /** Last event index (exclusive). */
  readonly to?: number;
}

export interface ReadAllOptions {
  /** Only events with a global position greater than this (a checkpoint a consumer kept). */
  readonly after?: number;
  /** At most this many events. */
  readonly limit?: number;
}

export interface SubscribeAllOptions {
  /** Catch up from here: only events with a global position greater than this. */
  readonly after?: number;
}

export interface StoredEvent {
  readonly streamId: string;
  /** The stream version after this event (1 for the first event). */
  readonly version: number;
  /**
   * The store-wide global position: an integer >= 1, strictly increasing in commit order, unique
   * and never reused (also not after a crash). Gaps are allowed. A reader that has seen position P
   * never later sees a new event with a position <= P, so `after: P` resumes without gap or double.
   */
  readonly position: number;
  readonly event: MatchEvent;
}

export interface EventStore {
  append(streamId: string, events: readonly MatchEvent[], options?: AppendOptions): Promise<AppendResult>;
  read(streamId: string, options?: ReadOptions): Promise<MatchEvent[]>;
  /** Every stored event of every stream in global position order (after `after`, at most `limit`). */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  list(): Promise<string[]>;
  exists(streamId: string): Promise<boolean>;
  /** The stored events, then CAUGHT_UP, then every event appended later. */
  subscribe(streamId: string): Observable<MatchEvent | CaughtUp>;
  /** Every stream's events after `after` in position order, then CAUGHT_UP, then every later append. */
  subscribeAll(options?: SubscribeAllOptions): Observable<StoredEvent | CaughtUp>;
  close(): Promise<void>;
}

const usage = (message: string): MatchlineError => new MatchlineError({ code: 'USAGE', message });
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const shownValue = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object'
        ? 'an object'
        : typeof value === 'string'
          ? JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)
          : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
            ? String(value)
            : typeof value;

/**
 * The API-input checks every backend runs first (USAGE, nothing written): an array of at least one
 * event object, and an expected version that is one of the four kinds.
 */
export function checkAppendInput(events: unknown, options: unknown): void {
  if (!Array.isArray(events)) throw usage(`append takes an array of events, not ${shownValue(events)}`);
  if (events.length === 0) throw usage('append takes at least one event; an empty append writes nothing');
  events.forEach((event: unknown, i) => {
    if (typeof event !== 'object' || event === null || Array.isArray(event))
      throw usage(`event #${i} of the append is ${shownValue(event)}, not an event object`);
  });
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null)
    throw usage(`append options must be an object, not ${shownValue(options)}`);
  const expected = (options as { expectedVersion?: unknown }).expectedVersion;
  if (
    expected !== undefined &&
    expected !== 'any' &&
    expected !== 'no-stream' &&
    expected !== 'stream-exists' &&
    !isCount(expected)
  )
    throw usage(
      `expectedVersion takes a version (a whole number >= 0), 'no-stream', 'stream-exists' or 'any', not ${shownValue(expected)}`,
    );
}

function checkCounts(what: string, options: unknown, keys: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null)
    throw usage(`${what} options must be an object, not ${shownValue(options)}`);
  for (const key of keys) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined && !isCount(value))
      throw usage(`${what}: ${key} takes a whole number >= 0, not ${shownValue(value)}`);
  }
}

export const checkReadOptions = (options: unknown): void => checkCounts('read', options, ['from', 'to']);
export const checkReadAllOptions = (options: unknown): void =>
  checkCounts('readAll', options, ['after', 'limit']);
export const checkSubscribeAllOptions = (options: unknown): void =>
  checkCounts('subscribeAll', options, ['after']);

/** At most this many bytes per serialised event: a stored event is a line of NDJSON, not a blob. */
export const MAX_EVENT_BYTES = 64 * 1024;
const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Stream ids are safe file names: no separators, no `..`, no absolute paths, bounded, plain characters. */
export function checkStreamId(streamId: unknown): string {
  if (typeof streamId !== 'string' || !STREAM_ID.test(streamId) || streamId.includes('..')) {
    const shown =
      typeof streamId === 'string'
        ? JSON.stringify(streamId.length > 40 ? `${streamId.slice(0, 40)}…` : streamId)
        : String(streamId);
    throw new MatchlineError({
      code: 'INVALID_STREAM_ID',
      message: `${shown} is not a stream id: use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit, without '..'`,
    });
  }
  return streamId;
}

/** What a store keeps per stream: the events, their fold, and the sources seen (for idempotence). */
export interface StreamSnapshot {
  /** The stored events, a view shared with later versions of the stream. */
  readonly events: EventLog;
  readonly state: MatchState;
  /** Provider events by `provider\0id`, read with `events.length` (see SourceIndex). */
  readonly sources: SourceIndex;
}

export const EMPTY_SNAPSHOT: StreamSnapshot = {
  events: EventLog.EMPTY,
  state: freeze(createState(), true),
  sources: SourceIndex.empty(),
};

const sourceKey = (e: MatchEvent): string | null =>
  e.source ? `${e.source.provider}\u0000${e.source.id}` : null;

/** Records what `added` (stored from index `from` on) brings to the source index. */
function indexSources(sources: SourceIndex, added: readonly MatchEvent[], from: number): void {
  added.forEach((e, i) => {
    const key = sourceKey(e);
    if (!key) return;
    const at = from + i;
    const known = sources.get(key, at);
    const version = e.source?.version ?? 0;
    if (!known) sources.add(key, { version, eventId: e.id, index: at, at });
    else if (version > known.version) sources.add(key, { ...known, version, at });
  });
}

/** `snapshot` followed by `added` (already checked, or read back from storage): costs `added`. */
export function extendSnapshot(snapshot: StreamSnapshot, added: readonly MatchEvent[]): StreamSnapshot {
  if (added.length === 0) return snapshot;
  const length = snapshot.events.length;
  const forked = !snapshot.events.isNewest();
  // One fold follows the stream across versions (checkpoints bound a correction's re-fold).
  const state = extend(snapshot.state, added);
  const sources = forked || length === 0 ? snapshot.sources.fork(length) : snapshot.sources;
  const events = snapshot.events.append(added);
  indexSources(sources, added, length);
  return { events, state, sources };
}

export function snapshotOf(events: readonly MatchEvent[]): StreamSnapshot {
  return extendSnapshot(EMPTY_SNAPSHOT, events);
}

const AMENDABLE = [
  'team',
  'scorer',
  'scorerTeam',
  'assist',
  'penalty',
  'ownGoal',
  'card',
  'player',
  'playerOff',
  'playerOn',
  'at',
] as const;

function checkExpected(streamId: string, exists: boolean, version: number, expected: ExpectedVersion): void {
  const ok =
    expected === 'any' ||
    (expected === 'no-stream' && !exists) ||
    (expected === 'stream-exists' && exists) ||
    (typeof expected === 'number' && expected === version && (exists || expected === 0));
  if (!ok) {
    throw new MatchlineError({
      code: 'WRONG_EXPECTED_VERSION',
      message: `stream ${streamId} is at version ${exists ? version : '(none)'}, the append expected ${typeof expected === 'number' ? `version ${expected}` : expected}`,
      file: streamId,
    });
  }
}

/** `<target>@v<version>`: characters the event-id schema allows, cut to its 128-character bound. */
export function amendmentId(target: string, version: number): string {
  const suffix = `@v${version}`;
  return `${target.slice(0, 128 - suffix.length)}${suffix}`;
}

export interface PreparedAppend {
  readonly toWrite: MatchEvent[];
  /** `toWrite` as NDJSON lines (serialised once, for the size check and the write). */
  readonly ndjson: string;
  readonly next: StreamSnapshot;
  /** The result without its global position, which the backend assigns when it commits. */
  readonly result: Omit<AppendResult, 'position'>;
}

/**
 * Checks an append against the stored stream and decides what to write. Throws a MatchlineError
 * (and writes nothing) when anything is wrong: version conflict, schema, size, or a broken rule.
 */
export function prepareAppend(
  streamId: string,
  current: StreamSnapshot,
  exists: boolean,
  events: readonly MatchEvent[],
  options: AppendOptions = {},
): PreparedAppend {
  checkExpected(streamId, exists, current.events.length, options.expectedVersion ?? 'any');
  const problems: Problem[] = [];
  const lines = new Map<MatchEvent, string>();
  events.forEach((event, i) => {
    const problem = checkEvent(event, current.events.length + i);
    if (problem) {
      problems.push({ ...problem, file: streamId });
      return;
    }
    const line = JSON.stringify(event);
    lines.set(event, line);
    if (Buffer.byteLength(line) > MAX_EVENT_BYTES) {
      problems.push({
        code: 'EVENT_TOO_LARGE',
        message: `the event is larger than ${MAX_EVENT_BYTES} bytes`,
        index: current.events.length + i,
        eventId: event.id,
        file: streamId,
      });
    }
  });
  if (problems.length > 0) throw new MatchlineError(problems[0]!, problems);

  const length = current.events.length;
  // What this append learns about provider events, before it is known to be valid.
  const learned = new Map<string, SourceRecord>();
  const knownOf = (key: string) => learned.get(key) ?? current.sources.get(key, length);
  const toWrite: MatchEvent[] = [];
  let ignored = 0;
  let amended = 0;
  for (const event of events) {
    const key = sourceKey(event);
    const known = key ? knownOf(key) : undefined;
    const at = length + toWrite.length;
    if (!key || !known) {
      toWrite.push(event);
      if (key) learned.set(key, { version: event.source?.version ?? 0, eventId: event.id, index: at, at });
      continue;
    }
    const version = event.source?.version ?? 0;
    if (version <= known.version) {
      ignored++;
      continue;
    }
    // A newer version of a stored event: an amendment of what changed, found by its index.
    const original = known.index < length ? current.events.at(known.index) : toWrite[known.index - length];
    const patch: Record<string, unknown> = {};
    for (const field of AMENDABLE) {
      const before = (original as Record<string, unknown> | undefined)?.[field];
      const after = (event as unknown as Record<string, unknown>)[field];
      if (after !== undefined && JSON.stringify(before) !== JSON.stringify(after)) patch[field] = after;
    }
    if (Object.keys(patch).length === 0) {
      // Nothing to write: the stored stream stays the judge of what was seen (as after a reopen).
      ignored++;
      continue;
    }
    learned.set(key, { ...known, version, at });
    const amendment: MatchEvent = {
      id: amendmentId(known.eventId, version),
      type: 'eventAmended',
      ...(event.at ? { at: event.at } : {}),
      target: known.eventId,
      patch,
      reason: 'feedCorrection',
      source: event.source,
    };
    // What the store writes itself passes the same schema as what it is given.
    const problem = checkEvent(amendment, at);
    if (problem) throw new MatchlineError({ ...problem, file: streamId });
    toWrite.push(amendment);
    amended++;
  }
  // The engine's strict mode is the judge: any broken rule rejects the whole append.
  let next = current;
  try {
    next = extendSnapshot(current, toWrite);
  } catch (error) {
    if (error instanceof MatchlineError) throw new MatchlineError({ ...error.toJSON(), file: streamId });
    throw error;
  }
  return {
    toWrite,
    ndjson: toWrite.map((e) => (lines.get(e) ?? JSON.stringify(e)) + '\n').join(''),
    next,
    result: { version: next.events.length, appended: toWrite.length, ignored, amended },
  };
}

/** In-process fan-out of committed events, shared by the stores' subscriptions. */
export class AppendFeed {
  private readonly subject = new Subject<StoredEvent>();

  publish(items: readonly StoredEvent[]): void {
    for (const item of items) this.subject.next(item);
  }

  /**
   * Stored events from `snapshot()`, CAUGHT_UP, then later ones, with nothing lost or doubled
   * between: items are emitted once each, in position order, by their global position.
   */
  follow(
    snapshot: () => Promise<readonly StoredEvent[]>,
    filter: (item: StoredEvent) => boolean = () => true,
    after = 0,
  ): Observable<StoredEvent | CaughtUp> {
    return new Observable<StoredEvent | CaughtUp>((subscriber) => {
      const buffered: StoredEvent[] = [];
      let live = false;
      let last = after;
      const emit = (item: StoredEvent) => {
        if (item.position <= last) return;
        last = item.position;
        subscriber.next(item);
      };
      const subscription = this.subject.subscribe((item) => {
        if (!filter(item)) return;
        if (live) emit(item);
        else buffered.push(item);
      });
      snapshot()
        .then((stored) => {
          for (const item of stored) emit(item);
          subscriber.next(CAUGHT_UP);
          for (const item of buffered) emit(item);
          live = true;
        })
        .catch((error: unknown) => subscriber.error(error));
      return () => subscription.unsubscribe();
    });
  }

  complete(): void {
    this.subject.complete();
  }
}

export function sliceEvents(
  events: Pick<readonly MatchEvent[], 'length' | 'slice'>,
  options: ReadOptions = {},
): MatchEvent[] {
  const from = Math.max(0, options.from ?? 0);
  const to = Math.min(events.length, options.to ?? events.length);
  return events.slice(from, to);
}

/** The events of one stream from a position-ordered list, as `subscribe` emits them. */
export const eventsOfStream =
  (streamId: string) =>
  (item: StoredEvent): boolean =>
    item.streamId === streamId;
