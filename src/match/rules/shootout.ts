/** Kicks from the penalty mark (Law 10.3; rulebook R-SO-1..4). Kicks never enter the score. */
import { otherSide, type EventOf, type Side } from '../../events/index.js';
import { fail, type FoldContext } from '../context.js';
import type { MatchState, ShootoutState } from '../state.js';
import { checkInPlay, markInPlay, sheetPlayer } from './guards.js';

const ABBA_FIRST_TEN = [0, 1, 1, 0, 0, 1, 1, 0, 0, 1];

/** Which side must take kick number n (0-based) under the shoot-out's order. */
export function kickerSide(shootout: ShootoutState, n: number): Side | null {
  if (shootout.first === null) return null;
  const second = otherSide(shootout.first);
  const slot = shootout.order === 'ABBA' && n < 10 ? ABBA_FIRST_TEN[n]! : n % 2;
  return slot === 0 ? shootout.first : second;
}

/** Decided once one side cannot be caught in the first five rounds, or after a complete sudden-death round. */
export function isDecided(shootout: ShootoutState): Side | null {
  const { score, taken } = shootout;
  const remaining = (side: Side) => Math.max(0, 5 - taken[side]);
  if (taken.home <= 5 && taken.away <= 5) {
    if (score.home > score.away + remaining('away')) return 'home';
    if (score.away > score.home + remaining('home')) return 'away';
  }
  if (taken.home === taken.away && taken.home >= 5 && score.home !== score.away) {
    return score.home > score.away ? 'home' : 'away';
  }
  return null;
}

export function applyShootoutKick(draft: MatchState, event: EventOf<'shootoutKick'>, ctx: FoldContext): void {
  checkInPlay(draft, ctx, event);
  const shootout = draft.shootout;
  if (event.at.period !== 5 || shootout === null) {
    fail(
      ctx,
      event,
      'SHOOTOUT_NOT_ALLOWED',
      'a shoot-out kick outside the shoot-out (period 5)',
      '/at/period',
    );
  }
  if (shootout.decided) fail(ctx, event, 'SHOOTOUT_DECIDED', 'the shoot-out was already decided');
  const n = shootout.kicks.length;
  const expected = kickerSide(shootout, n);
  if (expected !== null && expected !== event.team) {
    fail(ctx, event, 'SHOOTOUT_ORDER', `kick ${n + 1} belongs to ${draft.teams[expected].name}`, '/team');
  }
  const taker = sheetPlayer(draft, ctx, event, event.taker, event.team, '/taker');
  if (taker.status !== 'pitch') {
    fail(
      ctx,
      event,
      'SHOOTOUT_INELIGIBLE',
      `${taker.name} was not on the pitch at the end of play`,
      '/taker',
    );
  }
  // Each eligible player kicks once before anyone kicks twice; the larger side reduces to equate.
  const eligible = Math.min(draft.teams.home.onPitch, draft.teams.away.onPitch);
  const ownKicks = shootout.kicks.filter((k) => k.team === event.team);
  const timesTaken = ownKicks.filter((k) => k.taker === event.taker).length;
  if (timesTaken > 0 && ownKicks.length < eligible * timesTaken) {
    fail(
      ctx,
      event,
      'SHOOTOUT_INELIGIBLE',
      `${taker.name} kicks again before every eligible team-mate has kicked`,
      '/taker',
    );
  }

  if (shootout.first === null) shootout.first = event.team;
  shootout.taken[event.team] += 1;
  if (event.outcome === 'scored') shootout.score[event.team] += 1;
  shootout.kicks.push({
    eventId: event.id,
    team: event.team,
    taker: event.taker,
    outcome: event.outcome,
    score: { home: shootout.score.home, away: shootout.score.away },
  });
  const winner = isDecided(shootout);
  if (winner !== null) {
    shootout.decided = true;
    shootout.winner = winner;
  }
  draft.lastAt = { period: 5, ms: Math.max(event.at.ms, draft.lastAt?.ms ?? 0) };
  markInPlay(draft, ctx.index);
}
