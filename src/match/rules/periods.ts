/** Periods and the end of the match (rulebook R-TIME-1, R-TIME-2, R-TIE-4, R-SEVEN-2). */
import type { EventOf, Side } from '../../events/index.js';
import { fail, warn, type FoldContext } from '../context.js';
import type { MatchState, ResultState } from '../state.js';
import { advanceClock, checkInPlay, checkTimeOrder, endSpell, markInPlay } from './guards.js';

const PERIOD_NAMES: Record<number, string> = {
  1: 'first half',
  2: 'second half',
  3: 'first half of extra time',
  4: 'second half of extra time',
  5: 'shoot-out',
};

export function periodName(period: number): string {
  return PERIOD_NAMES[period] ?? `period ${period}`;
}

function level(draft: MatchState): boolean {
  return draft.score.home === draft.score.away;
}

export function applyPeriodStarted(
  draft: MatchState,
  event: EventOf<'periodStarted'>,
  ctx: FoldContext,
): void {
  const p = event.at.period;
  if (draft.fixture === null) fail(ctx, event, 'MISSING_FIXTURE', 'a kick-off before the fixture');
  if (draft.status === 'finished' || draft.status === 'abandoned') {
    fail(ctx, event, 'EVENT_AFTER_FULL_TIME', `the ${periodName(p)} started after the match ended`);
  }
  if (draft.status === 'live') {
    fail(
      ctx,
      event,
      'PERIOD_OUT_OF_ORDER',
      `the ${periodName(p)} started before the ${periodName(draft.period)} ended`,
      '/at/period',
    );
  }
  if (draft.mustAbandon !== null) {
    fail(
      ctx,
      event,
      'TOO_FEW_PLAYERS',
      `${draft.teams[draft.mustAbandon].name} have fewer than seven players`,
    );
  }
  const rules = draft.rules;
  const leg = draft.fixture.leg;
  const expected = draft.status === 'scheduled' ? 1 : draft.period + 1;
  const straightToKicks = p === 5 && draft.period === 2 && !rules.extraTime;
  if (p !== expected && !straightToKicks) {
    fail(
      ctx,
      event,
      'PERIOD_OUT_OF_ORDER',
      `the ${periodName(p)} cannot follow ${draft.period === 0 ? 'the pre-match' : `the ${periodName(draft.period)}`}`,
      '/at/period',
    );
  }
  if (p === 3) {
    if (leg === 1 || !rules.extraTime) {
      fail(
        ctx,
        event,
        'EXTRA_TIME_NOT_ALLOWED',
        leg === 1
          ? 'extra time is never played after a first leg'
          : 'the rules preset does not allow extra time',
      );
    }
    if (leg === 'single' && !level(draft)) {
      fail(
        ctx,
        event,
        'MATCH_NOT_LEVEL',
        `extra time while the score is ${draft.score.home}-${draft.score.away}`,
      );
    }
  }
  if (p === 5) {
    if (leg === 1 || !rules.shootout) {
      fail(
        ctx,
        event,
        'SHOOTOUT_NOT_ALLOWED',
        leg === 1 ? 'kicks are never taken after a first leg' : 'the rules preset does not allow a shoot-out',
      );
    }
    if (leg === 'single' && !level(draft)) {
      fail(ctx, event, 'MATCH_NOT_LEVEL', `kicks while the score is ${draft.score.home}-${draft.score.away}`);
    }
    draft.shootout = {
      order: rules.shootoutOrder ?? 'AB',
      first: null,
      kicks: [],
      score: { home: 0, away: 0 },
      taken: { home: 0, away: 0 },
      decided: false,
      winner: null,
    };
    // Cautions are not carried into the kicks (R-DIS-3).
    for (const player of draft.players.values()) player.yellowsInPlay = 0;
  }
  draft.status = 'live';
  draft.period = p;
  draft.lastAt = { period: p, ms: event.at.ms };
  markInPlay(draft, ctx.index);
}

export function applyPeriodEnded(draft: MatchState, event: EventOf<'periodEnded'>, ctx: FoldContext): void {
  const p = event.at.period;
  if (draft.status !== 'live' || p !== draft.period) {
    fail(
      ctx,
      event,
      'PERIOD_OUT_OF_ORDER',
      `the ${periodName(p)} ended but it was not being played`,
      '/at/period',
    );
  }
  checkTimeOrder(draft, ctx, event);
  draft.periodLengths.set(p, event.at.ms);
  draft.status = 'interval';
  const snapshot = { home: draft.score.home, away: draft.score.away };
  if (p === 1) draft.halfTime = snapshot;
  if (p === 2) draft.afterNormalTime = snapshot;
  if (p === 4) draft.afterExtraTime = snapshot;
  advanceClock(draft, event.at);
  markInPlay(draft, ctx.index);
}

export function applyAddedTime(draft: MatchState, event: EventOf<'addedTime'>, ctx: FoldContext): void {
  checkInPlay(draft, ctx, event);
  // Informational: announced minimum added time; never ends the period (R-TIME-1).
  draft.addedTime.set(event.at.period, event.minutes);
  advanceClock(draft, event.at);
}

/** The result of a played match from its score and shoot-out. */
export function playedResult(draft: MatchState): ResultState {
  const { home, away } = draft.score;
  let winner: Side | null = home > away ? 'home' : away > home ? 'away' : null;
  let decidedBy: ResultState['decidedBy'] = draft.period >= 3 ? 'extraTime' : 'normalTime';
  if (winner === null) {
    winner = draft.shootout?.winner ?? null;
    decidedBy = winner === null ? 'draw' : 'penalties';
  }
  return { home, away, kind: 'played', winner, decidedBy };
}

export function applyMatchEnded(draft: MatchState, event: EventOf<'matchEnded'>, ctx: FoldContext): void {
  if (draft.status === 'finished' || draft.status === 'abandoned') {
    fail(ctx, event, 'EVENT_AFTER_FULL_TIME', 'the match has already ended');
  }
  if (draft.status !== 'interval' || draft.period < 2) {
    fail(
      ctx,
      event,
      'PERIOD_OUT_OF_ORDER',
      draft.status === 'live'
        ? `full time while the ${periodName(draft.period)} is still being played`
        : 'full time before the second half was played',
    );
  }
  if (draft.shootout && !draft.shootout.decided) {
    fail(ctx, event, 'SHOOTOUT_DECIDED', 'full time while the shoot-out is still undecided');
  }
  if (
    draft.period === 2 &&
    draft.fixture?.leg === 'single' &&
    draft.rules.extraTime &&
    draft.score.home === draft.score.away
  ) {
    fail(ctx, event, 'MATCH_NOT_LEVEL', 'a single match that needs a winner ended level without extra time');
  }
  draft.status = 'finished';
  draft.result = playedResult(draft);
  advanceClock(draft, event.at);
}

export function applyMatchAbandoned(
  draft: MatchState,
  event: EventOf<'matchAbandoned'>,
  ctx: FoldContext,
): void {
  if (draft.status === 'finished' || draft.status === 'abandoned') {
    fail(ctx, event, 'EVENT_AFTER_FULL_TIME', 'the match has already ended');
  }
  draft.status = 'abandoned';
  for (const player of draft.players.values()) {
    if (player.status === 'pitch') endSpell(player, event.at, false, 'abandoned');
  }
  draft.result = null; // pending until awarded or replayed (R-SEVEN-2)
  advanceClock(draft, event.at);
}

export function applyResultAwarded(
  draft: MatchState,
  event: EventOf<'resultAwarded'>,
  ctx: FoldContext,
): void {
  if (draft.status === 'live' || draft.status === 'interval') {
    fail(ctx, event, 'RESULT_CONFLICT', 'a result awarded while the match is being played');
  }
  if (draft.fixture === null) fail(ctx, event, 'MISSING_FIXTURE', 'a result before the fixture');
  const winner: Side | null = event.home > event.away ? 'home' : event.away > event.home ? 'away' : null;
  draft.result = { home: event.home, away: event.away, kind: 'awarded', winner, decidedBy: 'awarded' };
  draft.status = 'finished';
}

export function applyResultRecorded(
  draft: MatchState,
  event: EventOf<'resultRecorded'>,
  ctx: FoldContext,
): void {
  if (draft.fixture === null) fail(ctx, event, 'MISSING_FIXTURE', 'a result before the fixture');
  if (draft.status === 'finished' && draft.result?.kind === 'played') {
    confirmResult(draft, event, ctx);
    return;
  }
  if (draft.status !== 'scheduled') {
    fail(ctx, event, 'RESULT_CONFLICT', 'a recorded result in a stream whose match is not finished');
  }
  const final = event.afterExtraTime ?? event.fullTime;
  if (
    event.afterExtraTime &&
    (event.afterExtraTime.home < event.fullTime.home || event.afterExtraTime.away < event.fullTime.away)
  ) {
    fail(
      ctx,
      event,
      'RESULT_CONFLICT',
      'the score after extra time is lower than after 90 minutes',
      '/afterExtraTime',
    );
  }
  // A second leg's kicks follow a level aggregate, not a level match.
  if (event.shootout && final.home !== final.away && draft.fixture.leg === 'single') {
    fail(ctx, event, 'RESULT_CONFLICT', 'a shoot-out after a match that was not level', '/shootout');
  }
  if (
    event.halfTime &&
    (event.halfTime.home > event.fullTime.home || event.halfTime.away > event.fullTime.away)
  ) {
    fail(
      ctx,
      event,
      'RESULT_CONFLICT',
      'the half-time score is higher than the full-time score',
      '/halfTime',
    );
  }
  draft.score = { home: final.home, away: final.away };
  draft.halfTime = event.halfTime ? { ...event.halfTime } : null;
  draft.afterNormalTime = { ...event.fullTime };
  draft.afterExtraTime = event.afterExtraTime ? { ...event.afterExtraTime } : null;
  draft.period = event.shootout ? 5 : event.afterExtraTime ? 4 : 2;
  if (event.shootout) setShootoutScore(draft, event.shootout);
  draft.status = 'finished';
  draft.result = { ...playedResult(draft), kind: 'recorded' };
}

function setShootoutScore(draft: MatchState, score: { home: number; away: number }): void {
  const winner: Side | null = score.home > score.away ? 'home' : score.away > score.home ? 'away' : null;
  draft.shootout = {
    order: draft.rules.shootoutOrder ?? 'AB',
    first: null,
    kicks: [],
    score: { ...score },
    taken: { home: 0, away: 0 },
    decided: winner !== null,
    winner,
  };
}

/**
 * After a played stream, the official scores confirm it: any stage that disagrees with the goals is a
 * RESULT_CONFLICT (a source contradicting itself); a shoot-out known only by its score is added.
 */
function confirmResult(draft: MatchState, event: EventOf<'resultRecorded'>, ctx: FoldContext): void {
  const same = (a: { home: number; away: number } | null, b: { home: number; away: number } | undefined) =>
    b === undefined || (a !== null && a.home === b.home && a.away === b.away);
  const show = (s: { home: number; away: number } | null) => (s ? `${s.home}-${s.away}` : 'none');
  if (!same(draft.afterNormalTime, event.fullTime)) {
    fail(
      ctx,
      event,
      'RESULT_CONFLICT',
      `the recorded full-time score ${show(event.fullTime)} disagrees with the goals (${show(draft.afterNormalTime)})`,
      '/fullTime',
    );
  }
  if (!same(draft.halfTime, event.halfTime)) {
    // The final scores still stand: a wrong half-time is reported, the rest is confirmed.
    warn(
      draft,
      ctx,
      event,
      'RESULT_CONFLICT',
      `the recorded half-time score ${show(event.halfTime ?? null)} disagrees with the goals (${show(draft.halfTime)})`,
      '/halfTime',
    );
  }
  if (!same(draft.afterExtraTime, event.afterExtraTime)) {
    fail(
      ctx,
      event,
      'RESULT_CONFLICT',
      `the recorded score after extra time ${show(event.afterExtraTime ?? null)} disagrees with the goals (${show(draft.afterExtraTime)})`,
      '/afterExtraTime',
    );
  }
  if (event.shootout) {
    if (draft.score.home !== draft.score.away && draft.fixture?.leg === 'single') {
      fail(ctx, event, 'RESULT_CONFLICT', 'a shoot-out after a match that was not level', '/shootout');
    }
    if (draft.shootout && draft.shootout.kicks.length > 0) {
      if (!same(draft.shootout.score, event.shootout)) {
        fail(
          ctx,
          event,
          'RESULT_CONFLICT',
          `the recorded shoot-out ${show(event.shootout)} disagrees with the kicks (${show(draft.shootout.score)})`,
          '/shootout',
        );
      }
    } else {
      setShootoutScore(draft, event.shootout);
      draft.period = 5;
    }
  }
  draft.result = playedResult(draft);
}
