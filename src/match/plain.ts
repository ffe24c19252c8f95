/**
 * Plain data out of a match state. A MatchState keeps players and corrections in Maps and Sets (fast
 * for the fold), which JSON.stringify turns into `{}`; `toPlain` gives the same facts as JSON-ready
 * objects and arrays (shape: schemas/plain-state.schema.json), and `toRows` gives analysts flat rows,
 * one per event, goal, card, substitution or player, with ids as well as names.
 */
import type { FixtureEvent, MatchEvent, Problem, Rules, Side } from '../events/index.js';
import type { Instant } from '../time/index.js';
import { cardsShown } from './discipline.js';
import { minutesPlayed } from './minutes.js';
import {
  playerName,
  type GoalRecord,
  type MatchState,
  type MissedPenaltyRecord,
  type PlayerState,
  type ResultState,
  type Score,
  type ShootoutState,
  type TeamState,
  type TimelineEntry,
} from './state.js';

export interface PlainState {
  readonly version: number;
  readonly fixture: FixtureEvent | null;
  readonly rules: Rules;
  readonly hasLineups: boolean;
  readonly status: MatchState['status'];
  readonly period: number;
  readonly lastAt: Instant | null;
  /** Actual length in ms of each period that has ended, by period number. */
  readonly periodLengths: Readonly<Record<string, number>>;
  /** Announced added minutes, by period number. */
  readonly addedTime: Readonly<Record<string, number>>;
  readonly score: Score;
  readonly halfTime: Score | null;
  readonly afterNormalTime: Score | null;
  readonly afterExtraTime: Score | null;
  readonly shootout: ShootoutState | null;
  readonly result: ResultState | null;
  readonly goals: readonly GoalRecord[];
  readonly missedPenalties: readonly MissedPenaltyRecord[];
  /** Every player and official on the team sheets, home first, in team-sheet order. */
  readonly players: readonly PlayerState[];
  readonly teams: { readonly home: TeamState; readonly away: TeamState };
  readonly mustAbandon: Side | null;
  readonly timeline: readonly TimelineEntry[];
  readonly warnings: readonly Problem[];
  /** Events rejected in lenient mode: their stream index and why. */
  readonly rejected: readonly { readonly index: number; readonly problem: Problem }[];
  readonly corrections: {
    /** Retracted event id -> the id of the retraction. */
    readonly retracted: Readonly<Record<string, string>>;
    /** Amended event id -> the fields the amendment changed. */
    readonly amended: Readonly<Record<string, Record<string, unknown>>>;
    /** Ids of rescinded card events. */
    readonly rescinded: readonly string[];
  };
}

const byKey = <V>(map: ReadonlyMap<number | string, V>): Record<string, V> =>
  Object.fromEntries([...map].map(([k, v]) => [String(k), v]));

/**
 * The state as plain JSON-ready data: every Map becomes an object or array, nothing is lost but the
 * event log (the stream itself) and the id index (derivable from it). `JSON.stringify(toPlain(s))`.
 */
export function toPlain(state: MatchState): PlainState {
  const players = [...state.players.values()];
  return {
    version: state.version,
    fixture: state.fixture,
    rules: state.rules,
    hasLineups: state.hasLineups,
    status: state.status,
    period: state.period,
    lastAt: state.lastAt,
    periodLengths: byKey(state.periodLengths),
    addedTime: byKey(state.addedTime),
    score: state.score,
    halfTime: state.halfTime,
    afterNormalTime: state.afterNormalTime,
    afterExtraTime: state.afterExtraTime,
    shootout: state.shootout,
    result: state.result,
    goals: state.goals,
    missedPenalties: state.missedPenalties,
    players: [...players.filter((p) => p.team === 'home'), ...players.filter((p) => p.team === 'away')],
    teams: state.teams,
    mustAbandon: state.mustAbandon,
    timeline: state.timeline,
    warnings: state.warnings,
    rejected: [...state.rejected].map(([index, problem]) => ({ index, problem })),
    corrections: {
      retracted: byKey(state.corrections.retracted),
      amended: byKey(state.corrections.amended),
      rescinded: [...state.corrections.rescinded],
    },
  };
}

export type RowKind = 'events' | 'goals' | 'cards' | 'substitutions' | 'minutes' | 'players';
export const ROW_KINDS: readonly RowKind[] = [
  'events',
  'goals',
  'cards',
  'substitutions',
  'minutes',
  'players',
];

/** A tidy row: one flat record of strings, numbers, booleans and nulls (a CSV line). */
export type Row = Readonly<Record<string, string | number | boolean | null>>;

/** The columns every row starts with: which match it belongs to. */
function matchColumns(state: MatchState, matchId: string): Row {
  return {
    match: matchId,
    competition: state.fixture?.competition ?? null,
    season: state.fixture?.season ?? null,
    date: state.fixture?.kickoff.slice(0, 10) ?? null,
    home: state.teams.home.name,
    away: state.teams.away.name,
  };
}

const teamColumns = (state: MatchState, side: Side | null): Row => ({
  side,
  teamId: side ? state.teams[side].id : null,
  team: side ? state.teams[side].name : null,
});

const timeColumns = (at: Instant | null, minute: string): Row => ({
  period: at?.period ?? null,
  ms: at?.ms ?? null,
  minute,
});

function eventRows(state: MatchState): Row[] {
  return state.timeline.map((t) => ({
    index: t.index,
    eventId: t.eventId,
    type: t.type,
    ...timeColumns(t.at, t.minute),
    ...teamColumns(state, t.side),
    status: t.status,
    target: t.target,
    text: t.text,
  }));
}

function goalRows(state: MatchState): Row[] {
  return state.goals.map((g) => ({
    eventId: g.eventId,
    ...timeColumns(g.at, g.minute),
    ...teamColumns(state, g.team),
    scorerId: g.scorer,
    scorer: g.scorer === null ? g.scorerName : playerName(state, g.scorer),
    assistId: g.assist,
    assist: g.assist === null ? null : playerName(state, g.assist),
    penalty: g.penalty,
    ownGoal: g.ownGoal,
    scoreHome: g.score.home,
    scoreAway: g.score.away,
  }));
}

function cardRows(state: MatchState): Row[] {
  return cardsShown(state)
    .sort((a, b) => (state.eventIndex.get(a.eventId) ?? 0) - (state.eventIndex.get(b.eventId) ?? 0))
    .map((c) => ({
      eventId: c.eventId,
      minute: c.minute,
      ...teamColumns(state, c.team),
      playerId: c.playerId,
      player: c.player,
      official: c.official,
      card: c.card,
      rescinded: c.rescinded,
    }));
}

type Substitution = Extract<MatchEvent, { type: 'substitution' }>;

function substitutionRows(state: MatchState): Row[] {
  const rows: Row[] = [];
  for (const t of state.timeline) {
    if (t.type !== 'substitution' || t.status === 'retracted' || t.status === 'rejected') continue;
    const event = state.log[t.index] as Substitution | undefined;
    if (event?.type !== 'substitution') continue;
    const s = { ...event, ...(state.corrections.amended.get(event.id) ?? {}) } as Substitution;
    rows.push({
      eventId: s.id,
      ...timeColumns(t.at, t.minute),
      ...teamColumns(state, s.team),
      playerOffId: s.playerOff,
      playerOff: playerName(state, s.playerOff),
      playerOnId: s.playerOn,
      playerOn: playerName(state, s.playerOn),
      kind: s.kind,
      atInterval: s.atInterval,
    });
  }
  return rows;
}

function minuteRows(state: MatchState): Row[] {
  const actual = new Map(minutesPlayed(state, { mode: 'actual' }).map((r) => [r.playerId, r.minutes]));
  return minutesPlayed(state).map((r) => ({
    ...teamColumns(state, r.team),
    playerId: r.playerId,
    player: r.player,
    started: r.started,
    minutes: r.minutes,
    minutesActual: actual.get(r.playerId) ?? null,
  }));
}

function playerRows(state: MatchState): Row[] {
  const minutes = new Map(minutesPlayed(state).map((r) => [r.playerId, r.minutes]));
  return toPlain(state).players.map((p) => {
    const shown = p.cards.filter((c) => !c.rescinded);
    return {
      ...teamColumns(state, p.team),
      playerId: p.id,
      player: p.name,
      shirt: p.shirt,
      official: p.official,
      starter: p.starter,
      status: p.status,
      minutes: minutes.get(p.id) ?? 0,
      goals: p.goals,
      penaltyGoals: p.penaltyGoals,
      ownGoals: p.ownGoals,
      assists: p.assists,
      penaltiesMissed: p.penaltiesMissed,
      yellowCards: shown.filter((c) => c.card === 'yellow').length,
      redCards: shown.filter((c) => c.card !== 'yellow').length,
    };
  });
}

const ROWS: Record<RowKind, (state: MatchState) => Row[]> = {
  events: eventRows,
  goals: goalRows,
  cards: cardRows,
  substitutions: substitutionRows,
  minutes: minuteRows,
  players: playerRows,
};

/**
 * Tidy rows across matches: `toRows(states, 'minutes')`. Each row starts with the match's columns
 * (match id, competition, season, date, home, away). A match's id is the one given in `ids` at the same
 * position (a file name or a stream id), else `<date>-<home id>-<away id>`.
 */
export function toRows(states: readonly MatchState[], kind: RowKind, ids: readonly string[] = []): Row[] {
  const rows: Row[] = [];
  states.forEach((state, i) => {
    const fixture = state.fixture;
    const fallback = fixture
      ? `${fixture.kickoff.slice(0, 10)}-${fixture.home.id}-${fixture.away.id}`
      : String(i + 1);
    const match = matchColumns(state, ids[i] ?? fallback);
    for (const row of ROWS[kind](state)) rows.push({ ...match, ...row });
  });
  return rows;
}
