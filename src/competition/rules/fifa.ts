/** FIFA World Cup final tournaments: the group stage. */
import { all, FIFA_CARDS, h2h, type Criterion, type RuleSet } from './types.js';

const WORLD_CUP = [/world cup/i, /\bwc\b/i, /weltmeisterschaft/i];
const fairPlay: Criterion = { kind: 'discipline', label: 'fair play points', weights: FIFA_CARDS };

// FIFA World Cup Regulations 2010 and 2014, Art. 41.5 / 32.5: overall GD and goals, then the matches
// among the teams concerned, then drawing of lots. Fair play was added in October 2016 (AP, 28 June
// 2018: "Under the rules of the 2014 World Cup, a drawing of lots would have been used") [S].
export const FIFA_2010: RuleSet = {
  id: 'fifa-2010',
  description: 'FIFA World Cup 2010-2014: GD, goals, then head-to-head points, GD, goals, then lots',
  regulation: 'Regulations for the FIFA World Cup 2010/2014, Art. 41.5/32.5 [S]',
  competitions: WORLD_CUP,
  seasons: { from: 2010, to: 2014 },
  pointsForWin: 3,
  criteria: [all('goalDifference'), all('goalsFor'), h2h('points'), h2h('goalDifference'), h2h('goalsFor')],
  reapplyHeadToHead: false,
  exhausted: { kind: 'lots' },
};

// Regulations for the FIFA World Cup Russia 2018 and Qatar 2022, Art. 32.5: all group matches first
// (points, GD, goals), then points, GD and goals in the matches among the teams concerned, then fair
// play points (yellow -1, indirect red -3, direct red -4, yellow and direct red -5, one deduction per
// player and match), then drawing of lots by the FIFA Organising Committee [S] AP 2018-06-28,
// caughtoffside.com 2018-06-28; WC 2018 Group H was the first group decided this way.
export const FIFA_2018: RuleSet = {
  id: 'fifa-2018',
  description: 'FIFA World Cup 2018 and 2022: GD, goals, head-to-head, then fair play points, then lots',
  regulation: 'Regulations for the FIFA World Cup Russia 2018 / Qatar 2022, Art. 32.5 [S]',
  competitions: WORLD_CUP,
  seasons: { from: 2018, to: 2022 },
  pointsForWin: 3,
  criteria: [...FIFA_2010.criteria, fairPlay],
  reapplyHeadToHead: false,
  exhausted: { kind: 'lots' },
};

// Regulations for the FIFA World Cup 26, Art. 13 (group stage): head-to-head first (points, GD, goals
// among the teams concerned, re-applied to teams still level), then GD and goals in all group matches,
// then the team conduct (fair play) score, then the most recent FIFA/Coca-Cola World Ranking and
// progressively older ones [S] manifold.markets and footballkit.lazada.com.ph summaries of the
// regulation text; no drawing of lots.
export const FIFA_2026: RuleSet = {
  id: 'fifa-2026',
  description:
    'FIFA World Cup from 2026: head-to-head first (re-applied), GD, goals, fair play, FIFA ranking',
  regulation: 'Regulations for the FIFA World Cup 26, group stage ranking [S]',
  competitions: WORLD_CUP,
  seasons: { from: 2026 },
  pointsForWin: 3,
  criteria: [
    h2h('points'),
    h2h('goalDifference'),
    h2h('goalsFor'),
    all('goalDifference'),
    all('goalsFor'),
    fairPlay,
    { kind: 'external', input: 'fifaRanking', label: 'FIFA World Ranking' },
  ],
  reapplyHeadToHead: true,
  exhausted: { kind: 'shared' },
};

export const FIFA_RULES: readonly RuleSet[] = [FIFA_2010, FIFA_2018, FIFA_2026];
