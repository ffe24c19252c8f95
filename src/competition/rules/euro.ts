/** UEFA EURO final tournaments: the group stage (head-to-head first in every edition since 2016). */
import { all, h2h, UEFA_CARDS, type Criterion, type RuleSet } from './types.js';

const EURO = [/\beuro\b/i, /european championship/i, /europameisterschaft/i];
const h2hFirst: readonly Criterion[] = [h2h('points'), h2h('goalDifference'), h2h('goalsFor')];
const discipline: Criterion = { kind: 'discipline', label: 'disciplinary points', weights: UEFA_CARDS };

// Regulations of the UEFA European Football Championship 2014-16, Art. 18.01: a-c head-to-head, d
// re-applied, e GD, f goals, g kicks from the penalty mark when exactly two teams level on all of
// these met in the last group match, h disciplinary points, i UEFA national team coefficient [S].
export const EURO_2016: RuleSet = {
  id: 'euro-2016',
  description:
    'UEFA EURO 2016: head-to-head (re-applied), GD, goals, last-match kicks, discipline, coefficient',
  regulation: 'Regulations of the UEFA European Football Championship 2014-16, Art. 18.01 [S]',
  competitions: EURO,
  seasons: { from: 2016, to: 2016 },
  pointsForWin: 3,
  criteria: [
    ...h2hFirst,
    all('goalDifference'),
    all('goalsFor'),
    { kind: 'lastMatchKicks' },
    discipline,
    { kind: 'external', input: 'qualifiersRanking', label: 'national team coefficient ranking' },
  ],
  reapplyHeadToHead: true,
  exhausted: { kind: 'lots' },
};

// Regulations of the UEFA European Football Championship 2018-20, Art. 20.01 (EURO 2020, played in
// 2021): a-c head-to-head, d re-applied, e GD, f goals, g wins, h disciplinary points (red 3, yellow 1,
// two yellows 3), i position in the European Qualifiers overall ranking [S] readkong.com copy of the
// regulation (contents), the qualifying article of the 2022-24 edition for the common wording [P].
export const EURO_2020: RuleSet = {
  id: 'euro-2020',
  description: 'UEFA EURO 2020: head-to-head (re-applied), GD, goals, wins, discipline, qualifiers ranking',
  regulation: 'Regulations of the UEFA European Football Championship 2018-20, Art. 20.01 [S]',
  competitions: EURO,
  seasons: { from: 2020, to: 2021 },
  pointsForWin: 3,
  criteria: [
    ...h2hFirst,
    all('goalDifference'),
    all('goalsFor'),
    all('wins'),
    discipline,
    { kind: 'external', input: 'qualifiersRanking', label: 'European Qualifiers overall ranking' },
  ],
  reapplyHeadToHead: true,
  exhausted: { kind: 'lots' },
};

// Regulations of the UEFA European Football Championship 2022-24, Art. 20.01 (final tournament): a-c
// head-to-head, d re-applied, e GD, f goals, g last-match kicks between exactly two level teams, h
// disciplinary points, i European Qualifiers overall ranking [S] ESPN via briefly.co ("overall group
// performance, penalty shootouts, and disciplinary points"), documents.uefa.com Art. 15 (qualifying).
export const EURO_2024: RuleSet = {
  id: 'euro-2024',
  description: 'UEFA EURO 2024: head-to-head (re-applied), GD, goals, last-match kicks, discipline, ranking',
  regulation: 'Regulations of the UEFA European Football Championship 2022-24, Art. 20.01 [S]',
  competitions: EURO,
  seasons: { from: 2024 },
  pointsForWin: 3,
  criteria: [
    ...h2hFirst,
    all('goalDifference'),
    all('goalsFor'),
    { kind: 'lastMatchKicks' },
    discipline,
    { kind: 'external', input: 'qualifiersRanking', label: 'European Qualifiers overall ranking' },
  ],
  reapplyHeadToHead: true,
  exhausted: { kind: 'lots' },
};

export const EURO_RULES: readonly RuleSet[] = [EURO_2016, EURO_2020, EURO_2024];
