/** Records across matches: head-to-head, player tallies, team streaks, "first time since". */
import type { Side } from '../events/index.js';
import { minutesOf } from '../match/minutes.js';
import type { MatchState } from '../match/state.js';
import { findTeam } from './identify.js';
import type { MatchResult } from './result.js';

function sideOf(m: MatchResult, team: string): Side | null {
  const t = team.toLowerCase();
  if (m.home.id === team || m.home.name.toLowerCase() === t) return 'home';
  if (m.away.id === team || m.away.name.toLowerCase() === t) return 'away';
  return null;
}

function byKickoff(matches: readonly MatchResult[]): MatchResult[] {
  return [...matches]
    .filter((m) => m.completed)
    .sort((a, b) => Date.parse(a.kickoff) - Date.parse(b.kickoff));
}

export interface HeadToHead {
  readonly teams: readonly [string, string];
  readonly played: number;
  readonly wins: readonly [number, number];
  readonly draws: number;
  readonly goals: readonly [number, number];
}

/** Results between two teams (by id or name); a shoot-out win is a draw here. */
export function headToHead(
  matches: readonly MatchResult[],
  a: string,
  b: string,
  filter: RecordFilter = {},
): HeadToHead {
  const ms = teamMatches(matches, a, { ...filter, opponent: b });
  const last = ms.at(-1);
  return {
    teams: last ? [last.team, last.opponent] : [a, b],
    played: ms.length,
    wins: [ms.filter((m) => m.outcome === 'W').length, ms.filter((m) => m.outcome === 'L').length],
    draws: ms.filter((m) => m.outcome === 'D').length,
    goals: [ms.reduce((n, m) => n + m.goalsFor, 0), ms.reduce((n, m) => n + m.goalsAgainst, 0)],
  };
}

export type Outcome = 'W' | 'D' | 'L';

/** Which of a team's matches a record looks at. Dates are ISO days, inclusive. */
export interface RecordFilter {
  readonly venue?: 'home' | 'away';
  /** Part of the competition name, case-insensitive ("champions league"). */
  readonly competition?: string;
  readonly season?: string;
  readonly from?: string;
  readonly until?: string;
  /** The opponent, by id or name. */
  readonly opponent?: string;
}

/** One match from the team's side. */
export interface TeamMatch {
  readonly id: string;
  readonly kickoff: string;
  readonly competition: string;
  readonly season: string;
  readonly round: string;
  readonly venue: Side;
  readonly team: string;
  readonly opponent: string;
  readonly goalsFor: number;
  readonly goalsAgainst: number;
  readonly outcome: Outcome;
  readonly awarded: boolean;
}

/** The matches of `team` (by id or name) that pass the filter, oldest first. */
export function teamMatches(
  matches: readonly MatchResult[],
  query: string,
  filter: RecordFilter = {},
): TeamMatch[] {
  const out: TeamMatch[] = [];
  if (matches.length === 0) return out;
  // The team and the opponent are found among these matches by id, any name they played under, or
  // the name's key; an unknown name is UNKNOWN_TEAM with suggestions (never a silent zero).
  const team = findTeam(matches, query).id;
  const opponent = filter.opponent === undefined ? undefined : findTeam(matches, filter.opponent).id;
  const needle = filter.competition?.toLowerCase();
  for (const m of byKickoff(matches)) {
    const side = sideOf(m, team);
    if (!side) continue;
    const other: Side = side === 'home' ? 'away' : 'home';
    const day = m.kickoff.slice(0, 10);
    if (filter.venue && filter.venue !== side) continue;
    if (needle && !m.fixture.competition.toLowerCase().includes(needle)) continue;
    if (filter.season && m.fixture.season !== filter.season) continue;
    if (filter.from && day < filter.from) continue;
    if (filter.until && day > filter.until) continue;
    if (opponent && sideOf(m, opponent) !== other) continue;
    const gf = m.score[side];
    const ga = m.score[other];
    out.push({
      id: m.id,
      kickoff: m.kickoff,
      competition: m.fixture.competition,
      season: m.fixture.season,
      round: m.fixture.round,
      venue: side,
      team: m[side].name,
      opponent: m[other].name,
      goalsFor: gf,
      goalsAgainst: ga,
      outcome: gf > ga ? 'W' : gf < ga ? 'L' : 'D',
      awarded: m.awarded,
    });
  }
  return out;
}

/** A run of consecutive matches, with its goals. */
export interface Run {
  readonly length: number;
  readonly goalsFor: number;
  readonly goalsAgainst: number;
  readonly from: string | null;
  readonly to: string | null;
}

type RunKind = 'wins' | 'defeats' | 'unbeaten' | 'withoutWin' | 'cleanSheets' | 'scoring';

const RUN_TESTS: Record<RunKind, (m: TeamMatch) => boolean> = {
  wins: (m) => m.outcome === 'W',
  defeats: (m) => m.outcome === 'L',
  unbeaten: (m) => m.outcome !== 'L',
  withoutWin: (m) => m.outcome !== 'W',
  cleanSheets: (m) => m.goalsAgainst === 0,
  scoring: (m) => m.goalsFor > 0,
};

function runsOf(ms: readonly TeamMatch[], ok: (m: TeamMatch) => boolean): { longest: Run; current: Run } {
  const empty: Run = { length: 0, goalsFor: 0, goalsAgainst: 0, from: null, to: null };
  let longest = empty;
  let current = empty;
  for (const m of ms) {
    current = ok(m)
      ? {
          length: current.length + 1,
          goalsFor: current.goalsFor + m.goalsFor,
          goalsAgainst: current.goalsAgainst + m.goalsAgainst,
          from: current.from ?? m.kickoff,
          to: m.kickoff,
        }
      : empty;
    if (current.length > longest.length) longest = current;
  }
  return { longest, current };
}

export interface TeamRecord {
  readonly team: string;
  readonly teamId: string;
  readonly filter: RecordFilter;
  readonly played: number;
  readonly won: number;
  readonly drawn: number;
  readonly lost: number;
  readonly goalsFor: number;
  readonly goalsAgainst: number;
  readonly cleanSheets: number;
  readonly form: readonly Outcome[];
  readonly matches: readonly TeamMatch[];
  readonly longest: Readonly<Record<RunKind, Run>>;
  readonly current: Readonly<Record<RunKind, Run>>;
  /** Home defeats by two or more goals, with the match ids. */
  readonly heavyHomeDefeats: readonly string[];
}

/** Results, form and runs (with their goals) of a team over the matches that pass the filter. */
export function teamRecord(
  matches: readonly MatchResult[],
  team: string,
  filter: RecordFilter = {},
): TeamRecord {
  const ms = teamMatches(matches, team, filter);
  const longest = {} as Record<RunKind, Run>;
  const current = {} as Record<RunKind, Run>;
  for (const kind of Object.keys(RUN_TESTS) as RunKind[]) {
    const r = runsOf(ms, RUN_TESTS[kind]);
    longest[kind] = r.longest;
    current[kind] = r.current;
  }
  const teamId = matches.length ? findTeam(matches, team).id : team;
  return {
    team: ms.at(-1)?.team ?? team,
    teamId,
    filter,
    played: ms.length,
    won: ms.filter((m) => m.outcome === 'W').length,
    drawn: ms.filter((m) => m.outcome === 'D').length,
    lost: ms.filter((m) => m.outcome === 'L').length,
    goalsFor: ms.reduce((n, m) => n + m.goalsFor, 0),
    goalsAgainst: ms.reduce((n, m) => n + m.goalsAgainst, 0),
    cleanSheets: ms.filter((m) => m.goalsAgainst === 0).length,
    form: ms.map((m) => m.outcome),
    matches: ms,
    longest,
    current,
    heavyHomeDefeats: ms
      .filter((m) => m.venue === 'home' && m.goalsAgainst - m.goalsFor >= 2)
      .map((m) => m.id),
  };
}

/**
 * "First time since": the latest earlier match of `team` (before the match `latestId`, or its last
 * match) that satisfies the predicate, or null when none does in the data given.
 */
export function lastTimeBefore(
  matches: readonly MatchResult[],
  team: string,
  predicate: (m: MatchResult, side: Side) => boolean,
  latestId?: string,
): MatchResult | null {
  return sinceLast(matches, team, predicate, latestId).last;
}

export interface SinceLast {
  /** The latest earlier match that satisfies the predicate, or null. */
  readonly last: MatchResult | null;
  /** The team's matches between it and the reference match ("first in N games" is N + 1). */
  readonly gamesBetween: number;
  /** The team's matches before the reference match in the data (the bound of "never in N games"). */
  readonly gamesBefore: number;
}

/** "First time since" and "first in N games" at once; team by id (canonical ids join name changes). */
export function sinceLast(
  matches: readonly MatchResult[],
  team: string,
  predicate: (m: MatchResult, side: Side) => boolean,
  latestId?: string,
  filter: RecordFilter = {},
): SinceLast {
  const ids = new Set(teamMatches(matches, team, filter).map((m) => m.id));
  team = findTeam(matches, team).id;
  const own = byKickoff(matches).filter((m) => ids.has(m.id));
  const end = latestId === undefined ? own.length - 1 : own.findIndex((m) => m.id === latestId);
  for (let i = end - 1; i >= 0; i--) {
    const m = own[i]!;
    if (predicate(m, sideOf(m, team)!)) return { last: m, gamesBetween: end - i - 1, gamesBefore: end };
  }
  return { last: null, gamesBetween: end, gamesBefore: end };
}

export interface PlayerTally {
  readonly playerId: string;
  readonly player: string;
  appearances: number;
  starts: number;
  goals: number;
  penaltyGoals: number;
  ownGoals: number;
  assists: number;
  minutes: number;
  yellowCards: number;
  redCards: number;
}

/** Tallies of every player over folded matches (ids are stable across streams). */
export function playerTallies(states: readonly MatchState[]): Map<string, PlayerTally> {
  const tallies = new Map<string, PlayerTally>();
  for (const state of states) {
    for (const p of state.players.values()) {
      if (p.official) continue;
      let t = tallies.get(p.id);
      if (!t) {
        t = {
          playerId: p.id,
          player: p.name,
          appearances: 0,
          starts: 0,
          goals: 0,
          penaltyGoals: 0,
          ownGoals: 0,
          assists: 0,
          minutes: 0,
          yellowCards: 0,
          redCards: 0,
        };
        tallies.set(p.id, t);
      }
      if (p.spells.length > 0) t.appearances++;
      if (p.starter) t.starts++;
      t.goals += p.goals;
      t.penaltyGoals += p.penaltyGoals;
      t.ownGoals += p.ownGoals;
      t.assists += p.assists;
      t.minutes += minutesOf(state, p.id);
      for (const c of p.cards) {
        if (c.rescinded) continue;
        if (c.card === 'yellow') t.yellowCards++;
        else t.redCards++;
      }
    }
  }
  return tallies;
}

/** Sums per-match tallies of the same player (what playerTallies gives for all the matches at once). */
export function sumTallies(lists: Iterable<readonly PlayerTally[]>): PlayerTally[] {
  const out = new Map<string, PlayerTally>();
  for (const list of lists) {
    for (const t of list) {
      const sum = out.get(t.playerId);
      if (!sum) {
        out.set(t.playerId, { ...t });
        continue;
      }
      for (const field of [
        'appearances',
        'starts',
        'goals',
        'penaltyGoals',
        'ownGoals',
        'assists',
        'minutes',
        'yellowCards',
        'redCards',
      ] as const)
        sum[field] += t[field];
    }
  }
  return [...out.values()];
}
