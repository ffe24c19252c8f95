/** Goals and missed penalties (rulebook R-GOAL-1, R-GOAL-2). */
import { displayMinute } from '../../time/index.js';
import type { EventOf } from '../../events/index.js';
import { fail, type FoldContext } from '../context.js';
import type { MatchState } from '../state.js';
import { advanceClock, checkInPlay, markInPlay, pitchPlayer } from './guards.js';

export function applyGoal(draft: MatchState, event: EventOf<'goal'>, ctx: FoldContext): void {
  checkInPlay(draft, ctx, event);
  if (event.at.period === 5)
    fail(ctx, event, 'EVENT_OUTSIDE_PERIOD', 'shoot-out kicks are shootoutKick events, never goals', '/type');
  if (event.ownGoal !== (event.scorerTeam !== event.team)) {
    fail(
      ctx,
      event,
      'GOAL_INCONSISTENT',
      event.ownGoal
        ? 'an own goal must be credited to the scorer’s opponents'
        : 'a goal credited to the other team must be flagged as an own goal',
      '/ownGoal',
    );
  }
  const scorer =
    event.scorer === undefined
      ? null
      : pitchPlayer(draft, ctx, event, event.scorer, event.scorerTeam, '/scorer');
  const assist =
    event.assist === undefined ? null : pitchPlayer(draft, ctx, event, event.assist, event.team, '/assist');
  draft.score[event.team] += 1;
  if (scorer) {
    if (event.ownGoal) scorer.ownGoals += 1;
    else {
      scorer.goals += 1;
      if (event.penalty) scorer.penaltyGoals += 1;
    }
  }
  if (assist) assist.assists += 1;
  draft.goals.push({
    eventId: event.id,
    team: event.team,
    scorer: event.scorer ?? null,
    scorerName: event.scorerName ?? null,
    scorerTeam: event.scorerTeam,
    assist: event.assist ?? null,
    penalty: event.penalty,
    ownGoal: event.ownGoal,
    at: event.at,
    minute: displayMinute(event.at),
    score: { home: draft.score.home, away: draft.score.away },
  });
  advanceClock(draft, event.at);
  markInPlay(draft, ctx.index);
}

export function applyPenaltyMissed(
  draft: MatchState,
  event: EventOf<'penaltyMissed'>,
  ctx: FoldContext,
): void {
  checkInPlay(draft, ctx, event);
  if (event.at.period === 5)
    fail(ctx, event, 'EVENT_OUTSIDE_PERIOD', 'shoot-out kicks are shootoutKick events', '/type');
  const taker = pitchPlayer(draft, ctx, event, event.taker, event.team, '/taker');
  taker.penaltiesMissed += 1;
  draft.missedPenalties.push({
    eventId: event.id,
    team: event.team,
    taker: event.taker,
    outcome: event.outcome,
    at: event.at,
    minute: displayMinute(event.at),
  });
  advanceClock(draft, event.at);
  markInPlay(draft, ctx.index);
}

/** A provider's on-ball action: play is going on (time order, stoppages), nothing else changes. */
export function applyAction(draft: MatchState, event: EventOf<'action'>, ctx: FoldContext): void {
  checkInPlay(draft, ctx, event);
  advanceClock(draft, event.at);
  markInPlay(draft, ctx.index);
}
