/** The matchday of each match: from its round name ("Matchday 4"), else each team's n-th match. */
import type { MatchResult } from './result.js';

const NUMBERED = /(?:matchday|spieltag|jornada|giornata|md|round)\s*(\d+)/i;

export function matchdayOf(matches: readonly MatchResult[]): Map<MatchResult, number> {
  const out = new Map<MatchResult, number>();
  const sorted = [...matches].sort((a, b) => Date.parse(a.kickoff) - Date.parse(b.kickoff));
  const count = new Map<string, number>();
  for (const m of sorted) {
    const h = (count.get(m.home.id) ?? 0) + 1;
    const a = (count.get(m.away.id) ?? 0) + 1;
    count.set(m.home.id, h);
    count.set(m.away.id, a);
    const named = NUMBERED.exec(m.fixture.round);
    out.set(m, named ? Number(named[1]) : Math.max(h, a));
  }
  return out;
}
