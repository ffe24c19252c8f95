/**
 * Tables on real data nobody here wrote (openfootball, CC0): one table per group, the rule set of the
 * competition and season, and the criterion that really decided each tie-break.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fold,
  groupTables,
  rankAcrossGroups,
  toMatchResult,
  rulesFor,
  type GroupTable,
  type MatchResult,
  type ReportedCard,
} from '../src/index.js';
import { results, teamsOfRound } from './competition-data.js';
import { ROOT, seed } from './helpers.js';

const row = (t: GroupTable, team: string) => t.rows.find((r) => r.team === team)!;
const byKey = (tables: GroupTable[]) => new Map(tables.map((t) => [t.key, t]));
const KNOCKOUT = /round of 16|8th finals|eighth/i;

/** The top two of every group are exactly the teams of the first knockout round. */
function expectTopTwoQualify(tables: GroupTable[], all: MatchResult[], firstKnockout: RegExp, thirds = 0) {
  const next = teamsOfRound(all, firstKnockout);
  const top = tables.flatMap((t) => t.rows.slice(0, 2).map((r) => r.team));
  for (const team of top) expect(next.has(team), team).toBe(true);
  expect(next.size).toBe(top.length + thirds);
  for (const t of tables) expect(next.has(t.rows[3]!.team), t.rows[3]!.team).toBe(false);
}

describe('World Cup 2018 (openfootball worldcup.json): the FIFA 2018 rule set', () => {
  const all = results('worldcup.json/2018/worldcup.json', 'FIFA World Cup', '2018');
  const tables = groupTables(all);
  const g = byKey(tables);
  const report = JSON.parse(
    readFileSync(join(ROOT, 'test/fixtures/competition/wc2018-group-h-cards.json'), 'utf8'),
  ) as { cards: ReportedCard[] };

  it('one table per group, eight groups of four, decided by the FIFA 2018/2022 rules', () => {
    expect(tables.map((t) => t.key)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    for (const t of tables) {
      expect(t.rows).toHaveLength(4);
      expect(t.rules.id).toBe('fifa-2018');
    }
    expectTopTwoQualify(groupTables(all, { cards: report.cards }), all, KNOCKOUT);
  });

  it('Group B: Spain above Portugal on goals scored (both 5 points, GD +1)', () => {
    const t = g.get('B')!;
    expect(t.rows.map((r) => r.team)).toEqual(['Spain', 'Portugal', 'Iran', 'Morocco']);
    expect(row(t, 'Spain')).toMatchObject({
      points: 5,
      goalDifference: 1,
      goalsFor: 6,
      separatedBy: 'goals scored',
    });
    expect(row(t, 'Portugal')).toMatchObject({ points: 5, goalDifference: 1, goalsFor: 5 });
  });

  it('Group H without bookings: Japan and Senegal share second place and the row says fair play is needed', () => {
    const t = g.get('H')!;
    expect(t.rows.map((r) => [r.rank, r.team])).toEqual([
      [1, 'Colombia'],
      [2, 'Japan'],
      [2, 'Senegal'],
      [4, 'Poland'],
    ]);
    expect(row(t, 'Japan').level).toBe(true);
    expect(row(t, 'Japan').separatedBy).toMatch(/^not decided: fair play points: .* record no bookings/);
  });

  it('Group H with the yellow cards of the AP report: Japan through on fair play points, -4 against -6', () => {
    const t = groupTables(all, { group: 'H', cards: report.cards })[0]!;
    expect(t.rows.map((r) => r.team)).toEqual(['Colombia', 'Japan', 'Senegal', 'Poland']);
    // Level on points, goal difference, goals and the 2-2 between them: only fair play separates them.
    for (const team of ['Japan', 'Senegal'])
      expect(row(t, team)).toMatchObject({
        points: 4,
        goalDifference: 0,
        goalsFor: 4,
        separatedBy: 'fair play points',
        level: false,
      });
    expect(row(t, 'Japan').disciplinary).toBe(4);
    expect(row(t, 'Senegal').disciplinary).toBe(6);
    expect(teamsOfRound(all, KNOCKOUT).has('Japan')).toBe(true);
    expect(teamsOfRound(all, KNOCKOUT).has('Senegal')).toBe(false);
  });

  it('the UEFA club rules chosen by the year alone would put Senegal second: the competition picks the set', () => {
    expect(rulesFor('FIFA World Cup', '2018').id).toBe('fifa-2018');
    expect(rulesFor('UEFA Champions League', '2018-19').id).toBe('uefa-2018');
  });
});

describe('World Cup 2022 (openfootball worldcup.json)', () => {
  const all = results('worldcup.json/2022/worldcup.json', 'FIFA World Cup', '2022');
  const tables = groupTables(all);
  const g = byKey(tables);

  it('eight group tables (no knockout match in any) whose top two reach the round of 16', () => {
    expect(tables).toHaveLength(8);
    expect(tables.every((t) => t.counted.length === 6)).toBe(true);
    expectTopTwoQualify(tables, all, KNOCKOUT);
  });

  it('the real deciding criteria: goal difference in C, D, E and G; goals scored in H', () => {
    const decided = (key: string, team: string) => row(g.get(key)!, team).separatedBy;
    expect(decided('C', 'Poland')).toBe('goal difference');
    expect(row(g.get('C')!, 'Mexico').rank).toBe(3);
    expect(decided('D', 'France')).toBe('goal difference');
    expect(decided('E', 'Spain')).toBe('goal difference');
    expect(row(g.get('E')!, 'Germany').rank).toBe(3);
    expect(decided('G', 'Brazil')).toBe('goal difference');
    expect(row(g.get('H')!, 'South Korea')).toMatchObject({
      rank: 2,
      separatedBy: 'goals scored',
      goalsFor: 4,
    });
    expect(row(g.get('H')!, 'Uruguay')).toMatchObject({ rank: 3, goalsFor: 2 });
    expect(tables.flatMap((t) => t.rows).filter((r) => r.level)).toEqual([]);
  });
});

describe('Euro 2020 (openfootball euro.json): head-to-head first', () => {
  const all = results('euro.json/2020/euro.json', 'UEFA EURO', '2020');
  const tables = groupTables(all);
  const g = byKey(tables);

  it('six groups under the EURO 2020 rule set', () => {
    expect(tables.map((t) => [t.key, t.rules.id])).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((k) => [k, 'euro-2020']),
    );
  });

  it('Group B: Denmark, Finland and Russia on 3 points, ordered by the mini-table’s goal difference', () => {
    const t = g.get('B')!;
    expect(t.rows.map((r) => r.team)).toEqual(['Belgium', 'Denmark', 'Finland', 'Russia']);
    for (const team of ['Denmark', 'Finland', 'Russia'])
      expect(row(t, team)).toMatchObject({ points: 3, separatedBy: 'head-to-head goal difference' });
  });

  it('Group F: Germany above Portugal on head-to-head points (4-2); Group A: Wales above Switzerland on goal difference after a 1-1', () => {
    expect(row(g.get('F')!, 'Germany')).toMatchObject({ rank: 2, separatedBy: 'head-to-head points' });
    expect(row(g.get('F')!, 'Portugal')).toMatchObject({ rank: 3, points: 4 });
    expect(row(g.get('A')!, 'Wales')).toMatchObject({ rank: 2, separatedBy: 'goal difference' });
    expect(row(g.get('D')!, 'Croatia')).toMatchObject({ rank: 2, separatedBy: 'goals scored' });
  });

  it('the four best third-placed teams, ranked across groups, are the ones in the round of 16', () => {
    const thirds = rankAcrossGroups(
      tables.map((t) => ({ group: t.key, row: t.rows[2]! })),
      tables[0]!.rules,
    );
    const through = thirds.slice(0, 4).map((e) => e.row.team);
    expect(new Set(through)).toEqual(new Set(['Portugal', 'Czech Republic', 'Switzerland', 'Ukraine']));
    // Ukraine (3 points, GD -1) above Finland (3, -2) on goal difference; Portugal above the Czech
    // Republic (4 points, GD +1 each) on goals scored.
    expect(thirds[3]).toMatchObject({
      row: { team: 'Ukraine', points: 3, goalDifference: -1 },
      separatedBy: 'goal difference',
    });
    expect(thirds[0]).toMatchObject({ row: { team: 'Portugal', goalsFor: 7 }, separatedBy: 'goals scored' });
    expectTopTwoQualify(tables, all, KNOCKOUT, 4);
  });
});

describe('Champions League 2011-12 to 2023-24 (openfootball cl.txt): every group boundary', () => {
  const seasons = [
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
  ];
  it.each(seasons)(
    '%s: eight tables of four; the top two are the round-of-16 teams; none is left to lots',
    (season) => {
      const all = results(`champions-league/${season}/cl.txt`, 'UEFA Champions League', season);
      const tables = groupTables(all);
      expect(tables).toHaveLength(8);
      expect(tables[0]!.rules.id).toBe(rulesFor('UEFA Champions League', season).id);
      for (const t of tables) expect(t.rows).toHaveLength(4);
      expectTopTwoQualify(tables, all, /round of 16/i);
      expect(tables.flatMap((t) => t.rows).filter((r) => r.level)).toEqual([]);
    },
  );
});

describe('the table at any point, and live', () => {
  const dir = 'ucl/2020-21';
  const groupD = readdirSync(join(ROOT, 'events', dir))
    // Group D as the seed articles knew it, after matchday 4 (events/ also holds MD5 and MD6).
    .filter((f) => /^group-d-md[1-4]-/.test(f))
    .map((f) => ({ f, events: seed(`${dir}/${f}`) }));
  const liverpoolAtalanta = 'group-d-md4-liverpool-atalanta.ndjson';

  it('Group D while Liverpool v Atalanta is being played: 0-1 after Ilicic’s goal counts only with live', () => {
    const matches = groupD.map(({ f, events }) => {
      if (f !== liverpoolAtalanta) return toMatchResult(fold(events), f);
      const firstGoal = events.findIndex((e) => e.type === 'goal');
      return toMatchResult(fold(events.slice(0, firstGoal + 1)), f);
    });
    const current = matches.find((m) => m.id === liverpoolAtalanta)!;
    expect(current).toMatchObject({ standing: 'live', score: { home: 0, away: 1 } });
    const before = groupTables(matches)[0]!;
    expect(before.rows.find((r) => r.team === 'Atalanta')).toMatchObject({ points: 4, played: 3 });
    const live = groupTables(matches, { live: true })[0]!;
    expect(live.rows.find((r) => r.team === 'Atalanta')).toMatchObject({ points: 7, played: 4, live: 1 });
    expect(live.notes).toContain('Liverpool 0-1 Atalanta: in progress');
  });

  it('the table after matchday 2, by matchday or by date, is the same table', () => {
    const matches = groupD.map(({ f, events }) => toMatchResult(fold(events), f));
    const byDay = groupTables(matches, { until: '2020-10-27' })[0]!;
    const byMatchday = groupTables(matches, { untilMatchday: 2 })[0]!;
    expect(byDay.rows.map((r) => [r.team, r.points])).toEqual(byMatchday.rows.map((r) => [r.team, r.points]));
    expect(byDay.counted).toHaveLength(4);
    expect(byDay.remaining).toHaveLength(4);
  });
});
