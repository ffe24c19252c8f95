/**
 * Tie-break rule sets as data (rulebook R-TAB-1): an ordered list of criteria applied to teams level on
 * points, what happens when the list is exhausted, and which competitions and seasons use the set.
 */

/** A figure of a team's results, over all group matches or over the matches among the tied teams. */
export type StatKey = 'points' | 'goalDifference' | 'goalsFor' | 'awayGoalsFor' | 'wins' | 'awayWins';

/** How cards turn into points (counted once per player and match, the larger deduction applying). */
export interface CardWeights {
  readonly yellow: number;
  readonly secondYellow: number;
  readonly red: number;
  readonly yellowThenRed: number;
}

export type Criterion =
  | {
      readonly kind: 'stat';
      readonly stat: StatKey;
      /** h2h: only the matches among the teams still level; all: every match of the table. */
      readonly scope: 'h2h' | 'all';
    }
  /** The opponents' collective points, goal difference or goals (UEFA league phase). */
  | { readonly kind: 'opponents'; readonly stat: 'points' | 'goalDifference' | 'goalsFor' }
  /** Disciplinary / fair-play points from cards; fewer is better. */
  | { readonly kind: 'discipline'; readonly label: string; readonly weights: CardWeights }
  /** A figure the matches do not hold: a club coefficient, a FIFA ranking; higher is better. */
  | { readonly kind: 'external'; readonly input: ExternalInput; readonly label: string }
  /** Kicks at the end of the last group match between exactly two level teams (EURO 2016, 2024). */
  | { readonly kind: 'lastMatchKicks' }
  /** The rule itself says "alphabetical" (UEFA league phase, matchdays 1-7). */
  | { readonly kind: 'alphabetical'; readonly label: string };

export type ExternalInput = 'clubCoefficient' | 'fifaRanking' | 'qualifiersRanking' | 'nationsLeagueRanking';

/** What the regulation says when every criterion leaves teams level. */
export type Exhausted =
  | { readonly kind: 'lots' }
  /** A play-off match decides where it matters (title, relegation, qualification); otherwise shared. */
  | { readonly kind: 'playoff'; readonly when: string }
  | { readonly kind: 'shared' };

export interface SeasonRange {
  /** First season (start year), inclusive. */
  readonly from: number;
  /** Last season (start year), inclusive; open when absent. */
  readonly to?: number;
}

export interface RuleSet {
  readonly id: string;
  /** One line for `--rules`. */
  readonly description: string;
  /** The regulation followed (article and edition), with the source quality of rules.md ([P]/[S]). */
  readonly regulation: string;
  /** Competition names this set serves (matched case-insensitively against the fixture's competition). */
  readonly competitions: readonly RegExp[];
  readonly seasons: SeasonRange;
  readonly pointsForWin: number;
  readonly criteria: readonly Criterion[];
  /**
   * Re-apply the head-to-head criteria to a still-level subset (UEFA G1/G2, EURO, FIFA 2026): the
   * head-to-head steps are first applied together, on the matches among all the teams concerned; a
   * smaller block still level after all of them starts the steps again on its own matches. Without
   * re-application the head-to-head steps read the matches among the teams that entered them.
   */
  readonly reapplyHeadToHead: boolean;
  readonly exhausted: Exhausted;
  /** Criteria used while the phase is in progress (UEFA league phase before matchday 8). */
  readonly inProgress?: { readonly untilMatchday: number; readonly criteria: readonly Criterion[] };
}

export const stat = (s: StatKey, scope: 'h2h' | 'all'): Criterion => ({ kind: 'stat', stat: s, scope });
export const h2h = (s: StatKey): Criterion => stat(s, 'h2h');
export const all = (s: StatKey): Criterion => stat(s, 'all');

/** UEFA: yellow 1, red 3, expulsion for two yellows 3 in all; yellow then straight red 1 + 3. */
export const UEFA_CARDS: CardWeights = { yellow: 1, secondYellow: 3, red: 3, yellowThenRed: 4 };
/** FIFA fair play: yellow -1, indirect red -3, direct red -4, yellow and direct red -5 (as deductions). */
export const FIFA_CARDS: CardWeights = { yellow: 1, secondYellow: 3, red: 4, yellowThenRed: 5 };
