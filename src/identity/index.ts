/** Team identity: canonical ids, aliases per source and season, lookups with suggestions. */
import clubs from './clubs.json' with { type: 'json' };
import { TeamDirectory, type TeamIdentity } from './directory.js';

export * from './directory.js';

/** The clubs shipped with matchline (src/identity/clubs.json). */
export const SHIPPED_CLUBS: readonly TeamIdentity[] = (clubs as { clubs: TeamIdentity[] }).clubs;

let shipped: TeamDirectory | undefined;

/** The shipped directory (built once). Extend it with `.extend(yourClubs)`. */
export function defaultTeams(): TeamDirectory {
  return (shipped ??= new TeamDirectory(SHIPPED_CLUBS));
}
