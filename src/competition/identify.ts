/** Matches seen through the team directory: one id per club across names, sources and seasons. */
import { MatchlineError } from '../events/errors.js';
import { TeamDirectory, teamKey } from '../identity/index.js';
import type { MatchResult, TeamRef } from './result.js';

export interface IdentifyOptions {
  /** The source the names come from ("openfootball"), for source-specific aliases. */
  readonly source?: string;
  /** Unknown names: 'error' (default) throws UNKNOWN_TEAM with suggestions; 'keep' leaves them as they are. */
  readonly unknown?: 'error' | 'keep';
}

/** Every match with canonical team ids (the source's name is kept for display). */
export function identifyTeams(
  matches: readonly MatchResult[],
  teams: TeamDirectory,
  options: IdentifyOptions = {},
): MatchResult[] {
  const cache = new Map<string, TeamRef>();
  const one = (ref: TeamRef, season: string): TeamRef => {
    const key = `${season}\u0000${ref.name}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const ctx = { season, ...(options.source ? { source: options.source } : {}) };
    const found = options.unknown === 'keep' ? teams.lookup(ref.name, ctx) : teams.resolve(ref.name, ctx);
    const out = found ? { id: found.id, name: ref.name } : ref;
    cache.set(key, out);
    return out;
  };
  return matches.map((m) => ({
    ...m,
    home: one(m.home, m.fixture.season),
    away: one(m.away, m.fixture.season),
  }));
}

/**
 * The team a user means, among the teams of these matches: by id, by any name it played under, or
 * through the directory's aliases. UNKNOWN_TEAM with the closest names when none.
 */
export function findTeam(matches: readonly MatchResult[], query: string, teams?: TeamDirectory): TeamRef {
  const present = new Map<string, Set<string>>();
  for (const m of matches)
    for (const t of [m.home, m.away]) present.set(t.id, (present.get(t.id) ?? new Set()).add(t.name));
  const q = query.toLowerCase();
  const key = teamKey(query);
  for (const [id, names] of present) {
    if (id.toLowerCase() === q || [...names].some((n) => n.toLowerCase() === q || teamKey(n) === key))
      return { id, name: [...names].at(-1)! };
  }
  const viaDirectory = teams?.lookup(query);
  if (viaDirectory && present.has(viaDirectory.id))
    return { id: viaDirectory.id, name: [...present.get(viaDirectory.id)!].at(-1)! };
  // The closest names of the teams present (substring or edit distance), as the directory suggests.
  const here = new TeamDirectory(
    [...present].map(([id, names]) => ({ id, name: [...names].at(-1)!, aliases: [...names] })),
  );
  const close = here.suggest(query, 5);
  throw new MatchlineError({
    code: 'UNKNOWN_TEAM',
    message: `no team "${query}" in these ${matches.length} matches${close.length ? `; did you mean ${close.map((n) => `"${n}"`).join(', ')}?` : ''}`,
  });
}
