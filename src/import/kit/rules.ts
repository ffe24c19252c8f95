/** The match rules an import writes into the fixture: the substitutions of the era, extra time and kicks as played. */
import type { Rules } from '../../events/index.js';
import { substitutionRules } from '../../competition/presets.js';

/** IFAB's temporary amendment of May 2020: five substitutes in three opportunities, one more in extra time. */
const FIVE_SUBS_FROM = '2020-05-08';

export function matchRules(input: {
  readonly competition: string;
  readonly kickoff: string;
  /** The play periods the feed has (1-5). */
  readonly periods: Iterable<number>;
  /** The match sheet says the match went to kicks (even when the feed has no period 5). */
  readonly shootout?: boolean;
}): Rules {
  const periods = new Set(input.periods);
  const era = substitutionRules(input.competition, input.kickoff);
  const five = input.kickoff.slice(0, 10) >= FIVE_SUBS_FROM;
  return {
    maxSubs: era?.maxSubs ?? (five ? 5 : 3),
    maxOpportunities: era ? era.maxOpportunities : five ? 3 : null,
    extraTime: periods.has(3) || periods.has(4),
    shootout: periods.has(5) || input.shootout === true,
    extraTimeExtraSub: era?.extraTimeExtraSub ?? five,
    concussionSubs: false,
    awayGoals: 'none',
  };
}

/** "2018-2019", "2018/19", "2019/2020" or a year to the schema's season form ("2018-19", "2020"). */
export function seasonLabel(value: unknown, kickoff: string): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  const two = /(\d{4})\s*[-/]\s*(\d{2,4})/.exec(text);
  if (two) return `${two[1]}-${two[2]!.slice(-2)}`;
  const one = /\d{4}/.exec(text);
  return one ? one[0] : kickoff.slice(0, 4);
}
