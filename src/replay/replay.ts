/**
 * rxjs pipelines over frames: `replay` paces a recorded stream (virtual time in tests, real time on a
 * terminal), `live` follows an append-only source after catching up on its past.
 */
import {
  concat,
  concatMap,
  defer,
  from,
  Observable,
  of,
  scheduled,
  timer,
  asapScheduler,
  type SchedulerLike,
} from 'rxjs';
import { map } from 'rxjs/operators';
import { CAUGHT_UP, isCaughtUp, type CaughtUp, type MatchEvent } from '../events/index.js';
import type { Problem } from '../events/errors.js';
import type { Mode } from '../match/state.js';
import { Follower } from '../match/follow.js';
import { displayMinute } from '../time/index.js';
import { buildFrames, framesOf, type Frame, type FrameOptions } from './frames.js';

export interface ReplayOptions extends FrameOptions {
  /** Match minutes per real second; Infinity (default) emits every frame at once. */
  readonly speed?: number;
  readonly scheduler?: SchedulerLike;
}

/** A cold observable of frames. Unsubscribing cancels the pending timer. */
export function replay(events: readonly MatchEvent[], options: ReplayOptions = {}): Observable<Frame> {
  const speed = options.speed ?? Number.POSITIVE_INFINITY;
  if (!(speed > 0))
    throw new RangeError(`speed must be a positive number of match minutes per second, not ${speed}`);
  return defer(() => {
    const frames = buildFrames(events, options);
    if (speed === Number.POSITIVE_INFINITY)
      return options.scheduler ? scheduled(frames, options.scheduler) : from(frames);
    const gap = 1000 / speed;
    return from(frames).pipe(
      concatMap((frame, i) =>
        i === 0 ? of(frame) : timer(gap, options.scheduler ?? asapScheduler).pipe(map(() => frame)),
      ),
    );
  });
}

export interface LiveWarning {
  readonly kind: 'warning';
  readonly problem: Problem;
}

export type LiveItem = Frame | CaughtUp | LiveWarning;

/** A live source from stored history followed by new events (e.g. a Subject). */
export function withHistory(
  history: readonly MatchEvent[],
  next: Observable<MatchEvent>,
): Observable<MatchEvent | CaughtUp> {
  return concat(from(history), of(CAUGHT_UP), next);
}

/**
 * Frames from an append-only source: the stored past as minute frames, then a caught-up marker, then
 * one frame per new event. A rule-breaking event is an error notification in strict mode, or a
 * warning item (and the event is skipped) in lenient mode; never silently dropped.
 */
export function live(
  source: Observable<MatchEvent | CaughtUp>,
  options: { mode?: Mode } = {},
): Observable<LiveItem> {
  const mode = options.mode ?? 'strict';
  return new Observable<LiveItem>((subscriber) => {
    const past: MatchEvent[] = [];
    let caughtUp = false;
    // One private fold follows the source; each new event costs its recipe and a snapshot of what changed.
    const follower = new Follower({ mode, dense: true });
    const one: MatchEvent[] = [];
    let index = 0;
    const subscription = source.subscribe({
      next: (item) => {
        if (isCaughtUp(item)) {
          if (caughtUp) return;
          caughtUp = true;
          try {
            const frames = framesOf(follower, past, { mode });
            past.length = 0;
            for (const frame of frames) subscriber.next(frame);
            index = frames.length;
          } catch (error) {
            subscriber.error(error);
            return;
          }
          subscriber.next(CAUGHT_UP);
          return;
        }
        if (!caughtUp) {
          past.push(item);
          return;
        }
        try {
          const before = follower.state.warnings.length;
          one[0] = item;
          follower.apply(one);
          // A correction re-folds into a new list: what it holds beyond the old length is new.
          const fresh = follower.state.warnings.slice(before);
          const state = follower.snapshot();
          for (const problem of fresh) subscriber.next({ kind: 'warning', problem });
          const minute = item.at
            ? displayMinute(item.at, 'atInterval' in item && item.atInterval === true)
            : 'post';
          subscriber.next({
            kind: 'event',
            minute,
            at: item.at ?? null,
            events: [item],
            state,
            index: index,
            total: index + 1,
          });
          index++;
        } catch (error) {
          subscriber.error(error);
        }
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
    return () => subscription.unsubscribe();
  });
}
