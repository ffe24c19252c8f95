/** Per-team figures over a set of matches: the raw material of every table criterion. */
import { NO_CARDS, type CardTally, type MatchResult } from './result.js';

export interface TeamStats {
  played: number;
  won: number;
  drawn: number;
  lost: number;
  goalsFor: number;
  goalsAgainst: number;
  goalDifference: number;
  /** Points from matches, before any deduction. */
  matchPoints: number;
  /** Points deducted by competition decisions (a positive number). */
  deducted: number;
  /** matchPoints - deducted: what the table ranks by. */
  points: number;
  awayGoalsFor: number;
  wins: number;
  awayWins: number;
  /** UEFA disciplinary points as folded (yellow 1, red 3, two yellows 3). */
  disciplinaryPoints: number;
  cards: CardTally;
  /** Matches whose bookings the streams do not record. */
  uncoveredBookings: number;
  /** Awarded results counted (with their awarded score). */
  awarded: number;
  /** Matches in progress counted at their current score. */
  live: number;
}

export function emptyStats(): TeamStats {
  return {
    played: 0,
    won: 0,
    drawn: 0,
    lost: 0,
    goalsFor: 0,
    goalsAgainst: 0,
    goalDifference: 0,
    matchPoints: 0,
    deducted: 0,
    points: 0,
    awayGoalsFor: 0,
    wins: 0,
    awayWins: 0,
    disciplinaryPoints: 0,
    cards: NO_CARDS,
    uncoveredBookings: 0,
    awarded: 0,
    live: 0,
  };
}

const addCards = (a: CardTally, b: CardTally): CardTally => ({
  yellow: a.yellow + b.yellow,
  secondYellow: a.secondYellow + b.secondYellow,
  red: a.red + b.red,
  yellowThenRed: a.yellowThenRed + b.yellowThenRed,
});

/**
 * Figures of every team over `matches` (all of them counted: the caller filters). With `among`, only
 * matches between two teams of that set (a head-to-head mini-table).
 */
export function statsOf(
  matches: readonly MatchResult[],
  pointsForWin: number,
  among: ReadonlySet<string> | null = null,
): Map<string, TeamStats> {
  const table = new Map<string, TeamStats>();
  const get = (id: string): TeamStats => {
    let s = table.get(id);
    if (!s) table.set(id, (s = emptyStats()));
    return s;
  };
  for (const m of matches) {
    if (among && !(among.has(m.home.id) && among.has(m.away.id))) continue;
    const h = get(m.home.id);
    const a = get(m.away.id);
    const { home: hg, away: ag } = m.score; // never the shoot-out (R-TIE-3)
    h.played++;
    a.played++;
    h.goalsFor += hg;
    h.goalsAgainst += ag;
    a.goalsFor += ag;
    a.goalsAgainst += hg;
    a.awayGoalsFor += ag;
    h.disciplinaryPoints += m.discipline.home;
    a.disciplinaryPoints += m.discipline.away;
    h.cards = addCards(h.cards, m.cards.home);
    a.cards = addCards(a.cards, m.cards.away);
    if (!m.bookingsCovered) {
      h.uncoveredBookings++;
      a.uncoveredBookings++;
    }
    if (m.awarded) {
      h.awarded++;
      a.awarded++;
    }
    if (m.standing === 'live') {
      h.live++;
      a.live++;
    }
    if (hg > ag) {
      h.won++;
      a.lost++;
      h.matchPoints += pointsForWin;
    } else if (ag > hg) {
      a.won++;
      h.lost++;
      a.matchPoints += pointsForWin;
      a.awayWins++;
    } else {
      h.drawn++;
      a.drawn++;
      h.matchPoints++;
      a.matchPoints++;
    }
  }
  for (const s of table.values()) {
    s.goalDifference = s.goalsFor - s.goalsAgainst;
    s.wins = s.won;
    s.points = s.matchPoints - s.deducted;
  }
  return table;
}

export function addCardTallies(a: CardTally, b: CardTally): CardTally {
  return addCards(a, b);
}
