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
