/**
 * The rule sets on real results entered by hand from public pages (test/fixtures/competition/*.json,
 * each match with its page; credits in test/fixtures/README.md), each test checked against the order
 * the competition really published, and against another rule set where that one would order them
 * differently. Also: the row text where the rules end, and groups found from who played whom.
 */
import { describe, expect, it } from 'vitest';
import {
  EURO_2016,
  EURO_2024,
  FIFA_2010,
  FIFA_2018,
  groupsOf,
  groupTables,
  rulesFor,
  type GroupTable,
  type MatchResult,
} from '../src/index.js';
import { handEntered, handResults, results } from './competition-data.js';

const row = (t: GroupTable, team: string) => t.rows.find((r) => r.team === team)!;
const order = (t: GroupTable) => t.rows.map((r) => r.team);

describe('UEFA EURO 2024 Group E (hand-entered): all four teams on 4 points', () => {
  const matches = handResults('euro2024-group-e.json');
  const t = groupTables(matches)[0]!;

  it('the entered results give the published table: 4 points each, Romania 4-3, Belgium 2-1, Slovakia 3-3, Ukraine 2-4', () => {
    expect(handEntered('euro2024-group-e.json').matches).toHaveLength(6);
    expect(t.rules.id).toBe('euro-2024');
    expect(t.rows.map((r) => [r.team, r.points, r.goalsFor, r.goalsAgainst])).toEqual([
      ['Romania', 4, 4, 3],
      ['Belgium', 4, 2, 1],
      ['Slovakia', 4, 3, 3],
      ['Ukraine', 4, 2, 4],
    ]);
  });

  it('Art. 20.01 a-c over the four-team mini-table: Romania above Belgium on goals scored, though Belgium won 2-0 between them', () => {
    // a) to c) are applied together before any re-application: head-to-head goal difference splits
    // {Romania, Belgium} (+1) from Slovakia (0) and Ukraine (-2), and c) head-to-head goals of the same
    // mini-table (4 to 2) decides; re-applying a) to Romania-Belgium alone would put Belgium first.
    expect(row(t, 'Romania')).toMatchObject({ rank: 1, separatedBy: 'head-to-head goals scored' });
    expect(row(t, 'Belgium')).toMatchObject({ rank: 2, separatedBy: 'head-to-head goals scored' });
    expect(row(t, 'Slovakia')).toMatchObject({ rank: 3, separatedBy: 'head-to-head goal difference' });
    expect(row(t, 'Ukraine')).toMatchObject({ rank: 4, level: false });
  });

  it('under the FIFA 2018/2022 order the places are the same (every team is in the mini-table) but overall criteria decide', () => {
    const fifa = groupTables(matches, { rules: FIFA_2018 })[0]!;
    expect(order(fifa)).toEqual(order(t));
    expect(row(fifa, 'Romania').separatedBy).toBe('goals scored');
    expect(row(fifa, 'Slovakia').separatedBy).toBe('goal difference');
  });
});

describe('UEFA EURO 2016 (hand-entered): head-to-head first, Art. 18.01', () => {
  it('Group E: Italy first on their 2-0 against Belgium; the FIFA 2018 order would have put Belgium first on goals (4 to 3)', () => {
    const matches = handResults('euro2016-group-e.json');
    const t = groupTables(matches)[0]!;
    expect(t.rules.id).toBe('euro-2016');
    expect(t.rows.map((r) => [r.team, r.points, r.goalDifference])).toEqual([
      ['Italy', 6, 2],
      ['Belgium', 6, 2],
      ['Republic of Ireland', 4, -2],
      ['Sweden', 1, -2],
    ]);
    expect(row(t, 'Italy').separatedBy).toBe('head-to-head points');
    const fifa = groupTables(matches, { rules: FIFA_2018 })[0]!;
    expect(order(fifa).slice(0, 2)).toEqual(['Belgium', 'Italy']);
    expect(row(fifa, 'Belgium').separatedBy).toBe('goals scored');
  });

  it('Group F: Hungary above Iceland on goal difference after their 1-1; Portugal third on three draws', () => {
    const t = groupTables(handResults('euro2016-group-f.json'))[0]!;
    expect(t.rules.id).toBe('euro-2016');
    expect(t.rows.map((r) => [r.rank, r.team, r.points])).toEqual([
      [1, 'Hungary', 5],
      [2, 'Iceland', 5],
      [3, 'Portugal', 3],
      [4, 'Austria', 1],
    ]);
    // Head-to-head points, goal difference and goals are all level (1-1): overall goal difference.
    expect(row(t, 'Hungary')).toMatchObject({ goalDifference: 2, separatedBy: 'goal difference' });
    expect(row(t, 'Iceland')).toMatchObject({ goalDifference: 1, separatedBy: 'goal difference' });
    expect(row(t, 'Portugal')).toMatchObject({ drawn: 3, won: 0, lost: 0, goalsFor: 4, goalsAgainst: 4 });
  });

  it('the competition and season choose the edition: 2016 and 2024 are distinct sets', () => {
    expect(rulesFor('UEFA EURO', '2016')).toBe(EURO_2016);
    expect(rulesFor('UEFA EURO', '2024')).toBe(EURO_2024);
  });
});

describe('where the rules end', () => {
  const wc2018 = results('worldcup.json/2018/worldcup.json', 'FIFA World Cup', '2018');

  it('World Cup 2018 Group H under the 2010/2014 rules (no fair play): Japan and Senegal are "not decided by the rules: drawing of lots"', () => {
    // AP, 28 June 2018: "Under the rules of the 2014 World Cup, a drawing of lots would have been used".
    const t = groupTables(wc2018, { group: 'H', rules: FIFA_2010 })[0]!;
    expect(t.rows.map((r) => [r.rank, r.team])).toEqual([
      [1, 'Colombia'],
      [2, 'Japan'],
      [2, 'Senegal'],
      [4, 'Poland'],
    ]);
    for (const team of ['Japan', 'Senegal'])
      expect(row(t, team)).toMatchObject({
        level: true,
        separatedBy: 'not decided by the rules: drawing of lots',
      });
    expect(row(t, 'Colombia').level).toBe(false);
  });
});

describe('groups from who played whom', () => {
  const wc2018 = results('worldcup.json/2018/worldcup.json', 'FIFA World Cup', '2018');
  // The same real matches with no group and no group in the round name ("Matchday 1" stays).
  const anonymous: MatchResult[] = wc2018.map((m) => {
    const fixture = { ...m.fixture, round: m.fixture.round.replace(/group\s+\w+/i, 'Stage') };
    delete fixture.group;
    return { ...m, fixture };
  });

  it('World Cup 2018 with every group name removed: the eight groups come back from who played whom', () => {
    const named = groupsOf(wc2018);
    const inferred = groupsOf(anonymous);
    expect(inferred.every((g) => !g.matches.some((m) => m.fixture.group))).toBe(true);
    expect(inferred).toHaveLength(8);
    const teams = (ms: readonly MatchResult[]) =>
      [...new Set(ms.flatMap((m) => [m.home.name, m.away.name]))].sort().join(', ');
    expect(new Set(inferred.map((g) => teams(g.matches)))).toEqual(
      new Set(named.map((g) => teams(g.matches))),
    );
    for (const g of inferred) expect(g.matches).toHaveLength(6);
    expect(inferred.find((g) => teams(g.matches).includes('Japan'))!.label).toMatch(
      /^Group \d \(Colombia, Japan, \.\.\.\)$/,
    );
  });

  it('the inferred groups give the tables of the named groups, row for row', () => {
    const rows = (ts: GroupTable[]) =>
      ts
        .map((t) => t.rows.map((r) => `${r.rank} ${r.team} ${r.points} ${r.separatedBy ?? ''}`).join('; '))
        .sort();
    const inferred = groupTables(anonymous);
    expect(inferred.every((t) => t.rules.id === 'fifa-2018')).toBe(true);
    expect(rows(inferred)).toEqual(rows(groupTables(wc2018)));
    expect(inferred.flatMap((t) => t.rows)).toHaveLength(32);
  });
});
