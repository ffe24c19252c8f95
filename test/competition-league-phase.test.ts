/** The 2025-26 Champions League league phase (openfootball cl.txt) and its way into the knockouts. */
import { describe, expect, it } from 'vitest';
import { groupTables, leaguePhaseDraw, positionsByMatchday, PLAYOFF_PAIRINGS } from '../src/index.js';
import { results, teamsOfRound } from './competition-data.js';

const all = results('champions-league/2025-26/cl.txt', 'UEFA Champions League', '2025-26');
const [league] = groupTables(all);

describe('2025-26 league phase', () => {
  it('one table of 36 under the 2025-26 rule set; the knockout play-offs are no part of it', () => {
    expect(groupTables(all)).toHaveLength(1);
    expect(league!.rules.id).toBe('uefa-2025');
    expect(league!.rows).toHaveLength(36);
    expect(league!.counted).toHaveLength(144);
    expect(league!.rows.every((r) => r.played === 8)).toBe(true);
    expect(league!.rows[0]).toMatchObject({ team: 'Arsenal FC', points: 24, won: 8 });
  });

  it('places 1-8 are the round-of-16 teams that skipped the play-offs; 9-24 are the play-off teams', () => {
    const draw = leaguePhaseDraw(league!.rows);
    const playoffTeams = teamsOfRound(all, /^Playoffs/);
    const r16 = teamsOfRound(all, /Round of 16/);
    expect(new Set(draw.roundOf16.map((r) => r.team))).toEqual(
      new Set([...r16].filter((t) => !playoffTeams.has(t))),
    );
    expect(new Set(draw.playoffs.flatMap((p) => [...p.seeded, ...p.unseeded]).map((r) => r.team))).toEqual(
      playoffTeams,
    );
    expect(draw.eliminated).toHaveLength(12);
    expect(draw.undecided.filter((r) => r.rank <= 25)).toEqual([]);
  });

  it('every play-off tie pairs a seeded pot with its unseeded pot, and the seeded team is at home in the second leg', () => {
    const draw = leaguePhaseDraw(league!.rows);
    const secondLegs = all.filter((m) => m.fixture.round === 'Playoffs, Matchday 2');
    expect(secondLegs).toHaveLength(8);
    for (const m of secondLegs) {
      const pot = draw.playoffs.find((p) => p.seeded.some((r) => r.teamId === m.home.id));
      expect(pot, `${m.home.name} hosts a second leg as a seeded team`).toBeDefined();
      expect(pot!.unseeded.map((r) => r.teamId)).toContain(m.away.id);
    }
    expect(PLAYOFF_PAIRINGS.map((p) => p.seeded[0] + p.unseeded[1])).toEqual([33, 33, 33, 33]);
  });

  it('during matchdays 1-7 the in-progress order applies (a-e, then alphabetical), and positions by matchday chart it', () => {
    const md7 = groupTables(all, { untilMatchday: 7 })[0]!;
    expect(md7.rows.every((r) => r.played === 7)).toBe(true);
    const allowed = [
      'goal difference',
      'goals scored',
      'away goals scored',
      'wins',
      'away wins',
      'alphabetical order (the rule during matchdays 1-7)',
    ];
    for (const r of md7.rows) if (r.separatedBy) expect(allowed).toContain(r.separatedBy);
    const chart = positionsByMatchday(league!.counted.concat(league!.remaining));
    expect(chart.matchdays).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const arsenal = chart.series.get(league!.rows[0]!.teamId)!;
    expect(arsenal.ranks).toHaveLength(8);
    expect(arsenal.ranks.at(-1)).toBe(1);
    // After matchday 8 the chart agrees with the final table for every team.
    for (const r of league!.rows) expect(chart.series.get(r.teamId)!.ranks.at(-1)).toBe(r.rank);
  });
});
