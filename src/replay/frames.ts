/**
 * Frames: the match minute by minute. Each frame holds the display minute, the instant at its end,
 * the events of that minute and the frozen state after them. One private fold follows the stream and
 * each frame takes a snapshot of it, sharing every unchanged part with the frame before.
 */
import { compareInstants, displayMinute, periodLength, type Instant } from '../time/index.js';
import type { MatchEvent } from '../events/index.js';
import type { MatchState, Mode } from '../match/state.js';
import { pointInstant, prefixLength, type Point } from '../match/fold.js';
import { Follower } from '../match/follow.js';

export type FrameKind = 'minute' | 'interval' | 'kick' | 'event' | 'final';

export interface Frame {
  readonly kind: FrameKind;
  /** "45+2'", "HT", "pen 3", "FT". */
  readonly minute: string;
  /** The instant at the end of the frame (null for the final frame). */
  readonly at: Instant | null;
  readonly events: readonly MatchEvent[];
  readonly state: MatchState;
  /** Position of this frame in the whole replay, and how many frames it has (for progress bars). */
  readonly index: number;
  readonly total: number;
}

export interface FrameOptions {
  readonly step?: 'minute' | 'event';
  readonly from?: Point;
  readonly to?: Point;
  readonly mode?: Mode;
}

const MINUTE = 60_000;
const INTERVAL_LABEL: Record<number, string> = { 1: 'HT', 2: 'End of 90', 3: 'ET HT', 4: 'End of ET' };

interface Slot {
  kind: FrameKind;
  minute: string;
  at: Instant | null;
  /** Takes events while this returns true for the next event. */
  accepts: (event: MatchEvent, started: boolean) => boolean;
}

function instantOf(event: MatchEvent, started: boolean): Instant {
  return event.at ?? { period: started ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY, ms: 0 };
}

/** The minute slots a stream covers: every minute of every period played, intervals, kicks, the end. */
function slotsOf(events: readonly MatchEvent[]): Slot[] {
  const lengths = new Map<number, number>();
  const lastMs = new Map<number, number>();
  let kicks = 0;
  for (const e of events) {
    if (e.type === 'periodEnded') lengths.set(e.at.period, e.at.ms);
    if (e.type === 'shootoutKick') kicks++;
    if (e.at && !('atInterval' in e && e.atInterval))
      lastMs.set(e.at.period, Math.max(lastMs.get(e.at.period) ?? 0, e.at.ms));
  }
  const slots: Slot[] = [];
  for (const period of [1, 2, 3, 4]) {
    if (!lastMs.has(period)) continue;
    const length = lengths.get(period) ?? lastMs.get(period)!;
    const count = lengths.has(period)
      ? Math.max(periodLength(period), Math.ceil(length / MINUTE))
      : Math.max(1, Math.ceil(length / MINUTE));
    for (let n = 1; n <= count; n++) {
      const end = { period, ms: n * MINUTE };
      slots.push({
        kind: 'minute',
        minute: displayMinute({ period, ms: end.ms }),
        at: end,
        accepts: (e, s) => compareInstants(instantOf(e, s), end) <= 0,
      });
    }
    if (lengths.has(period)) {
      const next = { period: period + 1, ms: 0 };
      slots.push({
        kind: 'interval',
        minute: INTERVAL_LABEL[period] ?? 'interval',
        at: next,
        accepts: (e, s) =>
          e.type !== 'periodStarted' &&
          e.type !== 'matchEnded' &&
          compareInstants(instantOf(e, s), next) <= 0,
      });
    }
  }
  if (lastMs.has(5)) {
    let seen = 0;
    slots.push({
      kind: 'interval',
      minute: 'pens',
      at: { period: 5, ms: 0 },
      accepts: (e) => e.type === 'periodStarted' && e.at.period === 5,
    });
    for (let k = 1; k <= kicks; k++) {
      slots.push({
        kind: 'kick',
        minute: `pen ${k}`,
        at: null,
        accepts: (e) => {
          if (e.type !== 'shootoutKick') return seen < k && e.at?.period === 5 && e.type !== 'periodEnded';
          if (seen >= k) return false;
          seen++;
          return true;
        },
      });
    }
  }
  slots.push({ kind: 'final', minute: 'FT', at: null, accepts: () => true });
  return slots;
}

/** Every frame of a stream, computed eagerly (about a millisecond for a 90-minute match). */
export function buildFrames(events: readonly MatchEvent[], options: FrameOptions = {}): Frame[] {
  return framesOf(new Follower({ mode: options.mode ?? 'strict' }), events, options);
}

/** The frames of `events` folded by `follower` (which `live` then keeps following). */
export function framesOf(
  follower: Follower,
  events: readonly MatchEvent[],
  options: FrameOptions = {},
): Frame[] {
  const fromCount = options.from === undefined ? 0 : prefixLength(events, options.from);
  const toCount = options.to === undefined ? events.length : prefixLength(events, options.to);
  // One private fold (the same recipes as fold), snapshotted after each frame with structural sharing.
  let state: MatchState = follower.snapshot();
  const frames: Omit<Frame, 'index' | 'total'>[] = [];
  let i = 0;
  let started = false;
  const take = (): MatchEvent => {
    const e = events[i++]!;
    if (e.type === 'periodStarted') started = true;
    one[0] = e;
    follower.run(one);
    dirty = true;
    return e;
  };
  const one: MatchEvent[] = [];
  let dirty = false;
  /** The frozen state now, sharing every unchanged part with the previous frame's. */
  const snapshot = (): MatchState => {
    if (dirty) state = follower.snapshot();
    dirty = false;
    return state;
  };
  if (options.step === 'event') {
    while (i < toCount) {
      const e = take();
      if (i > fromCount)
        frames.push({
          kind: 'event',
          minute:
            e.type === 'fixture' || e.type === 'lineups'
              ? 'pre'
              : e.at
                ? displayMinute(e.at, 'atInterval' in e && e.atInterval === true)
                : 'post',
          at: e.at ?? null,
          events: [e],
          state: snapshot(),
        });
    }
  } else {
    const toAt = typeof options.to === 'number' || options.to === undefined ? null : pointInstant(options.to);
    const fromAt =
      typeof options.from === 'number' || options.from === undefined ? null : pointInstant(options.from);
    for (const slot of slotsOf(events)) {
      const taken: MatchEvent[] = [];
      while (i < toCount && slot.accepts(events[i]!, started)) taken.push(take());
      // Frames that end before `from` are folded but not shown; the frame that reaches `to` is the last.
      const shown =
        fromAt === null
          ? i >= fromCount && (fromCount === 0 || taken.length > 0 || i > fromCount)
          : slot.at === null || compareInstants(slot.at, fromAt) >= 0;
      if (shown)
        frames.push({ kind: slot.kind, minute: slot.minute, at: slot.at, events: taken, state: snapshot() });
      if (
        toAt === null
          ? options.to !== undefined && i >= toCount
          : slot.at !== null && compareInstants(slot.at, toAt) >= 0
      )
        break;
    }
  }
  // A literal of known shape per frame: an object spread here was an eighth of a replay.
  const total = frames.length;
  return frames.map((f, index) => ({
    kind: f.kind,
    minute: f.minute,
    at: f.at,
    events: f.events,
    state: f.state,
    index,
    total,
  }));
}
