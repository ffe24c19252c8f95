/** Records with filters on the Champions League history 2011-12 to 2025-26 (openfootball cl.txt). */
import { describe, expect, it } from 'vitest';
import {
  defaultTeams,
  findTeam,
  headToHead,
  identifyTeams,
  isMatchlineError,
  sinceLast,
  teamRecord,
  throughToRound,
  type MatchResult,
} from '../src/index.js';
import { results } from './competition-data.js';

const SEASONS = [
  '2011-12',
  '2012-13',
  '2013-14',
  '2014-15',
  '2015-16',
  '2016-17',
  '2017-18',
  '2018-19',
  '2019-20',
  '2020-21',
  '2021-22',
  '2022-23',
  '2023-24',
  '2025-26',
];
const history: MatchResult[] = identifyTeams(
  SEASONS.flatMap((s) => results(`champions-league/${s}/cl.txt`, 'UEFA Champions League', s)),
  defaultTeams(),
);

describe('records with filters', () => {
  it('seed 003: Atalanta had won their last four Champions League away games, scoring 13 (three clean sheets)', () => {
    const away = teamRecord(history, 'Atalanta', { venue: 'away', until: '2020-11-25' });
    expect(away.current.wins).toMatchObject({ length: 4, goalsFor: 13, goalsAgainst: 3 });
    expect(away.matches.slice(-4).map((m) => [m.opponent, `${m.goalsFor}-${m.goalsAgainst}`])).toEqual([
      ['Shakhtar Donetsk', '3-0'],
      ['Valencia CF', '4-3'],
      ['FC Midtjylland', '4-0'],
      ['Liverpool FC', '2-0'],
    ]);
    expect(away.matches.slice(-4).filter((m) => m.goalsAgainst === 0)).toHaveLength(3);
  });

  it('seed 002: of Liverpool’s Champions League meetings with Real Madrid up to February 2023, Madrid won six', () => {
    const h2h = headToHead(history, 'liverpool', 'real-madrid', { until: '2023-02-21' });
    // The data starts in 2011-12: the 1981 final and the 2009 round of 16 (the other three of the
    // seed's "10 meetings") are not in it; all six Madrid wins are.
    expect(h2h).toMatchObject({ played: 7, wins: [0, 6], draws: 1, goals: [4, 16] });
  });

  it('one club across its names: "Real Madrid" to 2022-23 and "Real Madrid CF" in 2023-24 and 2025-26', () => {
    const all = headToHead(history, 'Liverpool FC', 'Real Madrid CF');
    expect(all.played).toBe(9);
    const latest = teamRecord(history, 'liverpool', { opponent: 'real-madrid', from: '2025-01-01' });
    expect(latest.matches.map((m) => [m.opponent, m.outcome, `${m.goalsFor}-${m.goalsAgainst}`])).toEqual([
      ['Real Madrid CF', 'W', '1-0'],
    ]);
    // "First win over Madrid since": none in the data before November 2025 (the last was 2009).
    const since = sinceLast(
      history,
      'liverpool',
      (m, side) => m.score[side] > m.score[side === 'home' ? 'away' : 'home'],
      latest.matches[0]!.id,
      { opponent: 'real-madrid' },
    );
    expect(since).toMatchObject({ last: null, gamesBefore: 8 });
  });

  it('filters by season, competition and venue; goals for and against in form and runs', () => {
    const home = teamRecord(history, 'liverpool', { season: '2020-21', venue: 'home' });
    expect(home.played).toBe(5); // three group matches, Leipzig (in Budapest, designated home) and Real Madrid
    expect(home.matches.every((m) => m.venue === 'home' && m.season === '2020-21')).toBe(true);
    expect(home.goalsFor).toBe(home.matches.reduce((n, m) => n + m.goalsFor, 0));
    expect(teamRecord(history, 'liverpool', { competition: 'europa' }).played).toBe(0);
  });

  it('"first in N games": Liverpool’s home defeat by Atalanta was their first by two or more goals in the Champions League data since …', () => {
    const match = teamRecord(history, 'liverpool', { season: '2020-21' }).matches.find(
      (m) => m.opponent === 'Atalanta' && m.venue === 'home',
    )!;
    const heavyHome = (m: MatchResult, side: 'home' | 'away') =>
      side === 'home' && m.score.away - m.score.home >= 2;
    const since = sinceLast(history, 'liverpool', heavyHome, match.id);
    // Real Madrid 3-0 at Anfield, October 2014, then every Liverpool match up to November 2020.
    expect(since.last?.kickoff.slice(0, 10)).toBe('2014-10-22');
    expect(since.last?.score).toEqual({ home: 0, away: 3 });
    // 3 more in 2014-15, 13 in 2017-18, 13 in 2018-19, 8 in 2019-20, 3 in 2020-21 before Atalanta.
    expect(since.gamesBetween).toBe(40);
  });

  it('an unknown team is an error with suggestions, never "played: 0"', () => {
    let error: unknown;
    try {
      findTeam(history, 'Liverpol');
    } catch (e) {
      error = e;
    }
    expect(isMatchlineError(error) && error.code).toBe('UNKNOWN_TEAM');
    expect(findTeam(history, 'Liverpool').id).toBe('liverpool');
  });
});

describe('teams through to a round, in the order they qualified', () => {
  const season = results('champions-league/2022-23/cl.txt', 'UEFA Champions League', '2022-23');

  it('seed 000: Real Madrid (with Napoli, on 15 March 2023) were the last to join the quarter-finalists', () => {
    const qf = throughToRound(season, /^Quarter/i);
    expect(qf).toHaveLength(8);
    expect(qf.every((e) => e.how === 'tie' && e.via === 'Round of 16')).toBe(true);
    expect(new Set(qf.map((e) => e.team.name))).toEqual(
      new Set([
        'Bayern München',
        'Chelsea FC',
        'AC Milan',
        'SL Benfica',
        'Manchester City',
        'Inter',
        'SSC Napoli',
        'Real Madrid',
      ]),
    );
    expect(qf.filter((e) => e.order === 7).map((e) => e.team.name)).toEqual(['Real Madrid', 'SSC Napoli']);
    expect(qf.at(-1)!.settled).toBe('2023-03-15');
  });

  it('from the groups, a place is settled when it is clinched: Club Brugge through after four matches', () => {
    const r16 = throughToRound(season, /^Round of 16/i);
    expect(r16).toHaveLength(16);
    expect(r16.find((e) => e.team.name === 'Club Brugge KV')).toMatchObject({
      how: 'group',
      settled: '2022-10-12',
    });
    expect(r16.at(-1)!.settled > r16[0]!.settled).toBe(true);
  }, 60_000); // eight groups, each asked on several days (about 4 s alone)
});
