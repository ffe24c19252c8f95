/**
 * "The teams through to round X, in the order they qualified": a team from a knockout round is
 * through when its tie ends (the last leg's kick-off); a team from a group or league phase when its
 * place is clinched (the first date after which qualification() says so).
 */
import { groupsOf, isTableMatch } from './groups.js';
import { qualification, type Qualification } from './qualification.js';
import type { MatchResult, TeamRef } from './result.js';

export interface ThroughEntry {
  readonly team: TeamRef;
  /** The day (ISO) the place in the round was settled. */
  readonly settled: string;
  readonly how: 'tie' | 'group';
  /** The round or group it came through. */
  readonly via: string;
  /** 1-based order; teams settled on the same day share it. */
  readonly order: number;
}

/**
 * The teams of the first matches of rounds named like `round` (/quarter/i, or a part of the name), ordered by the day
 * they qualified. `places` says how many of a group go through (default 2).
 */
export function throughToRound(
  matches: readonly MatchResult[],
  round: RegExp | string,
  places = 2,
): ThroughEntry[] {
  const needle = typeof round === 'string' ? round.toLowerCase() : null;
  const inRound = (name: string) =>
    needle !== null ? name.toLowerCase().includes(needle) : (round as RegExp).test(name);
  const target = matches.filter((m) => inRound(m.fixture.round));
  if (target.length === 0) return [];
  const start = target.reduce((a, m) => (m.kickoff < a ? m.kickoff : a), target[0]!.kickoff);
  const teams = new Map<string, TeamRef>();
  for (const m of target) for (const t of [m.home, m.away]) teams.set(t.id, t);
  const before = matches.filter((m) => m.kickoff < start && !inRound(m.fixture.round));
  const groups = groupsOf(before);
  const entries: Omit<ThroughEntry, 'order'>[] = [];
  const cache = new Map<string, Qualification>();
  for (const team of teams.values()) {
    const own = before.filter((m) => m.home.id === team.id || m.away.id === team.id);
    const last = [...own].sort((a, b) => a.kickoff.localeCompare(b.kickoff)).at(-1);
    if (!last) continue; // entered at this round
    if (!isTableMatch(last)) {
      entries.push({ team, settled: last.kickoff.slice(0, 10), how: 'tie', via: last.fixture.round });
      continue;
    }
    const group = groups.find((g) => g.matches.some((m) => m.home.id === team.id || m.away.id === team.id))!;
    const days = [...new Set(group.matches.map((m) => m.kickoff.slice(0, 10)))].sort();
    // Clinched stays clinched: binary search for the first day, each day's answer cached per group.
    const clinched = (day: string): boolean => {
      const key = `${group.key}\u0000${day}`;
      let q = cache.get(key);
      if (!q) {
        // Early days fall back to points bounds (cheap); the last matchdays are enumerated in full.
        q = qualification(group.matches, {
          until: day,
          places: [places],
          maxOutcomes: 3 ** 6,
          maxTables: 20_000,
        });
        cache.set(key, q);
      }
      return q.teams.find((t) => t.teamId === team.id)?.places[0]?.status === 'clinched';
    };
    let lo = 0;
    let hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (clinched(days[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    const settled = days[lo]!;
    entries.push({ team, settled, how: 'group', via: group.label });
  }
  entries.sort((a, b) => a.settled.localeCompare(b.settled) || a.team.name.localeCompare(b.team.name));
  return entries.map((e) => ({ ...e, order: entries.findIndex((x) => x.settled === e.settled) + 1 }));
}
