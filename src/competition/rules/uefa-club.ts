/**
 * UEFA club competitions (Champions League, Europa League, Conference League): group stage and league
 * phase. Sources are those of rulebook §1.2.
 */
import { all, h2h, UEFA_CARDS, type Criterion, type RuleSet } from './types.js';

const UEFA_CLUB = [/champions league/i, /europa league/i, /conference league/i, /\bucl\b/i, /\buel\b/i];
const coefficient: Criterion = { kind: 'external', input: 'clubCoefficient', label: 'club coefficient' };
const discipline: Criterion = { kind: 'discipline', label: 'disciplinary points', weights: UEFA_CARDS };

const G1: readonly Criterion[] = [
  h2h('points'),
  h2h('goalDifference'),
  h2h('goalsFor'),
  h2h('awayGoalsFor'),
  all('goalDifference'),
  all('goalsFor'),
  all('awayGoalsFor'),
  all('wins'),
  all('awayWins'),
  discipline,
  coefficient,
];

// UEFA CL Regulations, Art. 17.01 (group stage, 2009-10 to 2017-18 editions): h2h points, GD, goals,
// away goals, re-applied; then GD, goals, coefficient [S] rules.md §1.2 ("older text"), Wikipedia
// season pages. Away goals, wins, away wins and discipline were in the article by 2018-19 at the latest.
export const UEFA_2009: RuleSet = {
  id: 'uefa-2009',
  description:
    'UEFA group stage to 2017-18: head-to-head incl. away goals, re-applied, then GD, goals, coefficient',
  regulation: 'UEFA Champions League Regulations 2009-12 .. 2015-18 cycles, Art. 7.06 / 17.01 [S]',
  competitions: UEFA_CLUB,
  seasons: { from: 2009, to: 2017 },
  pointsForWin: 3,
  criteria: [
    h2h('points'),
    h2h('goalDifference'),
    h2h('goalsFor'),
    h2h('awayGoalsFor'),
    all('goalDifference'),
    all('goalsFor'),
    coefficient,
  ],
  reapplyHeadToHead: true,
  exhausted: { kind: 'lots' },
};

// G1: UEFA CL Regulations 2018-21 cycle, Art. 17.01 (rulebook §1.2 version G1) [S].
export const UEFA_2018: RuleSet = {
  id: 'uefa-2018',
  description:
    'UEFA group stage 2018-19 to 2020-21 (G1): head-to-head incl. away goals, re-applied, then overall',
  regulation: 'UEFA Champions League Regulations 2018-21 cycle, Art. 17.01 (rulebook §1.2 G1) [S]',
  competitions: UEFA_CLUB,
  seasons: { from: 2018, to: 2020 },
  pointsForWin: 3,
  criteria: G1,
  reapplyHeadToHead: true,
  exhausted: { kind: 'lots' },
};

// G2: UEFA CL Regulations 2021-24 cycle, Art. 17.01 without head-to-head away goals (away goals
// abolished 24 June 2021) [S] rulebook §1.2 version G2.
export const UEFA_2021: RuleSet = {
  id: 'uefa-2021',
  description: 'UEFA group stage 2021-22 to 2023-24 (G2): as G1 without head-to-head away goals',
  regulation: 'UEFA Champions League Regulations 2021-24 cycle, Art. 17.01 (rulebook §1.2 G2) [S]',
  competitions: UEFA_CLUB,
  seasons: { from: 2021, to: 2023 },
  pointsForWin: 3,
  criteria: G1.filter((c) => !(c.kind === 'stat' && c.scope === 'h2h' && c.stat === 'awayGoalsFor')),
  reapplyHeadToHead: true,
  exhausted: { kind: 'lots' },
};

const L1_FIRST: readonly Criterion[] = [
  all('goalDifference'),
  all('goalsFor'),
  all('awayGoalsFor'),
  all('wins'),
  all('awayWins'),
];

const inProgress = {
  untilMatchday: 7,
  criteria: [
    ...L1_FIRST,
    { kind: 'alphabetical', label: 'alphabetical order (the rule during matchdays 1-7)' },
  ],
} as const satisfies RuleSet['inProgress'];

// L1: UEFA CL Regulations 2024-27 cycle, 2024/25 edition, Art. 18.01 (league phase; uefa.com explainer
// [P] in rules.md §1.2; ilovepalermocalcio.com [S]): a-e, then the opponents' collective points, goal
// difference and goals, disciplinary points of players and officials, coefficient; during matchdays
// 1-7 teams level after a-e are ordered alphabetically (rules.md §1.2).
export const UEFA_2024: RuleSet = {
  id: 'uefa-2024',
  description: 'UEFA league phase 2024-25 (L1): no head-to-head; opponents’ collective points, GD, goals',
  regulation: 'UEFA Champions League Regulations 2024/25, Art. 18.01 [P]',
  competitions: UEFA_CLUB,
  seasons: { from: 2024, to: 2024 },
  pointsForWin: 3,
  criteria: [
    ...L1_FIRST,
    { kind: 'opponents', stat: 'points' },
    { kind: 'opponents', stat: 'goalDifference' },
    { kind: 'opponents', stat: 'goalsFor' },
    discipline,
    coefficient,
  ],
  reapplyHeadToHead: false,
  exhausted: { kind: 'lots' },
  inProgress,
};

// 2025/26 edition, Art. 18.01 as reported for 2025-26 (Corriere dello Sport, 16 Sep 2025 [S]): the
// opponents' collective points are no longer a criterion; their goal difference and goals remain.
// Only a secondary source was found for this edition: check against the regulation text when stored.
export const UEFA_2025: RuleSet = {
  ...UEFA_2024,
  id: 'uefa-2025',
  description: 'UEFA league phase from 2025-26: as 2024-25 without the opponents’ collective points',
  regulation: 'UEFA Champions League Regulations 2025/26, Art. 18.01 [S]',
  seasons: { from: 2025 },
  criteria: UEFA_2024.criteria.filter((c) => !(c.kind === 'opponents' && c.stat === 'points')),
};

export const UEFA_CLUB_RULES: readonly RuleSet[] = [UEFA_2009, UEFA_2018, UEFA_2021, UEFA_2024, UEFA_2025];
