/**
 * Corrections (rulebook §5.3, R-VAR-1/2): amendments and retractions are new events that name a
 * target. They are folded at the target's instant: the driver re-folds the stream with the target
 * patched or removed, so every rule is applied again to the corrected history (R-COR-6).
 */
import type { EventOf, MatchEvent } from '../../events/index.js';
import { fail, type FoldContext } from '../context.js';
import type { MatchState } from '../state.js';

/** Fields an amendment may change, by target type. */
const AMENDABLE: Partial<Record<MatchEvent['type'], readonly string[]>> = {
  goal: ['team', 'scorer', 'scorerTeam', 'assist', 'penalty', 'ownGoal', 'at'],
  booking: ['card', 'player', 'at'],
  substitution: ['playerOff', 'playerOn', 'at'],
  action: ['player', 'at'],
};
/** After full time only credit may change: never the score, never who was on the pitch (R-COR-4). */
const AMENDABLE_AFTER_FULL_TIME: Partial<Record<MatchEvent['type'], readonly string[]>> = {
  goal: ['scorer', 'scorerTeam', 'assist', 'penalty', 'ownGoal'],
  action: ['player'],
};
const RETRACTABLE = new Set<MatchEvent['type']>([
  'goal',
  'booking',
  'substitution',
  'penaltyMissed',
  'shootoutKick',
  'addedTime',
  'varReviewStarted',
  'varReviewCompleted',
  'action',
]);
/** An action changes no figure, so a provider may delete one at any time (Opta type 43). */
const RETRACTABLE_AFTER_FULL_TIME = new Set<MatchEvent['type']>([
  'action',
  'addedTime',
  'varReviewStarted',
  'varReviewCompleted',
]);

export type CorrectionEvent = EventOf<'eventAmended'> | EventOf<'eventRetracted'>;

function targetOf(draft: MatchState, event: CorrectionEvent, ctx: FoldContext): MatchEvent {
  const index = draft.eventIndex.get(event.target);
  const target = index === undefined ? undefined : draft.log[index];
  if (!target) fail(ctx, event, 'UNKNOWN_TARGET', `no event with id ${event.target} to correct`, '/target');
  if (draft.corrections.retracted.has(target.id)) {
    fail(ctx, event, 'CORRECTION_NOT_ALLOWED', `${target.id} was already retracted`, '/target');
  }
  return target;
}

/** Checks a correction against the state before it; the re-fold then checks the corrected history. */
export function checkCorrection(draft: MatchState, event: CorrectionEvent, ctx: FoldContext): void {
  const target = targetOf(draft, event, ctx);
  const afterFullTime = draft.status === 'finished' || draft.status === 'abandoned';
  if (event.type === 'eventRetracted') {
    const allowed = afterFullTime ? RETRACTABLE_AFTER_FULL_TIME : RETRACTABLE;
    if (!allowed.has(target.type)) {
      fail(
        ctx,
        event,
        'CORRECTION_NOT_ALLOWED',
        afterFullTime
          ? `a ${target.type} cannot be retracted after full time (rescind cards, re-credit goals instead)`
          : `a ${target.type} cannot be retracted`,
        '/target',
      );
    }
    return;
  }
  const allowedFields = (afterFullTime ? AMENDABLE_AFTER_FULL_TIME : AMENDABLE)[target.type];
  if (!allowedFields) {
    fail(
      ctx,
      event,
      'CORRECTION_NOT_ALLOWED',
      `a ${target.type} cannot be amended${afterFullTime ? ' after full time' : ''}`,
      '/target',
    );
  }
  for (const field of Object.keys(event.patch)) {
    if (!allowedFields.includes(field)) {
      fail(
        ctx,
        event,
        'CORRECTION_NOT_ALLOWED',
        `"${field}" of a ${target.type} cannot be amended${afterFullTime ? ' after full time' : ''}`,
        `/patch/${field}`,
      );
    }
  }
  if (target.type === 'booking') {
    const current = { ...target, ...(draft.corrections.amended.get(target.id) ?? {}) } as EventOf<'booking'>;
    const onlyIdentity = Object.keys(event.patch).every((f) => f === 'player');
    if (current.card === 'secondYellow' && !onlyIdentity) {
      fail(
        ctx,
        event,
        'CORRECTION_NOT_ALLOWED',
        'a second yellow can only be corrected for mistaken identity (R-VAR-2)',
        '/patch',
      );
    }
  }
}

/** Corrections known from a whole log: what each target becomes. Later amendments stack. */
export function correctionsOf(
  log: readonly MatchEvent[],
  rejected: ReadonlyMap<number, unknown>,
): {
  retracted: Map<string, string>;
  amended: Map<string, Record<string, unknown>>;
} {
  const retracted = new Map<string, string>();
  const amended = new Map<string, Record<string, unknown>>();
  for (const [index, event] of log.entries()) {
    if (rejected.has(index)) continue;
    if (event.type === 'eventRetracted') retracted.set(event.target, event.id);
    else if (event.type === 'eventAmended')
      amended.set(event.target, { ...(amended.get(event.target) ?? {}), ...event.patch });
  }
  return { retracted, amended };
}

export function applyVarReview(
  draft: MatchState,
  event: EventOf<'varReviewStarted'> | EventOf<'varReviewCompleted'>,
  ctx: FoldContext,
): void {
  // The review's own id is already claimed: it cannot be its own target.
  if (event.target !== undefined && (event.target === event.id || !draft.eventIndex.has(event.target))) {
    fail(ctx, event, 'UNKNOWN_TARGET', `no event with id ${event.target} under review`, '/target');
  }
  if (draft.status === 'scheduled')
    fail(ctx, event, 'EVENT_BEFORE_KICKOFF', 'a VAR review before the kick-off');
  // Provisional facts stand during a review (R-COR-3); an overturn arrives as an amendment or retraction.
}
