/**
 * Two-legged ties and single-match finals (rulebook §1.1, R-TIE-1..5). Home and away come from the
 * fixture designation, never the venue. Shoot-out kicks never enter the aggregate.
 */
import { MatchlineError } from '../events/errors.js';
import type { Rules } from '../events/index.js';
import type { MatchResult, TeamRef } from './result.js';

export type TieRulesVersion = 'away-goals' | 'no-away-goals' | 'single';
export type AwayGoalsRule = Rules['awayGoals'];
export type TieDecision =
  | 'aggregate'
  | 'awayGoals'
  | 'awayGoalsAfterExtraTime'
  | 'extraTime'
  | 'penalties'
  | 'normalTime'
  | 'awarded';

export const TIE_RULES: Readonly<
  Record<TieRulesVersion, { awayGoals: AwayGoalsRule; legs: 1 | 2; description: string }>
> = {
  'away-goals': {
    awayGoals: 'afterNormalTimeAndExtraTime',
    legs: 2,
    description: 'UEFA up to 2020-21: away goals after 180 minutes and again over 210',
  },
  'no-away-goals': {
    awayGoals: 'none',
    legs: 2,
    description: 'UEFA from 2021-22: aggregate, extra time, kicks',
  },
  single: { awayGoals: 'none', legs: 1, description: 'A single match (final): extra time, kicks' },
};

export interface TieResult {
  readonly status: 'decided' | 'incomplete';
  readonly rules: TieRulesVersion;
  readonly teams: readonly [TeamRef, TeamRef];
  readonly winner: TeamRef | null;
  readonly decidedBy: TieDecision | null;
  /** Goals per team over the tie, extra time included, kicks excluded. */
  readonly aggregate: readonly [number, number];
  /** Away goals per team where the rule applies (over 180, or 210 after extra time). */
  readonly awayGoals: readonly [number, number] | null;
  readonly shootout: readonly [number, number] | null;
  readonly note: string;
}

/** The default rules version of a season (R-TIE-1): away goals up to 2020-21, none from 2021-22. */
export function defaultTieRules(leg1: MatchResult, leg2?: MatchResult): TieRulesVersion {
  if (!leg2) return 'single';
  const preset = leg2.fixture.rules.awayGoals;
  return preset === 'none' ? 'no-away-goals' : 'away-goals';
}

function invalid(message: string, id: string): never {
  throw new MatchlineError({ code: 'TIE_INVALID', message, file: id });
}

function singleMatch(m: MatchResult): TieResult {
  const teams = [m.home, m.away] as const;
  const agg = [m.score.home, m.score.away] as const;
  const base = {
    rules: 'single' as const,
    teams,
    aggregate: agg,
    awayGoals: null,
    shootout: m.shootout ? ([m.shootout.home, m.shootout.away] as const) : null,
  };
  if (!m.completed)
    return {
      ...base,
      status: 'incomplete',
      winner: null,
      decidedBy: null,
      note: 'the match is not completed',
    };
  if (m.awarded) {
    const winner = agg[0] > agg[1] ? m.home : agg[1] > agg[0] ? m.away : null;
    return {
      ...base,
      status: winner ? 'decided' : 'incomplete',
      winner,
      decidedBy: winner ? 'awarded' : null,
      note: 'result awarded',
    };
  }
  if (agg[0] !== agg[1]) {
    return {
      ...base,
      status: 'decided',
      winner: agg[0] > agg[1] ? m.home : m.away,
      decidedBy: m.extraTimePlayed ? 'extraTime' : 'normalTime',
      note: '',
    };
  }
  if (m.shootout?.winner) {
    return {
      ...base,
      status: 'decided',
      winner: m.shootout.winner === 'home' ? m.home : m.away,
      decidedBy: 'penalties',
      note: '',
    };
  }
  return {
    ...base,
    status: 'incomplete',
    winner: null,
    decidedBy: null,
    note: 'level with no shoot-out recorded',
  };
}

/** Decides a tie; throws TIE_INVALID when a leg contradicts the rules version (R-TIE-4). */
export function decideTie(leg1: MatchResult, leg2?: MatchResult, rules?: TieRulesVersion): TieResult {
  const version = rules ?? defaultTieRules(leg1, leg2);
  if (!leg2 || version === 'single') {
    if (leg2) invalid('the single-match rules take one match, not two legs', leg2.id);
    return singleMatch(leg1);
  }
  const A = leg1.home;
  const B = leg1.away;
  if (leg2.home.id !== B.id || leg2.away.id !== A.id) {
    invalid(
      `the second leg must be ${B.name} v ${A.name} (designated home first), not ${leg2.home.name} v ${leg2.away.name}`,
      leg2.id,
    );
  }
  if (leg1.extraTimePlayed || leg1.shootout)
    invalid('extra time or kicks are never played in a first leg', leg1.id);
  const teams = [A, B] as const;
  const incomplete = (
    note: string,
    aggregate: readonly [number, number],
    awayGoals: readonly [number, number] | null,
    shootout: readonly [number, number] | null = null,
  ): TieResult => ({
    status: 'incomplete',
    rules: version,
    teams,
    winner: null,
    decidedBy: null,
    aggregate,
    awayGoals,
    shootout,
    note,
  });
  if (!leg1.completed || !leg2.completed) {
    return incomplete(
      'a leg is not completed',
      [leg1.score.home + leg2.score.away, leg1.score.away + leg2.score.home],
      null,
    );
  }
  const rule = TIE_RULES[version].awayGoals;
  // After 180 minutes: normal time of both legs.
  const agg180: [number, number] = [
    leg1.score.home + leg2.normalTime.away,
    leg1.score.away + leg2.normalTime.home,
  ];
  const away180: [number, number] = [leg2.normalTime.away, leg1.score.away];
  const aggAll: [number, number] = [leg1.score.home + leg2.score.away, leg1.score.away + leg2.score.home];
  const awayAll: [number, number] = [leg2.score.away, leg1.score.away];
  const shootout = leg2.shootout ? ([leg2.shootout.away, leg2.shootout.home] as const) : null;
  const useAway = rule !== 'none';
  const result = (
    winnerIndex: 0 | 1,
    decidedBy: TieDecision,
    aggregate: [number, number],
    awayGoals: [number, number] | null,
    note = '',
  ): TieResult => ({
    status: 'decided',
    rules: version,
    teams,
    winner: teams[winnerIndex],
    decidedBy,
    aggregate,
    awayGoals,
    shootout,
    note,
  });
  const etNote = 'extra time was played although the tie was decided after 180 minutes';
  if (leg2.awarded) {
    if (aggAll[0] === aggAll[1]) invalid('an awarded second leg that leaves the tie level', leg2.id);
    return result(aggAll[0] > aggAll[1] ? 0 : 1, 'awarded', aggAll, useAway ? awayAll : null);
  }
  if (agg180[0] !== agg180[1]) {
    if (leg2.extraTimePlayed) invalid(`${etNote} (aggregate ${agg180[0]}-${agg180[1]})`, leg2.id);
    return result(agg180[0] > agg180[1] ? 0 : 1, 'aggregate', agg180, useAway ? away180 : null);
  }
  if (useAway && away180[0] !== away180[1]) {
    if (leg2.extraTimePlayed) {
      invalid(
        `${etNote}: away goals ${away180[0]}-${away180[1]} decide it under the away-goals rule`,
        leg2.id,
      );
    }
    return result(away180[0] > away180[1] ? 0 : 1, 'awayGoals', agg180, away180);
  }
  if (!leg2.extraTimePlayed) {
    return incomplete(
      'level on aggregate after 180 minutes but no extra time was played',
      agg180,
      useAway ? away180 : null,
      shootout,
    );
  }
  if (aggAll[0] !== aggAll[1])
    return result(aggAll[0] > aggAll[1] ? 0 : 1, 'extraTime', aggAll, useAway ? awayAll : null);
  if (rule === 'afterNormalTimeAndExtraTime' && awayAll[0] !== awayAll[1]) {
    return result(awayAll[0] > awayAll[1] ? 0 : 1, 'awayGoalsAfterExtraTime', aggAll, awayAll);
  }
  if (leg2.shootout?.winner) {
    return result(leg2.shootout.winner === 'home' ? 1 : 0, 'penalties', aggAll, useAway ? awayAll : null);
  }
  return incomplete(
    'level after extra time with no shoot-out recorded',
    aggAll,
    useAway ? awayAll : null,
    shootout,
  );
}
