/**
 * What a recipe needs besides the draft and the event: where it is in the stream and how to
 * report a broken rule. `fail` aborts the event (checks run before any mutation, so nothing is
 * half-applied); `warn` aborts in strict mode and is recorded in lenient mode.
 */
import { MatchlineError, type ErrorCode, type Problem } from '../events/errors.js';
import type { MatchEvent } from '../events/index.js';
import type { MatchState, Mode } from './state.js';

export interface FoldContext {
  readonly mode: Mode;
  readonly index: number;
  /** True while corrections re-fold the log; corrections then only leave their timeline entry. */
  readonly refolding: boolean;
  /** Checkpoints of the fold, when it keeps them: a correction resumes from the one before its target. */
  readonly history?: History;
}

/** Where a correction's re-fold starts, and what it may keep (src/match/follow.ts keeps checkpoints). */
export interface History {
  /** A private state at or before `index` (its version says where), whose append-only arrays are new. */
  resume(draft: MatchState, index: number): MatchState;
  /** Called before the re-fold applies the event at `index`, with the state about to take it. */
  reached(fresh: MatchState, index: number, type: MatchEvent['type']): void;
  /** The re-fold succeeded from `from`: checkpoints after it are stale, the ones it took replace them. */
  commit(from: number): void;
  /** The re-fold was refused: forget the checkpoints it took. */
  discard(): void;
  /** The state after `index` changed without a re-fold: checkpoints after it are stale. */
  forget(index: number): void;
  /** Undoes a change to the correction maps if the batch that made it is rolled back. */
  remember(undo: () => void): void;
}

export function problemAt(
  ctx: FoldContext,
  event: MatchEvent,
  code: ErrorCode,
  message: string,
  pointer?: string,
): Problem {
  return {
    code,
    message,
    index: ctx.index,
    eventId: event.id,
    ...(pointer === undefined ? {} : { pointer }),
  };
}

export function fail(
  ctx: FoldContext,
  event: MatchEvent,
  code: ErrorCode,
  message: string,
  pointer?: string,
): never {
  throw new MatchlineError(problemAt(ctx, event, code, message, pointer));
}

export function warn(
  draft: MatchState,
  ctx: FoldContext,
  event: MatchEvent,
  code: ErrorCode,
  message: string,
  pointer?: string,
): void {
  const problem = problemAt(ctx, event, code, message, pointer);
  if (ctx.mode === 'strict') throw new MatchlineError(problem);
  draft.warnings.push(problem);
}
