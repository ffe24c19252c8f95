/** Human sentences for timeline entries (one place, used by the timeline, the CLI and replay). */
import { displayMinute } from '../time/index.js';
import type { MatchEvent } from '../events/index.js';
import { playerName, teamName, type MatchState } from './state.js';
import { periodName } from './rules/periods.js';

export function minuteOf(event: MatchEvent): string {
  if (event.type === 'fixture' || event.type === 'lineups') return 'pre';
  if (!event.at) return 'post';
  const atInterval = 'atInterval' in event && event.atInterval === true;
  return displayMinute(event.at, atInterval);
}

function score(state: MatchState): string {
  return `${state.score.home}-${state.score.away}`;
}

export function describeEvent(state: MatchState, event: MatchEvent): string {
  switch (event.type) {
    case 'fixture':
      return `${event.home.name} v ${event.away.name}, ${event.competition} ${event.season} ${event.round}`;
    case 'lineups':
      return 'Line-ups announced';
    case 'periodStarted':
      return event.at.period === 1 ? 'Kick-off' : `The ${periodName(event.at.period)} begins`;
    case 'periodEnded':
      if (event.at.period === 1) return `Half time ${score(state)}`;
      if (event.at.period === 2) return `End of normal time ${score(state)}`;
      if (event.at.period === 4) return `End of extra time ${score(state)}`;
      if (event.at.period === 5 && state.shootout)
        return `End of the shoot-out ${state.shootout.score.home}-${state.shootout.score.away}`;
      return `End of the ${periodName(event.at.period)} ${score(state)}`;
    case 'goal': {
      const who =
        event.scorer !== undefined
          ? playerName(state, event.scorer)
          : (event.scorerName ?? teamName(state, event.team));
      const kind = event.ownGoal ? ' (own goal)' : event.penalty ? ' (pen.)' : '';
      const assist = event.assist === undefined ? '' : `, assist ${playerName(state, event.assist)}`;
      return `GOAL ${teamName(state, event.team)}: ${who}${kind}${assist}. ${score(state)}`;
    }
    case 'penaltyMissed':
      return `Penalty ${event.outcome === 'saved' ? 'saved' : event.outcome === 'woodwork' ? 'hits the woodwork' : 'missed'}: ${playerName(state, event.taker)} (${teamName(state, event.team)})`;
    case 'substitution':
      return `Substitution ${teamName(state, event.team)}: ${playerName(state, event.playerOn)} on for ${playerName(state, event.playerOff)}${event.kind === 'normal' ? '' : ` (${event.kind})`}`;
    case 'booking': {
      const card =
        event.card === 'yellow' ? 'Yellow card' : event.card === 'red' ? 'Red card' : 'Second yellow card';
      return `${card}: ${playerName(state, event.player ?? event.official)} (${teamName(state, event.team)})`;
    }
    case 'addedTime':
      return `${event.minutes} minute${event.minutes === 1 ? '' : 's'} of added time`;
    case 'shootoutKick': {
      const s = state.shootout?.score;
      const tally = s ? ` ${s.home}-${s.away}` : '';
      return `Kick ${event.outcome === 'scored' ? 'scored' : event.outcome}: ${playerName(state, event.taker)} (${teamName(state, event.team)}).${tally}`;
    }
    case 'varReviewStarted':
      return `VAR review: ${event.category}${event.target === undefined ? '' : ` (${event.target})`}`;
    case 'varReviewCompleted':
      return `VAR decision: ${event.category} ${event.outcome}`;
    case 'eventAmended':
      return `Correction of ${event.target}: ${Object.entries(event.patch)
        .map(([k, v]) => `${k} → ${typeof v === 'string' ? playerName(state, v) : JSON.stringify(v)}`)
        .join(', ')} (${event.reason})`;
    case 'eventRetracted':
      return `${event.target} cancelled (${event.reason})`;
    case 'cardRescinded':
      return `Card ${event.target} rescinded${event.reason === undefined ? '' : `: ${event.reason}`}`;
    case 'matchEnded':
      return `Full time ${score(state)}`;
    case 'matchAbandoned':
      return `Match abandoned at ${score(state)}: ${event.reason}`;
    case 'resultAwarded':
      return `Result awarded ${event.home}-${event.away}: ${event.reason}`;
    case 'action':
      return `${event.kind}${event.player === undefined ? '' : ` by ${playerName(state, event.player)}`}`;
    case 'resultRecorded':
      return `Result ${event.fullTime.home}-${event.fullTime.away}${event.afterExtraTime ? ` (a.e.t. ${event.afterExtraTime.home}-${event.afterExtraTime.away})` : ''}${event.shootout ? `, ${event.shootout.home}-${event.shootout.away} pens` : ''}`;
  }
}

export function sideOf(event: MatchEvent): 'home' | 'away' | null {
  return 'team' in event && (event.team === 'home' || event.team === 'away') ? event.team : null;
}
