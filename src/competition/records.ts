/** Records across matches: head-to-head, player tallies, team streaks, "first time since". */
import type { Side } from '../events/index.js';
import { minutesOf } from '../match/minutes.js';
import type { MatchState } from '../match/state.js';
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
export function headToHead(matches: readonly MatchResult[], a: string, b: string): HeadToHead {
  let played = 0,
    draws = 0;
  const wins: [number, number] = [0, 0];
  const goals: [number, number] = [0, 0];
  let names: [string, string] = [a, b];
  for (const m of byKickoff(matches)) {
    const sa = sideOf(m, a);
    const sb = sideOf(m, b);
    if (!sa || !sb || sa === sb) continue;
    names = [m[sa].name, m[sb].name];
    played++;
    const ga = m.score[sa];
    const gb = m.score[sb];
    goals[0] += ga;
    goals[1] += gb;
    if (ga > gb) wins[0]++;
    else if (gb > ga) wins[1]++;
    else draws++;
  }
  return { teams: names, played, wins, draws, goals };
}

export type Outcome = 'W' | 'D' | 'L';

export interface TeamRecord {
  readonly team: string;
  readonly played: number;
  readonly form: readonly Outcome[];
  readonly longest: {
    readonly wins: number;
    readonly defeats: number;
    readonly unbeaten: number;
    readonly withoutWin: number;
  };
  readonly current: {
    readonly wins: number;
    readonly defeats: number;
    readonly unbeaten: number;
    readonly withoutWin: number;
  };
  /** Home defeats by two or more goals, with the match ids. */
  readonly heavyHomeDefeats: readonly string[];
}

function run(
  outcomes: readonly Outcome[],
  ok: (o: Outcome) => boolean,
): { longest: number; current: number } {
  let longest = 0,
    current = 0;
  for (const o of outcomes) {
    current = ok(o) ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return { longest, current };
}

export function teamRecord(matches: readonly MatchResult[], team: string): TeamRecord {
  const form: Outcome[] = [];
  const heavyHomeDefeats: string[] = [];
  let name = team;
  for (const m of byKickoff(matches)) {
    const side = sideOf(m, team);
    if (!side) continue;
    name = m[side].name;
    const other = side === 'home' ? 'away' : 'home';
    const diff = m.score[side] - m.score[other];
    form.push(diff > 0 ? 'W' : diff < 0 ? 'L' : 'D');
    if (side === 'home' && diff <= -2) heavyHomeDefeats.push(m.id);
  }
  const wins = run(form, (o) => o === 'W');
  const defeats = run(form, (o) => o === 'L');
  const unbeaten = run(form, (o) => o !== 'L');
  const withoutWin = run(form, (o) => o !== 'W');
  return {
    team: name,
    played: form.length,
    form,
    longest: {
      wins: wins.longest,
      defeats: defeats.longest,
      unbeaten: unbeaten.longest,
      withoutWin: withoutWin.longest,
    },
    current: {
      wins: wins.current,
      defeats: defeats.current,
      unbeaten: unbeaten.current,
      withoutWin: withoutWin.current,
    },
    heavyHomeDefeats,
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
  const own = byKickoff(matches).filter((m) => sideOf(m, team) !== null);
  const end = latestId === undefined ? own.length - 1 : own.findIndex((m) => m.id === latestId);
  for (let i = end - 1; i >= 0; i--) {
    const m = own[i]!;
    if (predicate(m, sideOf(m, team)!)) return m;
  }
  return null;
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
