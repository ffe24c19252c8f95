/** A match reduced to what competitions need: teams by designation, scores by stage, discipline. */
import type { FixtureEvent, Side } from '../events/index.js';
import { disciplinaryPoints } from '../match/discipline.js';
import type { MatchState, Score } from '../match/state.js';

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
  readonly kickoff: string;
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
  };
}
