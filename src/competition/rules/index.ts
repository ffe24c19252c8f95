/** The rule sets, chosen by competition and season (never by the season's year alone). */
import { MatchlineError } from '../../events/errors.js';
import { DOMESTIC_RULES, GENERIC_LEAGUE } from './domestic.js';
import { EURO_RULES } from './euro.js';
import { FIFA_RULES } from './fifa.js';
import type { RuleSet } from './types.js';
import { UEFA_CLUB_RULES } from './uefa-club.js';

export * from './types.js';
export { UEFA_2009, UEFA_2018, UEFA_2021, UEFA_2024, UEFA_2025 } from './uefa-club.js';
export { FIFA_2010, FIFA_2018, FIFA_2026 } from './fifa.js';
export { EURO_2016, EURO_2020, EURO_2024 } from './euro.js';
export * from './domestic.js';

export const RULE_SETS: readonly RuleSet[] = [
  ...UEFA_CLUB_RULES,
  ...FIFA_RULES,
  ...EURO_RULES,
  ...DOMESTIC_RULES,
  GENERIC_LEAGUE,
];

/** The start year of a season: "2020-21" -> 2020, "2022" -> 2022. */
export function seasonYear(season: string | undefined): number | null {
  const m = season ? /^(\d{4})/.exec(season) : null;
  return m ? Number(m[1]) : null;
}

export function ruleSetById(id: string): RuleSet {
  const found = RULE_SETS.find((r) => r.id === id);
  if (!found) {
    throw new MatchlineError({
      code: 'UNKNOWN_RULES',
      message: `no rule set "${id}"; known: ${RULE_SETS.map((r) => r.id).join(', ')}`,
    });
  }
  return found;
}

/**
 * The rule set of a competition's season. A competition no set names gets the generic league set
 * (points, GD, goals, then shared places), never another competition's rules.
 */
export function rulesFor(competition: string | undefined, season: string | undefined): RuleSet {
  const year = seasonYear(season);
  const name = competition ?? '';
  const candidates = RULE_SETS.filter((r) => r.competitions.some((re) => re.test(name)));
  if (candidates.length === 0) return GENERIC_LEAGUE;
  if (year === null) {
    throw new MatchlineError({
      code: 'UNKNOWN_RULES',
      message: `${name}: the season "${season ?? ''}" does not say which edition of the rules applies; pass --rules`,
    });
  }
  const match = candidates.find(
    (r) => year >= r.seasons.from && (r.seasons.to === undefined || year <= r.seasons.to),
  );
  if (!match) {
    throw new MatchlineError({
      code: 'UNKNOWN_RULES',
      message: `${name} ${season}: no rule set covers this season (${candidates.map((r) => `${r.id} ${r.seasons.from}-${r.seasons.to ?? ''}`).join(', ')}); pass --rules`,
    });
  }
  return match;
}
