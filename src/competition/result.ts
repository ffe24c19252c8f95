/** A match reduced to what competitions need: teams by designation, scores by stage, discipline. */
import type { FixtureEvent, Side } from '../events/index.js';
import { disciplinaryPoints } from '../match/discipline.js';
import type { MatchState, PlayerState, Score } from '../match/state.js';

/** Cards of one team in one match, counted once per person: the heaviest case of each person. */
export interface CardTally {
  readonly yellow: number;
  readonly secondYellow: number;
  readonly red: number;
  readonly yellowThenRed: number;
}

export const NO_CARDS: CardTally = { yellow: 0, secondYellow: 0, red: 0, yellowThenRed: 0 };

/** How a match stands for a competition. */
export type MatchStanding = 'scheduled' | 'live' | 'finished' | 'awarded' | 'abandoned';

export interface TeamRef {
  readonly id: string;
  readonly name: string;
}

export interface MatchResult {
  readonly id: string;
  readonly fixture: FixtureEvent;
  readonly home: TeamRef;
  readonly away: TeamRef;
  /** Finished or awarded: only completed matches count in tables and ties (R-TAB-3). */
  readonly completed: boolean;
  readonly awarded: boolean;
  /** Final score: after extra time when played; the awarded score when awarded. Never kicks. */
  readonly score: Score;
  /** Score after 90 minutes (equal to `score` when no extra time). */
  readonly normalTime: Score;
  readonly extraTimePlayed: boolean;
  readonly shootout: { readonly home: number; readonly away: number; readonly winner: Side | null } | null;
  readonly discipline: Score;
  /** Cards per team, one entry per person (FIFA fair play and UEFA discipline both read this). */
  readonly cards: { readonly home: CardTally; readonly away: CardTally };
  /** False when the stream does not record every booking (result-only imports): no fair play from it. */
  readonly bookingsCovered: boolean;
  readonly standing: MatchStanding;
  readonly kickoff: string;
}

function personCase(person: PlayerState): keyof CardTally | null {
  const cards = person.cards.filter((c) => !c.rescinded);
  if (cards.some((c) => c.card === 'secondYellow')) return 'secondYellow';
  const red = cards.find((c) => c.card === 'red');
  if (red) return cards.some((c) => c.card === 'yellow') ? 'yellowThenRed' : 'red';
  return cards.some((c) => c.card === 'yellow') ? 'yellow' : null;
}

/** The cards of one side, one case per person (players and officials). */
export function cardTally(state: MatchState, side: Side): CardTally {
  const t = { yellow: 0, secondYellow: 0, red: 0, yellowThenRed: 0 };
  for (const person of state.players.values()) {
    if (person.team !== side) continue;
    const c = personCase(person);
    if (c) t[c]++;
  }
  return t;
}

/** Projects a folded match; `id` names it in messages (a file or stream id). */
export function toMatchResult(state: MatchState, id: string): MatchResult {
  if (!state.fixture) throw new Error(`${id}: a match without a fixture cannot enter a competition`);
  const awarded = state.result?.kind === 'awarded';
  const score =
    awarded && state.result ? { home: state.result.home, away: state.result.away } : { ...state.score };
  const normalTime = awarded ? score : (state.afterNormalTime ?? { ...state.score });
  return {
    id,
    fixture: state.fixture,
    home: { id: state.teams.home.id, name: state.teams.home.name },
    away: { id: state.teams.away.id, name: state.teams.away.name },
    completed: state.status === 'finished',
    awarded,
    score,
    normalTime: { ...normalTime },
    extraTimePlayed: !awarded && state.period >= 3 && state.afterExtraTime !== null,
    shootout: state.shootout
      ? { home: state.shootout.score.home, away: state.shootout.score.away, winner: state.shootout.winner }
      : null,
    discipline: { home: disciplinaryPoints(state, 'home'), away: disciplinaryPoints(state, 'away') },
    cards: { home: cardTally(state, 'home'), away: cardTally(state, 'away') },
    bookingsCovered: state.hasLineups && state.fixture.coverage?.bookings !== false,
    standing: awarded
      ? 'awarded'
      : state.status === 'finished'
        ? 'finished'
        : state.status === 'abandoned'
          ? 'abandoned'
          : state.status === 'scheduled'
            ? 'scheduled'
            : 'live',
    kickoff: state.fixture.kickoff,
  };
}

/** The same match seen with home and away swapped (for mirror properties). */
export function swapSides(m: MatchResult): MatchResult {
  const flip = (s: Score): Score => ({ home: s.away, away: s.home });
  return {
    ...m,
    home: m.away,
    away: m.home,
    score: flip(m.score),
    normalTime: flip(m.normalTime),
    shootout: m.shootout
      ? {
          home: m.shootout.away,
          away: m.shootout.home,
          winner: m.shootout.winner === null ? null : m.shootout.winner === 'home' ? 'away' : 'home',
        }
      : null,
    discipline: flip(m.discipline),
    cards: { home: m.cards.away, away: m.cards.home },
  };
}
