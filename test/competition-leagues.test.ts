/**
 * Leagues, sanctions and irregular matches on real data (openfootball England and Europa League),
 * presets by era, and one identity per club.
 */
import { describe, expect, it } from 'vitest';
import {
  computeTable,
  decideTie,
  defaultTeams,
  findTeam,
  fold,
  groupTables,
  identifyTeams,
  isMatchlineError,
  LEAGUE_CUP_TIE,
  substitutionRules,
  toMatchResult,
  type CompetitionDecisionEvent,
  type MatchEvent,
} from '../src/index.js';
import { loadFile, parse, results } from './competition-data.js';

const SEASONS = [
  // champion (points), the three relegated clubs (bottom up), as in the final tables of each season.
  {
    season: '2015-16',
    champion: 'Leicester City',
    points: 81,
    relegated: ['Aston Villa', 'Norwich City', 'Newcastle United'],
  },
  {
    season: '2016-17',
    champion: 'Chelsea FC',
    points: 93,
    relegated: ['Sunderland AFC', 'Middlesbrough FC', 'Hull City'],
  },
  {
    season: '2017-18',
    champion: 'Manchester City',
    points: 100,
    relegated: ['West Bromwich Albion', 'Stoke City', 'Swansea City'],
  },
  {
    season: '2018-19',
    champion: 'Manchester City',
    points: 98,
    relegated: ['Huddersfield Town', 'Fulham FC', 'Cardiff City'],
  },
  {
    season: '2019-20',
    champion: 'Liverpool FC',
    points: 99,
    relegated: ['Norwich City', 'Watford FC', 'AFC Bournemouth'],
  },
  {
    season: '2020-21',
    champion: 'Manchester City FC',
    points: 86,
    relegated: ['Sheffield United FC', 'West Bromwich Albion FC', 'Fulham FC'],
  },
];

const premierLeague = (season: string) =>
  results(`england/${season}/1-premierleague.txt`, 'English Premier League', season);

describe('Premier League 2015-16 to 2020-21 (openfootball england)', () => {
  it.each(SEASONS)(
    '$season: one table of 20, champion $champion on $points points, the relegated clubs',
    ({ season, champion, points, relegated }) => {
      const tables = groupTables(premierLeague(season));
      expect(tables).toHaveLength(1);
      const { rows, rules, counted } = tables[0]!;
      expect(counted).toHaveLength(380);
      expect(rules.id).toBe(
        Number(season.slice(0, 4)) >= 2019 ? 'premier-league-2019' : 'premier-league-1992',
      );
      expect(rows).toHaveLength(20);
      expect(rows[0]).toMatchObject({ team: champion, points, rank: 1 });
      expect(
        rows
          .slice(17)
          .map((r) => r.team)
          .reverse(),
      ).toEqual(relegated);
      expect(rows.every((r) => r.played === 38)).toBe(true);
    },
  );

  it('2019-20: Bournemouth and Watford both on 34, Bournemouth above on goal difference (-25 against -28)', () => {
    const { rows } = computeTable(premierLeague('2019-20'));
    expect(rows.find((r) => r.team === 'AFC Bournemouth')).toMatchObject({
      rank: 18,
      points: 34,
      goalDifference: -25,
      separatedBy: 'goal difference',
    });
    expect(rows.find((r) => r.team === 'Watford FC')).toMatchObject({
      rank: 19,
      points: 34,
      goalDifference: -28,
    });
    expect(rows.find((r) => r.team === 'Aston Villa')).toMatchObject({ rank: 17, points: 35 });
  });

  it('2017-18: Swansea and Stoke both on 33, Swansea 18th on goal difference', () => {
    const { rows } = computeTable(premierLeague('2017-18'));
    expect(rows.find((r) => r.team === 'Swansea City')).toMatchObject({
      rank: 18,
      points: 33,
      separatedBy: 'goal difference',
    });
    expect(rows.find((r) => r.team === 'Stoke City')).toMatchObject({ rank: 19, points: 33 });
  });
});

const deduction = (
  team: { id: string; name: string },
  points: number,
  date: string,
): CompetitionDecisionEvent => ({
  id: `deduct-${team.id}-${date}`,
  type: 'competitionDecision',
  competition: 'English Premier League',
  season: '2019-20',
  decision: 'pointsDeduction',
  team,
  points,
  date,
  reason: 'a test sanction',
});

describe('points deductions as competition decisions', () => {
  const matches = premierLeague('2019-20');
  const plain = computeTable(matches).rows;
  const villa = plain.find((r) => r.team === 'Aston Villa')!;

  it('a deduction moves exactly that club by its points, and is written under the table', () => {
    const d = deduction({ id: villa.teamId, name: villa.team }, 2, '2020-07-01');
    const { rows, notes } = computeTable(matches, { decisions: [d] });
    const after = rows.find((r) => r.teamId === villa.teamId)!;
    expect(after).toMatchObject({ points: 33, matchPoints: 35, deducted: 2, rank: 19 });
    // Everyone else keeps their points; Bournemouth and Watford move up one place each.
    for (const r of rows.filter((x) => x.teamId !== villa.teamId))
      expect(r.points).toBe(plain.find((p) => p.teamId === r.teamId)!.points);
    expect(rows.slice(16, 19).map((r) => r.team)).toEqual(['AFC Bournemouth', 'Watford FC', 'Aston Villa']);
    expect(notes).toContain('Aston Villa: 2 points deducted (2020-07-01: a test sanction)');
  });

  it('a table before the decision’s date does not apply it', () => {
    const d = deduction({ id: villa.teamId, name: villa.team }, 2, '2030-01-01');
    expect(
      computeTable(matches, { decisions: [d], until: '2029-12-31' }).rows.find(
        (r) => r.teamId === villa.teamId,
      )!.points,
    ).toBe(35);
  });

  it('a decision without what its kind needs is refused with DECISION_INVALID', () => {
    const broken = {
      ...deduction({ id: villa.teamId, name: villa.team }, 2, '2020-07-01'),
      points: undefined,
    };
    let error: unknown;
    try {
      computeTable(matches, { decisions: [broken] });
    } catch (e) {
      error = e;
    }
    expect(isMatchlineError(error) && error.code).toBe('DECISION_INVALID');
  });
});

describe('awarded and cancelled matches', () => {
  it('Europa League 2020-21 Group I: Villarreal v Qarabağ, awarded 3-0, is counted with that score and marked', () => {
    const all = results('champions-league/2020-21/el.txt', 'UEFA Europa League', '2020-21');
    const match = all.find((m) => m.home.name === 'Villarreal CF' && m.away.name === 'Qarabağ FK')!;
    expect(match).toMatchObject({ awarded: true, standing: 'awarded' });
    const t = groupTables(all, { group: 'I' })[0]!;
    const villarreal = t.rows.find((r) => r.team === 'Villarreal CF')!;
    expect(villarreal).toMatchObject({ rank: 1, awarded: 1, played: 6 });
    expect(t.counted.find((m) => m.id === match.id)).toMatchObject({
      awarded: true,
      standing: 'awarded',
      score: { home: 3, away: 0 },
    });
    expect(t.notes).toContain('Villarreal CF 3-0 Qarabağ FK: result awarded');
    // The top two of the group are the two of its teams in the round of 32.
    const r32 = new Set(
      all
        .filter((m) => /round of 32|sechzehntelfinale/i.test(m.fixture.round))
        .flatMap((m) => [m.home.name, m.away.name]),
    );
    expect(t.rows.slice(0, 2).every((r) => r32.has(r.team)) && !r32.has(t.rows[2]!.team)).toBe(true);
  });

  it('a resultAwarded decision turns a fixture into an awarded result from its date', () => {
    const all = results('champions-league/2020-21/el.txt', 'UEFA Europa League', '2020-21');
    const match = all.find((m) => m.home.name === 'Sivasspor' && m.away.name === 'Villarreal CF')!;
    const decision: CompetitionDecisionEvent = {
      id: 'award',
      type: 'competitionDecision',
      competition: 'UEFA Europa League',
      season: '2020-21',
      decision: 'resultAwarded',
      match: match.id,
      home: 3,
      away: 0,
      date: '2020-12-04',
      reason: 'a test decision',
    };
    const before = groupTables(all, { group: 'I', decisions: [decision], until: '2020-12-03' })[0]!;
    const after = groupTables(all, { group: 'I', decisions: [decision] })[0]!;
    expect(before.counted.find((m) => m.id === match.id)).toMatchObject({
      awarded: false,
      score: { home: 0, away: 1 },
    });
    expect(after.counted.find((m) => m.id === match.id)).toMatchObject({
      awarded: true,
      score: { home: 3, away: 0 },
    });
    expect(after.rows.find((r) => r.team === 'Sivasspor')!.points).toBe(
      before.rows.find((r) => r.team === 'Sivasspor')!.points + 3,
    );
  });

  it('a cancelled match leaves the table and is not a remaining fixture', () => {
    const all = results('champions-league/2020-21/el.txt', 'UEFA Europa League', '2020-21');
    const match = all.find((m) => m.home.name === 'Villarreal CF' && m.away.name === 'Qarabağ FK')!;
    const cancelled: CompetitionDecisionEvent = {
      id: 'cancel',
      type: 'competitionDecision',
      competition: 'UEFA Europa League',
      season: '2020-21',
      decision: 'matchCancelled',
      match: match.id,
      date: '2020-12-10',
      reason: 'not played',
    };
    const t = groupTables(all, { group: 'I', decisions: [cancelled] })[0]!;
    expect(t.rows.find((r) => r.team === 'Villarreal CF')!.played).toBe(5);
    expect(t.remaining.some((m) => m.id === match.id)).toBe(false);
    expect(t.notes).toContain('Villarreal CF v Qarabağ FK: cancelled (not played)');
  });
});

describe('presets: kicks without extra time, substitutions by era', () => {
  it('League Cup 2019-20: Blackpool 2-2 Macclesfield, 2-4 on kicks straight after 90 minutes', () => {
    const cup = loadFile('england/2019-20/eflcup.txt', 'EFL Cup', '2019-20');
    const m = cup.streams.find(
      (x) => x.match.home === 'Blackpool FC' && x.match.away === 'Macclesfield Town',
    )!.match;
    expect([m.ft, m.pens, m.aet]).toEqual([[2, 2], [2, 4], null]);
    const events = [
      {
        id: 'f',
        type: 'fixture',
        competition: 'EFL Cup',
        season: '2019-20',
        round: m.round,
        leg: 'single',
        home: { id: 'blackpool', name: m.home },
        away: { id: 'macclesfield-town', name: m.away },
        kickoff: '2019-08-13T19:45:00Z',
        rules: LEAGUE_CUP_TIE,
      },
      { id: 'r', type: 'resultRecorded', fullTime: { home: 2, away: 2 }, shootout: { home: 2, away: 4 } },
    ] as unknown as MatchEvent[];
    const state = fold(events);
    expect(state.warnings).toEqual([]);
    const tie = decideTie(toMatchResult(state, 'blackpool-macclesfield'));
    expect(tie).toMatchObject({
      status: 'decided',
      decidedBy: 'penalties',
      winner: { name: 'Macclesfield Town' },
    });
    expect(toMatchResult(state, 'x').extraTimePlayed).toBe(false);
  });

  it('Champions League before August 2020: 3 substitutes (a fourth in extra time from 2018-19); 5 in 3 windows after', () => {
    expect(substitutionRules('UEFA Champions League', '2016-03-08')).toMatchObject({
      maxSubs: 3,
      extraTimeExtraSub: false,
    });
    expect(substitutionRules('UEFA Champions League', '2019-05-07')).toMatchObject({
      maxSubs: 3,
      extraTimeExtraSub: true,
    });
    expect(substitutionRules('UEFA Champions League', '2020-08-23')).toMatchObject({
      maxSubs: 5,
      maxOpportunities: 3,
    });
    expect(substitutionRules('English Premier League', '2020-10-17')).toMatchObject({ maxSubs: 3 });
    expect(substitutionRules('Unknown Cup', '2020-10-17')).toBeNull();
  });
});

describe('one identity per club', () => {
  const teams = defaultTeams();

  it('every club name of the stored Champions League and Premier League seasons resolves', () => {
    const files = [
      ...[
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
      ].map((s) => `champions-league/${s}/cl.txt`),
      ...['2015-16', '2016-17', '2017-18', '2018-19', '2019-20', '2020-21', '2025-26'].map(
        (s) => `england/${s}/1-premierleague.txt`,
      ),
    ];
    const unknown = new Set<string>();
    for (const f of files)
      for (const m of parse(f).matches)
        for (const n of [m.home, m.away]) if (!teams.lookup(n)) unknown.add(n);
    expect([...unknown]).toEqual([]);
  });

  it('"Real Madrid" (to 2022-23) and "Real Madrid CF" (from 2023-24) are one club; so are the EFL Cup and league spellings', () => {
    expect(teams.resolve('Real Madrid', { source: 'openfootball', season: '2021-22' }).id).toBe(
      'real-madrid',
    );
    expect(teams.resolve('Real Madrid CF (ESP)', { source: 'openfootball', season: '2023-24' }).id).toBe(
      'real-madrid',
    );
    expect(teams.resolve('Nottingham Forest').id).toBe(teams.resolve('Nottingham Forest FC').id);
    expect(teams.resolve('Bor. Mönchengladbach').id).toBe('borussia-monchengladbach');
  });

  it('an unknown name is an error with suggestions, never a silent new team', () => {
    let error: unknown;
    try {
      teams.resolve('Real Madird');
    } catch (e) {
      error = e;
    }
    expect(isMatchlineError(error) && error.code).toBe('UNKNOWN_TEAM');
    expect(String(error)).toContain('did you mean "Real Madrid CF"');
  });

  it('the directory is extendable: a club it lacks, and more names for a known one', () => {
    const more = teams.extend([
      { id: 'bury', name: 'Bury FC', country: 'ENG' },
      { id: 'liverpool', name: 'Liverpool FC', aliases: ['The Reds'] },
    ]);
    expect(more.resolve('Bury').id).toBe('bury');
    expect(more.resolve('The Reds').id).toBe('liverpool');
    expect(teams.lookup('Bury')).toBeNull();
  });

  it('canonical ids join seasons: Real Madrid of 2021-22 and Real Madrid CF of 2023-24 are one team', () => {
    const a = identifyTeams(
      results('champions-league/2021-22/cl.txt', 'UEFA Champions League', '2021-22'),
      teams,
    );
    const b = identifyTeams(
      results('champions-league/2023-24/cl.txt', 'UEFA Champions League', '2023-24'),
      teams,
    );
    const ids = new Set([...a, ...b].filter((m) => /real madrid/i.test(m.home.name)).map((m) => m.home.id));
    expect(ids).toEqual(new Set(['real-madrid']));
    expect(findTeam([...a, ...b], 'Real Madrid CF').id).toBe('real-madrid');
    let error: unknown;
    try {
      findTeam([...a, ...b], 'Liverpol');
    } catch (e) {
      error = e;
    }
    expect(isMatchlineError(error) && error.code).toBe('UNKNOWN_TEAM');
  });
});
