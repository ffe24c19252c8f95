/**
 * Folding a stream. `fold` runs the recipes (apply.ts) on one private mutable state (follow.ts) and
 * freezes once at the end; `evolve` feeds one event to the private fold behind the state it is given
 * and takes a frozen snapshot that shares every unchanged part with that state.
 */
import { freezeState } from './freeze.js';
import { compareInstants, endOfMinute, parseDisplayMinute, type Instant } from '../time/index.js';
import { MatchlineError, type MatchEvent } from '../events/index.js';
import { type MatchState, type Mode } from './state.js';
import { Follower } from './follow.js';

export { applyEvent } from './apply.js';

export interface FoldOptions {
  /** strict (default): the first broken rule throws. lenient: broken rules become warnings. */
  readonly mode?: Mode;
}

/** Folds events into a state: a private mutable copy, frozen once at the end. */
export function fold(events: Iterable<MatchEvent>, from?: MatchState, options: FoldOptions = {}): MatchState {
  const follower = new Follower({ mode: options.mode ?? 'strict' }, from);
  follower.run(Array.isArray(events) ? (events as readonly MatchEvent[]) : [...events]);
  return freezeState(follower.state);
}

/**
 * The private fold behind each state `evolve` returned. A chain of evolve calls (each on the state
 * the previous one returned) shares one fold, so an event costs its recipe and a snapshot of what
 * changed; a state that is not the head of a chain (from `fold`, or an older version evolved again)
 * starts a new fold with one copy of its append-only parts.
 */
const followed = new WeakMap<MatchState, Follower>();

/** One event: a new frozen state sharing every unchanged part with `state`, which stays as it was. */
export function evolve(state: MatchState, event: MatchEvent, options: FoldOptions = {}): MatchState {
  return extend(state, [event], options);
}

/**
 * Events onto a state, as one batch (what a store append does): a new frozen state sharing every
 * unchanged part with `state`. A broken rule in strict mode throws and changes nothing.
 */
export function extend(
  state: MatchState,
  events: readonly MatchEvent[],
  options: FoldOptions = {},
): MatchState {
  const mode = options.mode ?? 'strict';
  let follower = followed.get(state);
  if (follower === undefined || follower.mode !== mode || follower.head !== state) {
    follower = new Follower({ mode, dense: true }, state);
  }
  follower.apply(events);
  const next = follower.snapshot();
  followed.set(next, follower);
  return next;
}

/** Where to stop: an event count (version), an instant, or a display minute such as "67'" or "45+2'". */
export type Point = number | Instant | string;

const NEVER = { period: Number.POSITIVE_INFINITY, ms: 0 };
const ALWAYS = { period: Number.NEGATIVE_INFINITY, ms: 0 };

/** Named points: HT is the end of the first half, ET the end of extra time (before any kicks). */
const PERIOD_ENDS: Readonly<Record<string, Instant>> = {
  HT: { period: 1, ms: Number.POSITIVE_INFINITY },
  ET: { period: 4, ms: Number.POSITIVE_INFINITY },
  AET: { period: 4, ms: Number.POSITIVE_INFINITY },
};

/** The instant a point names (a display minute's end, HT/ET as a period's end, FT as the end of everything). */
export function pointInstant(point: Instant | string): Instant {
  if (typeof point !== 'string') return point;
  const upper = point.trim().toUpperCase();
  if (upper === 'FT' || upper === 'END') return NEVER;
  const periodEnd = PERIOD_ENDS[upper];
  if (periodEnd) return periodEnd;
  const minute = parseDisplayMinute(point);
  if (!minute) {
    throw new MatchlineError({
      code: 'USAGE',
      message: `"${point}" is not a point: give an event count, a minute such as 67' or 90+3, HT, ET or FT`,
    });
  }
  return endOfMinute(minute);
}

/** How many leading events of the stream happened at or before the point. */
export function prefixLength(events: readonly MatchEvent[], point: Point): number {
  if (typeof point === 'number') {
    if (!Number.isInteger(point) || point < 0) {
      throw new MatchlineError({
        code: 'USAGE',
        message: `version ${point} must be a whole number of events from 0`,
      });
    }
    return Math.min(point, events.length);
  }
  if (typeof point === 'string' && /^\d+$/.test(point.trim()) && !point.includes("'")) {
    return prefixLength(events, Number(point));
  }
  const limit = pointInstant(point);
  let started = false;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.type === 'periodStarted') started = true;
    // Events without an instant are pre-match before the kick-off and post-match after it.
    const at = event.at ?? (started ? NEVER : ALWAYS);
    if (compareInstants(at, limit) > 0) return i;
  }
  return events.length;
}

/** The state at a point: always equal to folding the prefix of the stream up to it. */
export function stateAt(events: readonly MatchEvent[], point: Point, options: FoldOptions = {}): MatchState {
  return fold(events.slice(0, prefixLength(events, point)), undefined, options);
}
