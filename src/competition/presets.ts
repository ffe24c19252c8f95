/**
 * Match rule presets by competition and era: kicks straight after 90 minutes (the English League
 * Cup), and the substitutions each era allowed. The fixture's `rules` carries the result; these are
 * what an importer or a user puts there.
 */
import type { Rules } from '../events/index.js';

/** EFL Cup ties before the semi-finals: level after 90 minutes -> kicks, no extra time [S] EFL rules. */
export const LEAGUE_CUP_TIE: Rules = {
  maxSubs: 3,
  maxOpportunities: null,
  extraTime: false,
  shootout: true,
  extraTimeExtraSub: false,
  concussionSubs: false,
  awayGoals: 'none',
};

interface SubstitutionEra {
  readonly competitions: RegExp;
  /** First kick-off (ISO date) from which the era applies. */
  readonly from: string;
  readonly maxSubs: number;
  readonly maxOpportunities: number | null;
  readonly extraTimeExtraSub: boolean;
  readonly source: string;
}

const UEFA_CLUB = /champions league|europa league|conference league/i;
const WORLD_CUP = /world cup/i;
const PREMIER = /premier league/i;

// Newest first: the first era whose start is not after the kick-off applies.
const ERAS: readonly SubstitutionEra[] = [
  // IFAB temporary amendment of May 2020 (five substitutes, three opportunities), used by UEFA from
  // the August 2020 final tournament and kept from 2020-21 on; one more in extra time [S] rules.md §2.2.
  {
    competitions: UEFA_CLUB,
    from: '2020-08-01',
    maxSubs: 5,
    maxOpportunities: 3,
    extraTimeExtraSub: true,
    source: 'IFAB 2020 amendment; UEFA from August 2020 [S]',
  },
  // A fourth substitute in extra time from 2018-19 [S] UEFA circular of 2018.
  {
    competitions: UEFA_CLUB,
    from: '2018-07-01',
    maxSubs: 3,
    maxOpportunities: null,
    extraTimeExtraSub: true,
    source: 'UEFA club competitions 2018-19: 3 + 1 in extra time [S]',
  },
  {
    competitions: UEFA_CLUB,
    from: '1995-07-01',
    maxSubs: 3,
    maxOpportunities: null,
    extraTimeExtraSub: false,
    source: 'Laws of the Game: 3 substitutes [S]',
  },
  {
    competitions: WORLD_CUP,
    from: '2022-01-01',
    maxSubs: 5,
    maxOpportunities: 3,
    extraTimeExtraSub: true,
    source: 'FIFA World Cup 2022 regulations [S]',
  },
  {
    competitions: WORLD_CUP,
    from: '2018-01-01',
    maxSubs: 3,
    maxOpportunities: null,
    extraTimeExtraSub: true,
    source: 'FIFA World Cup 2018: a fourth in extra time [S]',
  },
  {
    competitions: WORLD_CUP,
    from: '1998-01-01',
    maxSubs: 3,
    maxOpportunities: null,
    extraTimeExtraSub: false,
    source: 'Laws of the Game: 3 substitutes [S]',
  },
  // Premier League: five from the June 2020 restart to the end of 2019-20, three again in 2020-21 and
  // 2021-22, five from 2022-23 [S].
  {
    competitions: PREMIER,
    from: '2022-07-01',
    maxSubs: 5,
    maxOpportunities: 3,
    extraTimeExtraSub: false,
    source: 'Premier League from 2022-23: 5 substitutes [S]',
  },
  {
    competitions: PREMIER,
    from: '2020-08-01',
    maxSubs: 3,
    maxOpportunities: null,
    extraTimeExtraSub: false,
    source: 'Premier League 2020-21, 2021-22: 3 substitutes [S]',
  },
  {
    competitions: PREMIER,
    from: '2020-06-01',
    maxSubs: 5,
    maxOpportunities: 3,
    extraTimeExtraSub: false,
    source: 'Premier League restart of June 2020: 5 substitutes [S]',
  },
  {
    competitions: PREMIER,
    from: '1995-07-01',
    maxSubs: 3,
    maxOpportunities: null,
    extraTimeExtraSub: false,
    source: 'Laws of the Game: 3 substitutes [S]',
  },
];

export interface SubstitutionRules {
  readonly maxSubs: number;
  readonly maxOpportunities: number | null;
  readonly extraTimeExtraSub: boolean;
  readonly source: string;
}

/** The substitutions allowed in a competition on a kick-off date (null when no era is known). */
export function substitutionRules(competition: string, kickoff: string): SubstitutionRules | null {
  const day = kickoff.slice(0, 10);
  const era = ERAS.find((e) => e.competitions.test(competition) && day >= e.from);
  if (!era) return null;
  const { maxSubs, maxOpportunities, extraTimeExtraSub, source } = era;
  return { maxSubs, maxOpportunities, extraTimeExtraSub, source };
}

/** A fixture's rules with the substitutions of its era filled in (others unchanged). */
export function withEraSubstitutions(rules: Rules, competition: string, kickoff: string): Rules {
  const era = substitutionRules(competition, kickoff);
  return era
    ? {
        ...rules,
        maxSubs: era.maxSubs,
        maxOpportunities: era.maxOpportunities,
        extraTimeExtraSub: era.extraTimeExtraSub,
      }
    : rules;
}
