/**
 * Domestic leagues. Where the regulation says a play-off decides (title, relegation, qualification),
 * the table says so instead of ordering the teams.
 */
import { all, h2h, type RuleSet } from './types.js';

// Premier League Handbook, Section C (League table): points, goal difference, goals scored; teams
// still level occupy the same position, and a play-off on a neutral ground decides where the
// championship, relegation or qualification depends on it [S]. From 2019-20 the Handbook (rules
// C.17-C.18) puts head-to-head points and then head-to-head away goals before the play-off [S]; the
// season of that change is from memory of the Handbook, not a stored text.
export const PREMIER_LEAGUE_1992: RuleSet = {
  id: 'premier-league-1992',
  description: 'Premier League to 2018-19: points, GD, goals; then a play-off where it matters, else shared',
  regulation: 'Premier League Handbook, Section C (League table) [S]',
  competitions: [/premier league/i, /\bepl\b/i],
  seasons: { from: 1992, to: 2018 },
  pointsForWin: 3,
  criteria: [all('goalDifference'), all('goalsFor')],
  reapplyHeadToHead: false,
  exhausted: { kind: 'playoff', when: 'the title, relegation or a qualification depends on it' },
};

export const PREMIER_LEAGUE_2019: RuleSet = {
  ...PREMIER_LEAGUE_1992,
  id: 'premier-league-2019',
  description: 'Premier League from 2019-20: points, GD, goals, head-to-head points and away goals, play-off',
  regulation: 'Premier League Handbook 2019/20 onwards, rules C.17-C.18 [S]',
  seasons: { from: 2019 },
  criteria: [all('goalDifference'), all('goalsFor'), h2h('points'), h2h('awayGoalsFor')],
};

// Reglamento General de la RFEF / LaLiga, Art. 201: head-to-head points, then head-to-head goal
// difference (a mini-league among all the teams level when more than two), then overall GD, goals
// scored, and the fair-play ranking; then a play-off [S]. The fair-play scale is not modelled (no
// stored text): the table stops there and says so.
export const LA_LIGA: RuleSet = {
  id: 'la-liga',
  description: 'LaLiga: head-to-head points and GD (mini-league), then GD, goals; fair play not modelled',
  regulation: 'Reglamento General RFEF, Art. 201 [S]',
  competitions: [/la ?liga/i, /primera divisi[oó]n/i],
  seasons: { from: 1995 },
  pointsForWin: 3,
  criteria: [h2h('points'), h2h('goalDifference'), all('goalDifference'), all('goalsFor')],
  reapplyHeadToHead: false,
  exhausted: {
    kind: 'playoff',
    when: 'the fair-play ranking (RFEF scale, not modelled) and a play-off decide',
  },
};

// NOIF (Norme Organizzative Interne FIGC), Art. 51.6 for Serie A to 2021-22: head-to-head points,
// head-to-head GD, overall GD, goals scored, then a draw (sorteggio) [S].
export const SERIE_A_2005: RuleSet = {
  id: 'serie-a-2005',
  description: 'Serie A to 2021-22: head-to-head points and GD, then GD, goals, then a draw',
  regulation: 'NOIF FIGC Art. 51.6 [S]',
  competitions: [/serie a/i],
  seasons: { from: 2005, to: 2021 },
  pointsForWin: 3,
  criteria: [h2h('points'), h2h('goalDifference'), all('goalDifference'), all('goalsFor')],
  reapplyHeadToHead: false,
  exhausted: { kind: 'lots' },
};

// Serie A from 2022-23: the title and relegation between two level teams go to a play-off (spareggio);
// other positions as before [S] Lega Serie A decision of 2022.
export const SERIE_A_2022: RuleSet = {
  ...SERIE_A_2005,
  id: 'serie-a-2022',
  description:
    'Serie A from 2022-23: a play-off for the title and relegation; otherwise head-to-head, GD, goals, draw',
  regulation: 'NOIF FIGC Art. 51.6 as amended for 2022-23 [S]',
  seasons: { from: 2022 },
  exhausted: { kind: 'playoff', when: 'the title or relegation depends on it (otherwise a draw)' },
};

// DFL Spielordnung § 5 (Bundesliga): points, goal difference, goals scored, then head-to-head points,
// head-to-head goals, head-to-head away goals, away goals in all matches, then a play-off [S].
export const BUNDESLIGA: RuleSet = {
  id: 'bundesliga',
  description:
    'Bundesliga: points, GD, goals, head-to-head points, goals, away goals, away goals overall, play-off',
  regulation: 'DFL Spielordnung § 5 [S]',
  competitions: [/bundesliga/i],
  seasons: { from: 1995 },
  pointsForWin: 3,
  criteria: [
    all('goalDifference'),
    all('goalsFor'),
    h2h('points'),
    h2h('goalsFor'),
    h2h('awayGoalsFor'),
    all('awayGoalsFor'),
  ],
  reapplyHeadToHead: false,
  exhausted: { kind: 'playoff', when: 'always (an Entscheidungsspiel)' },
};

/** Any league without a rule set of its own: points, GD, goals, and teams still level share a place. */
export const GENERIC_LEAGUE: RuleSet = {
  id: 'domestic',
  description: 'A plain league: points, goal difference, goals scored; teams still level share the place',
  regulation: 'none: no rule set is known for this competition',
  competitions: [],
  seasons: { from: 0 },
  pointsForWin: 3,
  criteria: [all('goalDifference'), all('goalsFor')],
  reapplyHeadToHead: false,
  exhausted: { kind: 'shared' },
};

export const DOMESTIC_RULES: readonly RuleSet[] = [
  PREMIER_LEAGUE_1992,
  PREMIER_LEAGUE_2019,
  LA_LIGA,
  SERIE_A_2005,
  SERIE_A_2022,
  BUNDESLIGA,
];
