/** A plain, JSON-ready view of a match state: what `matchline summary --json` prints. */
import type { MatchEvent } from '../events/index.js';
import { cardsShown, disciplinaryPoints, type CardRow } from './discipline.js';
import { minutesPlayed, type MinutesOptions, type MinutesRow } from './minutes.js';
import { playerName, type MatchState, type Score, type TimelineEntry } from './state.js';

export interface MatchSummary {
  readonly competition: string | null;
  readonly season: string | null;
  readonly round: string | null;
  readonly venue: string | null;
  /** The referee's name, when the fixture lists the match officials. */
  readonly referee: string | null;
  readonly home: string;
  readonly away: string;
  readonly status: MatchState['status'];
  readonly version: number;
  readonly score: Score;
  readonly halfTime: Score | null;
  readonly afterNormalTime: Score | null;
  readonly afterExtraTime: Score | null;
  readonly shootout: {
    home: number;
    away: number;
    winner: string | null;
    kicks: { team: string; taker: string; outcome: string }[];
  } | null;
  readonly result: { home: number; away: number; kind: string; decidedBy: string } | null;
  readonly winner: string | null;
  readonly goals: {
    team: string;
    scorer: string | null;
    assist: string | null;
    minute: string;
    penalty: boolean;
    ownGoal: boolean;
    score: Score;
  }[];
  readonly cards: (Omit<CardRow, 'team'> & { team: string; side: 'home' | 'away' })[];
  readonly substitutions: {
    team: string;
    playerOff: string;
    playerOn: string;
    minute: string;
    atInterval: boolean;
  }[];
  readonly substitutionsUsed: Score;
  readonly opportunitiesUsed: Score;
  readonly disciplinaryPoints: Score;
  readonly minutes: (Omit<MinutesRow, 'team'> & { team: string; side: 'home' | 'away' })[];
  readonly minutesMode: 'nominal' | 'actual';
  readonly coverage: { substitutions: boolean; bookings: boolean; stoppageTime: boolean };
  readonly timeline: TimelineEntry[];
  readonly warnings: MatchState['warnings'];
}

export function matchSummary(state: MatchState, options: MinutesOptions = {}): MatchSummary {
  const name = (side: 'home' | 'away') => state.teams[side].name;
  const subs = state.timeline.filter(
    (t) => t.type === 'substitution' && t.status !== 'retracted' && t.status !== 'rejected',
  );
  const subEvents = subs
    .map((t) => state.log[t.index])
    .filter((e): e is Extract<MatchEvent, { type: 'substitution' }> => e?.type === 'substitution');
  const coverage = state.fixture?.coverage;
  return {
    competition: state.fixture?.competition ?? null,
    season: state.fixture?.season ?? null,
    round: state.fixture?.round ?? null,
    venue: state.fixture?.venue ?? null,
    referee: state.fixture?.officials?.find((o) => o.role === 'referee')?.name ?? null,
    home: name('home'),
    away: name('away'),
    status: state.status,
    version: state.version,
    score: { ...state.score },
    halfTime: state.halfTime,
    afterNormalTime: state.afterNormalTime,
    afterExtraTime: state.afterExtraTime,
    shootout: state.shootout
      ? {
          home: state.shootout.score.home,
          away: state.shootout.score.away,
          winner: state.shootout.winner ? name(state.shootout.winner) : null,
          kicks: state.shootout.kicks.map((k) => ({
            team: name(k.team),
            taker: playerName(state, k.taker),
            outcome: k.outcome,
          })),
        }
      : null,
    result: state.result
      ? {
          home: state.result.home,
          away: state.result.away,
          kind: state.result.kind,
          decidedBy: state.result.decidedBy,
        }
      : null,
    winner: state.result?.winner ? name(state.result.winner) : null,
    goals: state.goals.map((g) => ({
      team: name(g.team),
      scorer: g.scorer === null ? g.scorerName : playerName(state, g.scorer),
      assist: g.assist === null ? null : playerName(state, g.assist),
      minute: g.minute,
      penalty: g.penalty,
      ownGoal: g.ownGoal,
      score: g.score,
    })),
    cards: cardsShown(state)
      .sort((a, b) => (state.eventIndex.get(a.eventId) ?? 0) - (state.eventIndex.get(b.eventId) ?? 0))
      .map((c) => ({ ...c, side: c.team, team: name(c.team) })),
    substitutions: subEvents.map((s) => {
      const patched = { ...s, ...(state.corrections.amended.get(s.id) ?? {}) };
      return {
        team: name(patched.team),
        playerOff: playerName(state, patched.playerOff),
        playerOn: playerName(state, patched.playerOn),
        minute: subs.find((t) => t.eventId === s.id)?.minute ?? '',
        atInterval: patched.atInterval,
      };
    }),
    substitutionsUsed: { home: state.teams.home.subsUsed, away: state.teams.away.subsUsed },
    opportunitiesUsed: { home: state.teams.home.opportunitiesUsed, away: state.teams.away.opportunitiesUsed },
    disciplinaryPoints: { home: disciplinaryPoints(state, 'home'), away: disciplinaryPoints(state, 'away') },
    minutes: minutesPlayed(state, options).map((r) => ({ ...r, side: r.team, team: r.teamName })),
    minutesMode: options.mode ?? 'nominal',
    coverage: {
      substitutions: coverage?.substitutions ?? true,
      bookings: coverage?.bookings ?? true,
      stoppageTime: coverage?.stoppageTime ?? true,
    },
    timeline: state.timeline,
    warnings: state.warnings,
  };
}
