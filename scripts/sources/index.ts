/**
 * Hand-entered sources of the match library: the matches openfootball does not give in full (or at
 * all), entered from public match reports, and the managers' spells. Each match is an NDJSON file
 * under scripts/sources/matches/ with its citations here; the build stamps every event with a
 * `source` naming the file and event, and appends the citations to the fixture's notes.
 * Facts only: what a source does not give is left out and marked in the fixture's `coverage`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStream, type MatchEvent } from '../../src/events/index.js';
import { fold } from '../../src/match/fold.js';

export interface HandMatch {
  /** Where the stream goes under events/, without `.ndjson`; the source file has the same path. */
  readonly path: string;
  /** The openfootball stream (`<dir>/<season>/<openfootball id>`) this match replaces, if any. */
  readonly replaces: string | null;
  /** Where the facts come from (publisher, title, URL), in the order the notes name them. */
  readonly citations: readonly string[];
}

/** What the streams entered by an earlier session say of themselves (their fixture notes name the facts). */
const EARLIER = 'public match reports, entered by an earlier session (the fixture notes say which facts)';

export const HAND_MATCHES: readonly HandMatch[] = [
  {
    path: 'ucl/2020-21/group-d-md3-atalanta-liverpool',
    replaces: 'ucl/2020-21/2020-11-03-atalanta-liverpool-fc',
    citations: [EARLIER],
  },
  {
    path: 'ucl/2020-21/group-d-md4-liverpool-atalanta',
    replaces: 'ucl/2020-21/2020-11-25-liverpool-fc-atalanta',
    citations: ['seed 003 (BBC Sport live text, line-ups and statistics, 25 Nov 2020)'],
  },
  {
    path: 'ucl/2021-22/sf-leg1-manchester-city-real-madrid',
    replaces: 'ucl/2021-22/2022-04-26-manchester-city-real-madrid',
    citations: [EARLIER],
  },
  {
    path: 'ucl/2021-22/sf-leg2-real-madrid-manchester-city',
    replaces: 'ucl/2021-22/2022-05-04-real-madrid-manchester-city',
    citations: [EARLIER, 'seed 004 (5 May 2022: Kroos, Casemiro and Modrić replaced)'],
  },
  {
    path: 'ucl/2021-22/final-liverpool-real-madrid',
    replaces: 'ucl/2021-22/2022-05-28-liverpool-fc-real-madrid',
    citations: [EARLIER],
  },
  {
    path: 'ucl/2022-23/r16-leg1-liverpool-real-madrid',
    replaces: 'ucl/2022-23/2023-02-21-liverpool-fc-real-madrid',
    citations: [EARLIER, 'seed 002 (21 Feb 2023)'],
  },
  {
    path: 'ucl/2022-23/r16-leg2-real-madrid-liverpool',
    replaces: 'ucl/2022-23/2023-03-15-real-madrid-liverpool-fc',
    citations: [EARLIER, 'seed 000 (15 Mar 2023)'],
  },
  {
    path: 'ucl/1980-81/final-liverpool-real-madrid',
    replaces: null,
    citations: [
      'lfcineurope.com, 1981 European Cup Final (line-ups, goal, substitutions, referee, kick-off): http://www.lfcineurope.com/8081-5.html',
      'lfchistory.net, The Guardian match report of 27 May 1981 by David Lacey: https://www.lfchistory.net/Articles/Article/647',
      'liverpoolfc.com, Kennedy the hero as Reds beat Madrid: http://assets.liverpoolfc.tv/history/kennedy-the-hero-as-reds-beat-madrid',
    ],
  },
  {
    path: 'ucl/2008-09/r16-leg1-real-madrid-liverpool',
    replaces: null,
    citations: [
      'The Guardian: https://www.theguardian.com/football/2009/feb/25/real-madrid-liverpool-champions-league-live',
      'UEFA.com: https://www.uefa.com/uefachampionsleague/season=2009/matches/round=15277/match=302790/postmatch/report/index.html',
      'zerozero: https://www.zerozero.tr/live/2009-02-25-real-madrid-liverpool/672216',
      'ESPN: http://espnfc.com/gamecast?id=260515',
      'myliverpoolfc.org: http://myliverpoolfc.org/match250209.htm',
    ],
  },
  {
    path: 'ucl/2008-09/r16-leg2-liverpool-real-madrid',
    replaces: null,
    citations: [
      'The Guardian: https://www.theguardian.com/football/2009/mar/10/liverpool-real-madrid-champions-league-live-football',
      'UEFA.com: http://www.uefa.com/uefachampionsleague//season=2009/matches/round=15277/match=302794/postmatch/report/index.html',
      'The Independent: https://www.independent.co.uk/sport/football/european/reds-go-on-the-rampage-as-real-are-ripped-apart-1642204.html',
      'soccerticketsonline.com: https://soccerticketsonline.com/?p=23548',
      'alalamy1.yoo7.com: https://alalamy1.yoo7.com/t5653n-topic',
    ],
  },
];

export interface ManagerSpell {
  readonly team: { readonly id: string; readonly name: string };
  readonly manager: string;
  /** First day in charge (ISO date). */
  readonly from: string;
  /** Last day in charge; null while in office at the end of the data. */
  readonly to: string | null;
  readonly source: string;
}

export const MANAGER_SPELLS: readonly ManagerSpell[] = [
  {
    team: { id: 'liverpool', name: 'Liverpool' },
    manager: 'Brendan Rodgers',
    from: '2012-06-01',
    to: '2015-10-04',
    source: 'Liverpool FC announcements of 1 June 2012 (appointed) and 4 October 2015 (left the club)',
  },
  {
    team: { id: 'liverpool', name: 'Liverpool' },
    manager: 'Jürgen Klopp',
    from: '2015-10-08',
    to: '2024-05-19',
    source:
      'Liverpool FC announcement of 8 October 2015 (appointed); his last match was the Premier League game v Wolverhampton on 19 May 2024',
  },
];

/** Reads a hand-entered match, checks it folds strictly, and stamps provenance on every event. */
export function handStream(root: string, hand: HandMatch): MatchEvent[] {
  const file = join(root, 'scripts/sources/matches', `${hand.path}.ndjson`);
  const events = parseStream(readFileSync(file, 'utf8'), file);
  fold(events); // strict: a hand-entered stream that breaks a rule fails the build
  const cited = `Sources: ${hand.citations.join('; ')}.`;
  return events.map((e, i) => {
    const source = e.source ?? { provider: 'matchline-sources', id: `${hand.path}#${e.id}`.slice(-128) };
    if (i === 0 && e.type === 'fixture') {
      const f = e;
      const notes = f.notes?.includes(cited) ? f.notes : `${f.notes ? `${f.notes} ` : ''}${cited}`;
      return { ...f, notes: notes.slice(0, 1000), source };
    }
    return { ...e, source };
  });
}
