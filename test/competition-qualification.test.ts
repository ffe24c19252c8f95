/**
 * Qualification after matchday 4 of the 2020-21 Champions League (openfootball cl.txt: the real
 * matchday 5 and 6 fixtures are the remaining matches at the cut), against what the seed articles say.
 */
import { describe, expect, it } from 'vitest';
import { groupsOf, qualification, type Qualification } from '../src/index.js';
import { results } from './competition-data.js';

const all = results('champions-league/2020-21/cl.txt', 'UEFA Champions League', '2020-21');
const group = (key: string) => groupsOf(all).find((g) => g.key === key)!.matches;
const AFTER_MD4 = '2020-11-25';
const place = (q: Qualification, team: string, top: number) =>
  q.teams.find((t) => t.team === team)!.places.find((p) => p.top === top)!;

describe('seed 001/003: after matchday 4 of 2020-21', () => {
  const a = qualification(group('A'), { until: AFTER_MD4 });
  const c = qualification(group('C'), { until: AFTER_MD4 });
  const d = qualification(group('D'), { until: AFTER_MD4 });

  it('the cut leaves the real matchday 5 and 6 fixtures to play, ranked under G1 with scorelines', () => {
    for (const q of [a, c, d]) {
      expect(q.remaining).toHaveLength(4);
      expect(q.method).toBe('scorelines');
    }
    expect(d.teams.map((t) => [t.team, t.points])).toEqual([
      ['Liverpool FC', 9],
      ['AFC Ajax', 7],
      ['Atalanta', 7],
      ['FC Midtjylland', 0],
    ]);
  });

  it('Bayern have secured first place (seed 001)', () => {
    expect(place(a, 'Bayern München', 1).status).toBe('clinched');
  });

  it('Manchester City are certain to go through, though first place is still open (seed 001)', () => {
    expect(place(c, 'Manchester City', 2).status).toBe('clinched');
    expect(place(c, 'Manchester City', 1).status).toBe('open');
  });

  it('Atlético must wait at least another week: open after matchday 4, still open after matchday 5, through after 6', () => {
    expect(place(a, 'Atlético Madrid', 2).status).toBe('open');
    expect(place(qualification(group('A'), { until: '2020-12-01' }), 'Atlético Madrid', 2).status).toBe(
      'open',
    );
    expect(place(qualification(group('A'), { until: '2020-12-09' }), 'Atlético Madrid', 2).status).toBe(
      'clinched',
    );
  });

  it('Liverpool need a win from their last two (seed 003): a win in either match is enough, not yet through', () => {
    const lfc = place(d, 'Liverpool FC', 2);
    expect(lfc.status).toBe('open');
    expect(lfc.enough).toEqual(expect.arrayContaining(['a win v AFC Ajax', 'a win at FC Midtjylland']));
    expect(lfc.needs).toMatch(/^a win in either remaining match/);
  });

  it('seed 003 says Atalanta "secured" qualification; after matchday 4 they had not', () => {
    const atalanta = place(d, 'Atalanta', 2);
    expect(atalanta.status).toBe('open');
    expect(d.teams.find((t) => t.team === 'Atalanta')!.worst).toBe(3);
    expect(atalanta.enough).toEqual(['a win at AFC Ajax']);
  });

  it('Midtjylland, without a point, cannot reach the top two', () => {
    expect(place(d, 'FC Midtjylland', 2).status).toBe('lost');
  });
});

describe('a league with many matches left: points bounds, said as such', () => {
  const pl = results('england/2019-20/1-premierleague.txt', 'English Premier League', '2019-20');
  const title = (until: string) => {
    const q = qualification(pl, { until, places: [1] });
    return { q, liverpool: q.teams.find((t) => t.team === 'Liverpool FC')! };
  };

  it('Premier League 2019-20: Liverpool’s title was open on 24 June 2020 and won on 25 June (Chelsea 2-1 Manchester City)', () => {
    const before = title('2020-06-24');
    expect(before.q.method).toBe('points');
    expect(before.q.note).toMatch(/too many to enumerate/);
    expect(before.liverpool).toMatchObject({ points: 86, remaining: 7 });
    expect(before.liverpool.places[0]!.status).toBe('open');
    const after = title('2020-06-25');
    expect(after.liverpool.places[0]!.status).toBe('clinched');
    expect(after.q.teams.find((t) => t.team === 'Manchester City')!.places[0]!.status).toBe('lost');
  });
});

describe('the enumeration bounds: a smaller search never claims more than a fuller one', () => {
  const d = group('D');
  const full = qualification(d, { until: AFTER_MD4 });
  const final = qualification(d, {}).teams;
  const range = (q: Qualification) => new Map(q.teams.map((t) => [t.team, [t.best, t.worst]] as const));
  const contains = (wide: Qualification, narrow: Qualification) => {
    const w = range(wide);
    for (const [team, [best, worst]] of range(narrow)) {
      expect(w.get(team)![0], team).toBeLessThanOrEqual(best);
      expect(w.get(team)![1], team).toBeGreaterThanOrEqual(worst);
    }
  };
  // A settled place must agree with the fuller search; an open one may be settled there.
  const agrees = (rough: Qualification) => {
    for (const t of rough.teams)
      for (const p of t.places)
        if (p.status !== 'open')
          expect(place(full, t.team, p.top).status, `${t.team} top ${p.top}`).toBe(p.status);
  };
  const finishedWithin = (q: Qualification) => {
    for (const t of final) {
      const o = q.teams.find((x) => x.team === t.team)!;
      expect(t.rank, t.team).toBeGreaterThanOrEqual(o.best);
      expect(t.rank, t.team).toBeLessThanOrEqual(o.worst);
    }
  };

  it('group D ended Liverpool, Atalanta, Ajax, Midtjylland, inside every range the full search gave after matchday 4', () => {
    expect(final.map((t) => t.team)).toEqual(['Liverpool FC', 'Atalanta', 'AFC Ajax', 'FC Midtjylland']);
    finishedWithin(full);
  });

  it('with no scoreline tables allowed, ties across a place stay open: the answers ask for more, never less', () => {
    const rough = qualification(d, { until: AFTER_MD4, maxTables: 0 });
    expect(rough.method).toBe('results');
    expect(rough.note).toMatch(/left open/);
    contains(rough, full);
    agrees(rough);
    finishedWithin(rough);
    // Every set of results the rough search calls enough holds a set the full search calls enough.
    const clauses = (e: string) => e.split(' and ');
    for (const t of rough.teams)
      for (const p of t.places)
        for (const e of p.enough)
          expect(
            place(full, t.team, p.top).enough.some((f) => clauses(f).every((c) => clauses(e).includes(c))),
            `${t.team} top ${p.top}: ${e}`,
          ).toBe(true);
    // Ranking the ties on points (Atalanta level with Ajax win the head-to-head) makes one win enough.
    expect(place(full, 'Atalanta', 2).enough).toEqual(['a win at AFC Ajax']);
    expect(place(rough, 'Atalanta', 2).enough).toEqual([
      'a win v FC Midtjylland and a win at AFC Ajax',
      'a draw v FC Midtjylland and a win at AFC Ajax',
    ]);
  });

  it('fewer outcomes allowed than the 81 of four matches: points bounds only, and as sound', () => {
    const rough = qualification(d, { until: AFTER_MD4, maxOutcomes: 3 ** 3 });
    expect(rough.method).toBe('points');
    contains(rough, full);
    agrees(rough);
    finishedWithin(rough);
  });

  it('a larger goal bound only widens what scorelines can do (1 inside 2 inside 3 goals a side)', () => {
    const by = [1, 2, 3].map((goalBound) => qualification(d, { until: AFTER_MD4, goalBound }));
    for (const q of by) expect(q.method).toBe('scorelines');
    contains(by[1]!, by[0]!);
    contains(by[2]!, by[1]!);
    expect(by[2]!.note).toMatch(/up to 3 goals a side/);
  });

  it('a bound that cannot enumerate anything is a usage error, not a crash', () => {
    for (const bad of [{ goalBound: 0 }, { goalBound: 1.5 }, { maxOutcomes: 0 }, { maxTables: -1 }]) {
      expect(() => qualification(d, { until: AFTER_MD4, ...bad }), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: 'USAGE' }),
      );
    }
  });
});
