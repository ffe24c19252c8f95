/** Substitutions, limits and opportunities (Law 3; rulebook R-SUB-1..3, concussion substitutes). */
import { MS_PER_MINUTE } from '../../time/index.js';
import { otherSide, type EventOf } from '../../events/index.js';
import { fail, warn, type FoldContext } from '../context.js';
import type { MatchState, TeamState } from '../state.js';
import { advanceClock, checkInPlay, endSpell, sheetPlayer } from './guards.js';

/** Substitutions more than this far apart are different stoppages even with nothing recorded between. */
const SAME_STOPPAGE_MS = MS_PER_MINUTE;

function sameOpportunity(team: TeamState, event: EventOf<'substitution'>): boolean {
  const last = team.lastSub;
  if (last === null || last.index < team.lastInPlayIndex) return false;
  if (event.opportunityId !== undefined && last.opportunityId !== null)
    return event.opportunityId === last.opportunityId;
  return last.at.period === event.at.period && Math.abs(event.at.ms - last.at.ms) <= SAME_STOPPAGE_MS;
}

export function applySubstitution(draft: MatchState, event: EventOf<'substitution'>, ctx: FoldContext): void {
  checkInPlay(draft, ctx, event, event.atInterval);
  const side = event.team;
  const team = draft.teams[side];
  const rules = draft.rules;
  const off = sheetPlayer(draft, ctx, event, event.playerOff, side, '/playerOff');
  const on = sheetPlayer(draft, ctx, event, event.playerOn, side, '/playerOn');
  if (off.status === 'sentOff')
    fail(ctx, event, 'PLAYER_SENT_OFF', `${off.name} was sent off and cannot be replaced`, '/playerOff');
  if (off.status !== 'pitch') {
    fail(
      ctx,
      event,
      'PLAYER_NOT_ON_PITCH',
      `${off.name} is not on the pitch to be substituted`,
      '/playerOff',
    );
  }
  if (on.status === 'pitch')
    fail(ctx, event, 'PLAYER_ALREADY_ON_PITCH', `${on.name} is already on the pitch`, '/playerOn');
  if (on.status === 'sentOff')
    fail(ctx, event, 'PLAYER_SENT_OFF', `${on.name} has been sent off`, '/playerOn');
  if (on.status === 'substitutedOff' && event.kind !== 'concussion') {
    fail(
      ctx,
      event,
      'PLAYER_ALREADY_SUBSTITUTED',
      `${on.name} was substituted and cannot return`,
      '/playerOn',
    );
  }

  const inExtraTime = event.at.period >= 3;
  let countsOpportunity = false;
  if (event.kind === 'concussion') {
    if (!rules.concussionSubs)
      fail(
        ctx,
        event,
        'CONCUSSION_SUB_NOT_ALLOWED',
        'the rules preset has no concussion substitutes',
        '/kind',
      );
    if (team.concussionSubsUsed >= 1)
      fail(
        ctx,
        event,
        'CONCUSSION_SUB_NOT_ALLOWED',
        `${team.name} already used their concussion substitute`,
        '/kind',
      );
  } else if (event.kind === 'additional') {
    if (team.additionalSubsUsed >= team.additionalSubsAllowed) {
      fail(
        ctx,
        event,
        'CONCUSSION_SUB_NOT_ALLOWED',
        `${team.name} have no additional substitute (the opponent made no concussion substitution)`,
        '/kind',
      );
    }
  } else {
    const extra = inExtraTime && rules.extraTimeExtraSub ? 1 : 0;
    if (team.subsUsed + 1 > rules.maxSubs + extra) {
      warn(
        draft,
        ctx,
        event,
        'SUBSTITUTION_LIMIT',
        `${team.name} would make substitution ${team.subsUsed + 1} of ${rules.maxSubs + extra} allowed`,
      );
    }
    // Interval and shoot-out changes use no opportunity; a change in the same stoppage shares one.
    countsOpportunity = !event.atInterval && event.at.period !== 5 && !sameOpportunity(team, event);
    if (
      countsOpportunity &&
      rules.maxOpportunities !== null &&
      team.opportunitiesUsed + 1 > rules.maxOpportunities + extra
    ) {
      warn(
        draft,
        ctx,
        event,
        'OPPORTUNITY_LIMIT',
        `${team.name} would use substitution opportunity ${team.opportunitiesUsed + 1} of ${rules.maxOpportunities + extra} allowed`,
      );
    }
  }

  if (event.kind === 'concussion') {
    team.concussionSubsUsed += 1;
    draft.teams[otherSide(side)].additionalSubsAllowed += 1;
    off.concussed = true;
  } else if (event.kind === 'additional') {
    team.additionalSubsUsed += 1;
  } else {
    team.subsUsed += 1;
    if (countsOpportunity) team.opportunitiesUsed += 1;
    if (!event.atInterval)
      team.lastSub = { index: ctx.index, at: event.at, opportunityId: event.opportunityId ?? null };
  }
  endSpell(off, event.at, event.atInterval, 'substitution');
  off.status = 'substitutedOff';
  on.status = 'pitch';
  on.spells = [
    ...on.spells,
    { from: event.at, fromInterval: event.atInterval, to: null, toInterval: false, ended: null },
  ];
  if (!event.atInterval) advanceClock(draft, event.at);
}
