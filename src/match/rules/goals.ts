/** Goals and missed penalties (rulebook R-GOAL-1, R-GOAL-2). */
import { compareInstants, displayMinute, type Instant } from '../../time/index.js';
import type { EventOf, Side } from '../../events/index.js';
import { describeEvent } from '../describe.js';
import { fail, type FoldContext } from '../context.js';
import type { GoalRecord, MatchState, PlayerState, Score } from '../state.js';
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
  if (event.scorer !== undefined) pitchPlayer(draft, ctx, event, event.scorer, event.scorerTeam, '/scorer');
  if (event.assist !== undefined) pitchPlayer(draft, ctx, event, event.assist, event.team, '/assist');
  draft.score[event.team] += 1;
  creditGoal(draft, event, 1);
  draft.goals.push(goalRecord(event, { home: draft.score.home, away: draft.score.away }));
  advanceClock(draft, event.at);
  markInPlay(draft, ctx.index);
}

/** What a goal adds to its scorer's and assistant's records; -1 takes it back (a re-credit). */
function creditGoal(draft: MatchState, goal: EventOf<'goal'>, sign: 1 | -1): void {
  const scorer = goal.scorer === undefined ? undefined : draft.players.get(goal.scorer);
  if (scorer) {
    if (goal.ownGoal) scorer.ownGoals += sign;
    else {
      scorer.goals += sign;
      if (goal.penalty) scorer.penaltyGoals += sign;
    }
  }
  const assist = goal.assist === undefined ? undefined : draft.players.get(goal.assist);
  if (assist) assist.assists += sign;
}

function goalRecord(goal: EventOf<'goal'>, score: Score): GoalRecord {
  return {
    eventId: goal.id,
    team: goal.team,
    scorer: goal.scorer ?? null,
    scorerName: goal.scorerName ?? null,
    scorerTeam: goal.scorerTeam,
    assist: goal.assist ?? null,
    penalty: goal.penalty,
    ownGoal: goal.ownGoal,
    at: goal.at,
    minute: displayMinute(goal.at),
    score,
  };
}

/** Fields that only say who scored or assisted: changing them changes nothing that follows the goal. */
const ATTRIBUTION = new Set(['scorer', 'scorerName', 'assist']);

/** On the pitch strictly inside one of their spells (an instant shared with a change is left to a re-fold). */
function onPitchAt(player: PlayerState, at: Instant): boolean {
  return player.spells.some(
    (spell) =>
      compareInstants(spell.from, at) < 0 && (spell.to === null || compareInstants(at, spell.to) < 0),
  );
}

function creditable(draft: MatchState, id: string | undefined, side: Side, at: Instant): boolean {
  if (id === undefined) return true;
  const player = draft.players.get(id);
  return player !== undefined && player.team === side && !player.official && onPitchAt(player, at);
}

/**
 * A re-credit of a goal (an amendment of its scorer or assist only) without re-folding what came
 * after it: the old credit taken back, the new one given, the goal's record and timeline entry
 * rewritten. Returns false, changing nothing, when the re-fold is needed to decide it (any other
 * field, a goal that does not count, a player whose presence at that instant is not plain).
 * The containers it changes are replaced, not edited, so snapshots that share them stay right.
 */
export function recreditGoal(draft: MatchState, amendment: EventOf<'eventAmended'>, target: number): boolean {
  for (const field in amendment.patch) if (!ATTRIBUTION.has(field)) return false;
  const original = draft.log[target];
  if (original?.type !== 'goal' || draft.rejected.has(target)) return false;
  if (draft.corrections.retracted.has(original.id)) return false;
  const before = { ...original, ...draft.corrections.amended.get(original.id) } as EventOf<'goal'>;
  const after = { ...before, ...amendment.patch } as EventOf<'goal'>;
  if (after.type !== 'goal') return false;
  if (!creditable(draft, after.scorer, after.scorerTeam, after.at)) return false;
  if (!creditable(draft, after.assist, after.team, after.at)) return false;
  const g = draft.goals.findLastIndex((goal) => goal.eventId === original.id);
  const t = timelineIndexOf(draft, target);
  if (g < 0 || t < 0) return false;
  creditGoal(draft, before, -1);
  creditGoal(draft, after, 1);
  const record = goalRecord(after, draft.goals[g]!.score);
  const goals = draft.goals.slice();
  goals[g] = record;
  draft.goals = goals;
  const timeline = draft.timeline.slice();
  // The sentence as it was at the goal: the score after it, the amended names.
  const then = { ...draft, score: record.score };
  timeline[t] = { ...timeline[t]!, text: describeEvent(then, after), status: 'amended' };
  draft.timeline = timeline;
  return true;
}

/** The timeline entry of the event at stream index `index` (entries are in index order), or -1. */
function timelineIndexOf(draft: MatchState, index: number): number {
  const timeline = draft.timeline;
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeline[mid]!.index < index) lo = mid + 1;
    else hi = mid;
  }
  return timeline[lo]?.index === index ? lo : -1;
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
