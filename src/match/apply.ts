/**
 * One rule, one place. Each event type has one recipe `(draft, event, ctx) => void` in rules/;
 * `applyEvent` is the single entry point every path runs (fold, evolve, frames, store append, live).
 * A correction re-folds the stream from just before its target with the corrected history known.
 */
import { isMatchlineError, toProblem, type EventOf, type MatchEvent, type Problem } from '../events/index.js';
import { fail, type FoldContext, type History } from './context.js';
import { createState, type Corrections, type MatchState, type Mode } from './state.js';
import { describeEvent, minuteOf, sideOf } from './describe.js';
import { applyFixture, applyLineups } from './rules/setup.js';
import {
  applyAddedTime,
  applyMatchAbandoned,
  applyMatchEnded,
  applyPeriodEnded,
  applyPeriodStarted,
  applyResultAwarded,
  applyResultRecorded,
} from './rules/periods.js';
import { applyAction, applyGoal, applyPenaltyMissed, recreditGoal } from './rules/goals.js';
import { applySubstitution } from './rules/substitutions.js';
import { applyBooking, applyCardRescinded } from './rules/discipline.js';
import { applyShootoutKick } from './rules/shootout.js';
import { applyVarReview, checkCorrection } from './rules/corrections.js';
import { advanceClock } from './rules/guards.js';

type Recipe = (draft: MatchState, event: never, ctx: FoldContext) => void;

/**
 * Shortcuts that give the same state as a re-fold (tests turn them off to compare the two paths).
 * `recredit`: an amendment of a goal's scorer or assist only is applied where it stands.
 */
export const fastCorrections = { recredit: true };
const noop: Recipe = () => undefined;

/** The recipe of every event type. Corrections are re-folded by `applyEvent` itself. */
const RECIPES: Record<MatchEvent['type'], Recipe> = {
  fixture: applyFixture,
  lineups: applyLineups,
  periodStarted: applyPeriodStarted,
  periodEnded: applyPeriodEnded,
  goal: applyGoal,
  penaltyMissed: applyPenaltyMissed,
  substitution: applySubstitution,
  booking: applyBooking,
  addedTime: applyAddedTime,
  shootoutKick: applyShootoutKick,
  varReviewStarted: applyVarReview,
  varReviewCompleted: applyVarReview,
  eventAmended: noop,
  eventRetracted: noop,
  cardRescinded: applyCardRescinded,
  matchEnded: applyMatchEnded,
  matchAbandoned: applyMatchAbandoned,
  resultAwarded: applyResultAwarded,
  resultRecorded: applyResultRecorded,
  action: applyAction,
};

/**
 * A template literal leaves a tree of string pieces; reading a character makes V8 flatten it into
 * one string, which a state keeps at a third of the memory (measured: 300 -> 102 bytes a sentence).
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

export function record(
  draft: MatchState,
  event: MatchEvent,
  shown: MatchEvent,
  index: number,
  status: 'ok' | 'retracted' | 'amended' | 'rejected',
): void {
  // A re-fold walks events the log already holds: only a new event is logged.
  if (draft.log.length === draft.version) draft.log.push(event);
  draft.version += 1;
  // The timeline holds what a match centre shows: not the set-up, not every pass.
  if (event.type === 'fixture' || event.type === 'lineups' || event.type === 'action') return;
  draft.timeline.push({
    index,
    eventId: event.id,
    type: event.type,
    minute: minuteOf(shown),
    at: shown.at ?? null,
    side: sideOf(shown),
    text: flat(describeEvent(draft, shown)),
    status,
    target: 'target' in event ? (event.target ?? null) : null,
  });
}

type CorrectionEvent = EventOf<'eventAmended'> | EventOf<'eventRetracted'>;

/** Adds a correction to the maps every later re-fold reads; returns how to take it out again. */
function addCorrection(corrections: Corrections, event: CorrectionEvent): () => void {
  const target = event.target;
  if (event.type === 'eventRetracted') {
    corrections.retracted.set(target, event.id);
    return () => corrections.retracted.delete(target);
  }
  const before = corrections.amended.get(target);
  // Later amendments stack on earlier ones.
  corrections.amended.set(target, { ...(before ?? {}), ...event.patch });
  return () =>
    before === undefined ? corrections.amended.delete(target) : corrections.amended.set(target, before);
}

/** Without checkpoints (an immer draft): a re-fold from the empty state, on copies of the maps. */
function fromStart(draft: MatchState): MatchState {
  const fresh = createState();
  fresh.log = draft.log;
  fresh.eventIndex = draft.eventIndex;
  fresh.rejected = new Map(draft.rejected);
  fresh.corrections.retracted = new Map(draft.corrections.retracted);
  fresh.corrections.amended = new Map(draft.corrections.amended);
  return fresh;
}

/**
 * Re-folds `fresh` (the state at its version) through the log and then `last`, in refolding mode:
 * rejected events stay rejected with their warning, every other event runs its recipe again.
 */
export function refold(
  fresh: MatchState,
  log: readonly MatchEvent[],
  end: number,
  last: MatchEvent | null,
  mode: Mode,
  history: History | undefined,
): void {
  const ctx = { mode, index: 0, refolding: true, history };
  const stop = last ? end + 1 : end;
  for (let i = fresh.version; i < stop; i++) {
    const event = i < end ? log[i]! : last!;
    history?.reached(fresh, i, event.type);
    const problem = fresh.rejected.get(i);
    if (problem) {
      // Rejected once (lenient mode), rejected for good: the same warning, no effect.
      fresh.warnings.push(problem);
      record(fresh, event, event, i, 'rejected');
      continue;
    }
    ctx.index = i;
    applyEvent(fresh, event, ctx);
  }
}

/** Every field but the log and the id index (shared with the re-fold, so already up to date). */
function adopt(draft: MatchState, fresh: MatchState): void {
  draft.version = fresh.version;
  draft.fixture = fresh.fixture;
  draft.rules = fresh.rules;
  draft.hasLineups = fresh.hasLineups;
  draft.status = fresh.status;
  draft.period = fresh.period;
  draft.lastAt = fresh.lastAt;
  draft.periodLengths = fresh.periodLengths;
  draft.addedTime = fresh.addedTime;
  draft.score = fresh.score;
  draft.halfTime = fresh.halfTime;
  draft.afterNormalTime = fresh.afterNormalTime;
  draft.afterExtraTime = fresh.afterExtraTime;
  draft.shootout = fresh.shootout;
  draft.result = fresh.result;
  draft.goals = fresh.goals;
  draft.missedPenalties = fresh.missedPenalties;
  draft.players = fresh.players;
  draft.teams = fresh.teams;
  draft.mustAbandon = fresh.mustAbandon;
  draft.timeline = fresh.timeline;
  draft.warnings = fresh.warnings;
  draft.rejected = fresh.rejected;
  draft.corrections = fresh.corrections;
}

/** A new correction: checked against the state before it, then folded at its target's instant. */
function correct(draft: MatchState, event: CorrectionEvent, ctx: FoldContext): void {
  checkCorrection(draft, event, ctx);
  const finished = draft.status === 'finished';
  const home = draft.score.home;
  const away = draft.score.away;
  const history = ctx.history;
  const target = draft.eventIndex.get(event.target)!;
  if (event.type === 'eventAmended' && fastCorrections.recredit && recreditGoal(draft, event, target)) {
    // A re-credit costs one event: nothing after the goal depends on who scored it.
    history?.remember(addCorrection(draft.corrections, event));
    history?.forget(target);
    // A new container, so a snapshot sees the changed patch even when the map keeps its size.
    draft.corrections = { ...draft.corrections };
    if (event.at && draft.status === 'live') advanceClock(draft, event.at);
    record(draft, event, event, ctx.index, 'ok');
    return;
  }
  const undo = addCorrection(draft.corrections, event);
  const fresh = history ? history.resume(draft, target) : fromStart(draft);
  const from = fresh.version;
  try {
    refold(fresh, draft.log, draft.version, event, ctx.mode, history);
    if (finished && (fresh.score.home !== home || fresh.score.away !== away)) {
      fail(
        ctx,
        event,
        'CORRECTION_NOT_ALLOWED',
        'a correction after full time may not change the score (R-GOAL-2)',
        '/patch',
      );
    }
  } catch (error) {
    undo();
    // The re-fold logged the correction; a refused one is logged again by the caller.
    draft.log.length = draft.version;
    history?.discard();
    throw error;
  }
  history?.remember(undo);
  history?.commit(from);
  adopt(draft, fresh);
}

/** Claims an event's id: the first event with an id keeps it. */
function claimId(draft: MatchState, event: MatchEvent, ctx: FoldContext): void {
  const ids = draft.eventIndex;
  const id = event.id;
  if (ctx.refolding) {
    // A re-fold shares the id index of the whole log: an id is a duplicate when it first came earlier.
    const first = ids.get(id);
    if (first === undefined) ids.set(id, ctx.index);
    else if (first !== ctx.index)
      fail(ctx, event, 'DUPLICATE_EVENT_ID', `event id ${id} was already used at event #${first}`, '/id');
    return;
  }
  // One hash operation; a duplicate leaves the size unchanged.
  const size = ids.size;
  ids.set(id, ctx.index);
  if (ids.size === size) {
    const first = draft.log.findIndex((e) => e.id === id);
    ids.set(id, first);
    fail(ctx, event, 'DUPLICATE_EVENT_ID', `event id ${id} was already used at event #${first}`, '/id');
  }
}

/** Applies one event to a mutable (or immer draft) state: the single entry point of every rule. */
export function applyEvent(draft: MatchState, event: MatchEvent, ctx: FoldContext): void {
  const type = event.type;
  try {
    claimId(draft, event, ctx);
    if (draft.fixture === null && ctx.index > 0 && type !== 'fixture') {
      fail(ctx, event, 'MISSING_FIXTURE', 'the stream must start with a fixture');
    }
    if (type === 'eventAmended' || type === 'eventRetracted') {
      if (!ctx.refolding) {
        correct(draft, event, ctx);
        return;
      }
      if (event.at && draft.status === 'live') advanceClock(draft, event.at);
      record(draft, event, event, ctx.index, 'ok');
      return;
    }
    // Corrections are rare: look them up only when there are any.
    const { retracted, amended } = draft.corrections;
    if (retracted.size > 0 && retracted.has(event.id)) {
      // A retracted event never counted, but the stream's clock still passed its instant.
      if (event.at && !('atInterval' in event && event.atInterval)) advanceClock(draft, event.at);
      record(draft, event, event, ctx.index, 'retracted');
      return;
    }
    const patch = amended.size > 0 ? amended.get(event.id) : undefined;
    const effective = patch ? ({ ...event, ...patch } as MatchEvent) : event;
    // Provider feeds are mostly actions: test for them before the table lookup.
    if (effective.type === 'action') applyAction(draft, effective, ctx);
    else
      (RECIPES[effective.type] as (d: MatchState, e: MatchEvent, c: FoldContext) => void)(
        draft,
        effective,
        ctx,
      );
    record(draft, event, effective, ctx.index, patch ? 'amended' : 'ok');
  } catch (error) {
    if (ctx.mode === 'lenient' && isMatchlineError(error)) {
      const problem: Problem = toProblem(error);
      draft.warnings.push(problem);
      draft.rejected.set(ctx.index, problem);
      record(draft, event, event, ctx.index, 'rejected');
      return;
    }
    throw error;
  }
}
