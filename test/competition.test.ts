import { describe, expect, it } from 'vitest';
import {
  buildTable,
  decideTie,
  fold,
  headToHead,
  isMatchlineError,
  lastTimeBefore,
  playerTallies,
  swapSides,
  teamRecord,
  TIE_BREAK_RULES,
  toMatchResult,
  type MatchEvent,
  type MatchResult,
} from '../src/index.js';
import { RULES, Stream, seed, seedState } from './helpers.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

let counter = 0;
/** A result-only match (as openfootball gives them). */
function recorded(
  home: string,
  away: string,
  score: string,
  options: {
    leg?: 1 | 2 | 'single';
    aet?: string;
    pens?: string;
    season?: string;
    awayGoals?: 'none' | 'afterNormalTimeAndExtraTime';
    kickoff?: string;
  } = {},
): MatchResult {
  const [h, a] = score.split('-').map(Number) as [number, number];
  const id = `m${counter++}`;
  const events = [
    {
      id: `${id}-f`,
      type: 'fixture',
      competition: 'Test',
      season: options.season ?? '2020-21',
      round: 'r',
      leg: options.leg ?? 'single',
      home: { id: home.toLowerCase().replace(/ /g, '-'), name: home },
      away: { id: away.toLowerCase().replace(/ /g, '-'), name: away },
      kickoff: options.kickoff ?? `2020-10-${String((counter % 28) + 1).padStart(2, '0')}T20:00:00Z`,
      rules: {
        ...RULES,
        awayGoals: options.awayGoals ?? 'afterNormalTimeAndExtraTime',
        extraTime: options.leg === 2,
        shootout: options.leg === 2,
      },
    },
    {
      id: `${id}-r`,
      type: 'resultRecorded',
      fullTime: { home: h, away: a },
      ...(options.aet
        ? {
            afterExtraTime: {
              home: Number(options.aet.split('-')[0]),
              away: Number(options.aet.split('-')[1]),
            },
          }
        : {}),
      ...(options.pens
        ? { shootout: { home: Number(options.pens.split('-')[0]), away: Number(options.pens.split('-')[1]) } }
        : {}),
    },
  ] as unknown as MatchEvent[];
  return toMatchResult(fold(events), id);
}

const result = (path: string) => toMatchResult(seedState(path), path);

describe('two-legged ties (rulebook §1.1)', () => {
  it('T-TIE-5: Real Madrid beat Liverpool 6-2 on aggregate', () => {
    const tie = decideTie(
      result('ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson'),
      result('ucl/2022-23/r16-leg2-real-madrid-liverpool.ndjson'),
    );
    expect(tie).toMatchObject({
      status: 'decided',
      rules: 'no-away-goals',
      decidedBy: 'aggregate',
      aggregate: [2, 6],
    });
    expect(tie.winner?.name).toBe('Real Madrid');
  });

  it('T-TIE-3: Real Madrid beat Manchester City 6-5 after extra time; the old rules reject that extra time', () => {
    const leg1 = result('ucl/2021-22/sf-leg1-manchester-city-real-madrid.ndjson');
    const leg2 = result('ucl/2021-22/sf-leg2-real-madrid-manchester-city.ndjson');
    const tie = decideTie(leg1, leg2);
    expect(tie).toMatchObject({ decidedBy: 'extraTime', aggregate: [5, 6] });
    expect(tie.winner?.name).toBe('Real Madrid');
    let error: unknown;
    try {
      decideTie(leg1, leg2, 'away-goals');
    } catch (e) {
      error = e;
    }
    expect(isMatchlineError(error) && error.code).toBe('TIE_INVALID');
    expect(String(error)).toMatch(/away goals 1-3/);
  });

  it('T-TIE-1: Porto through on away goals after extra time against Juventus (2020-21)', () => {
    const tie = decideTie(
      recorded('FC Porto', 'Juventus', '2-1', { leg: 1 }),
      recorded('Juventus', 'FC Porto', '2-1', { leg: 2, aet: '3-2' }),
    );
    expect(tie).toMatchObject({ decidedBy: 'awayGoalsAfterExtraTime', aggregate: [4, 4], awayGoals: [2, 1] });
    expect(tie.winner?.name).toBe('FC Porto');
  });

  it('T-TIE-2: Tottenham through on away goals against Ajax (2018-19)', () => {
    const tie = decideTie(
      recorded('Tottenham Hotspur', 'AFC Ajax', '0-1', { leg: 1 }),
      recorded('AFC Ajax', 'Tottenham Hotspur', '2-3', { leg: 2 }),
    );
    expect(tie).toMatchObject({ decidedBy: 'awayGoals', aggregate: [3, 3], awayGoals: [3, 1] });
    expect(tie.winner?.name).toBe('Tottenham Hotspur');
  });

  it('T-TIE-4: extra time 1-1 sends the second-leg visitor through; 0-0 goes to kicks', () => {
    const leg1 = recorded('A', 'B', '1-1', { leg: 1 });
    expect(decideTie(leg1, recorded('B', 'A', '1-1', { leg: 2, aet: '2-2' }))).toMatchObject({
      decidedBy: 'awayGoalsAfterExtraTime',
      winner: { name: 'A' },
      awayGoals: [2, 1],
    });
    expect(decideTie(leg1, recorded('B', 'A', '1-1', { leg: 2, aet: '1-1', pens: '4-3' }))).toMatchObject({
      decidedBy: 'penalties',
      winner: { name: 'B' },
      shootout: [3, 4],
    });
    // The same legs without away goals: extra time leaves 3-3, kicks decide.
    expect(
      decideTie(
        recorded('A', 'B', '1-1', { leg: 1, awayGoals: 'none' }),
        recorded('B', 'A', '1-1', { leg: 2, aet: '2-2', pens: '5-4', awayGoals: 'none' }),
      ),
    ).toMatchObject({ decidedBy: 'penalties', winner: { name: 'B' } });
  });

  it('T-TIE-6: a first leg with extra time is rejected; a level second leg without extra time is incomplete', () => {
    expect(() =>
      decideTie(recorded('A', 'B', '1-1', { leg: 1, aet: '2-1' }), recorded('B', 'A', '0-0', { leg: 2 })),
    ).toThrow(/first leg/);
    const tie = decideTie(
      recorded('A', 'B', '1-0', { leg: 1, awayGoals: 'none' }),
      recorded('B', 'A', '1-0', { leg: 2, awayGoals: 'none' }),
    );
    expect(tie).toMatchObject({ status: 'incomplete', winner: null, decidedBy: null });
  });

  it('the final is a single match; swapping home and away mirrors the tie', () => {
    const final = decideTie(result('ucl/2021-22/final-liverpool-real-madrid.ndjson'));
    expect(final).toMatchObject({
      rules: 'single',
      decidedBy: 'normalTime',
      winner: { name: 'Real Madrid' },
    });
    const leg1 = recorded('A', 'B', '2-1', { leg: 1 });
    const leg2 = recorded('B', 'A', '1-0', { leg: 2 });
    expect(decideTie(leg1, leg2).winner?.name).toBe('B');
    expect(() => decideTie(leg1, swapSides(leg2))).toThrow(/second leg must be/);
  });
});

const groupD = () => {
  const dir = join(ROOT, 'events/ucl/2020-21');
  return readdirSync(dir)
    .filter((f) => /^group-d-md[1-4]-/.test(f))
    .map((f) => result(`ucl/2020-21/${f}`));
};

describe('tables (rulebook §1.2)', () => {
  it('Group D 2020-21 after matchday 4: Liverpool 9, Ajax 7, Atalanta 7, Midtjylland 0; head-to-head away goals put Ajax above Atalanta', () => {
    const rows = buildTable(groupD());
    expect(rows.map((r) => [r.team, r.points])).toEqual([
      ['Liverpool', 9],
      ['AFC Ajax', 7],
      ['Atalanta', 7],
      ['FC Midtjylland', 0],
    ]);
    expect(rows[1]!.separatedBy).toBe('head-to-head away goals scored');
    expect(rows[2]!.separatedBy).toBe('head-to-head away goals scored');
    expect(rows.reduce((sum, r) => sum + r.played, 0)).toBe(16);
  });

  it('under G2 (no head-to-head away goals) Ajax are still above Atalanta, now on overall goal difference', () => {
    const rows = buildTable(groupD(), { rules: TIE_BREAK_RULES['uefa-2021']! });
    expect(rows.map((r) => r.team)).toEqual(['Liverpool', 'AFC Ajax', 'Atalanta', 'FC Midtjylland']);
    expect(rows[1]!.separatedBy).toBe('goal difference');
  });

  it('T-TAB-2: two teams whose only head-to-head difference is an away goal: G1 separates at d, G2 falls through', () => {
    const ms = [
      recorded('A', 'B', '0-0'),
      recorded('B', 'A', '1-1'),
      recorded('A', 'C', '1-0'),
      recorded('B', 'C', '3-0'),
    ];
    const g1 = buildTable(ms, { rules: TIE_BREAK_RULES['uefa-2018']! });
    expect(g1.slice(0, 2).map((r) => [r.team, r.separatedBy])).toEqual([
      ['A', 'head-to-head away goals scored'],
      ['B', 'head-to-head away goals scored'],
    ]);
    const g2 = buildTable(ms, { rules: TIE_BREAK_RULES['uefa-2021']! });
    expect(g2.slice(0, 2).map((r) => [r.team, r.separatedBy])).toEqual([
      ['B', 'goal difference'],
      ['A', 'goal difference'],
    ]);
  });

  it('T-TAB-1: 2018-19 Group C, Liverpool second over Napoli on overall goals scored (9 v 7)', () => {
    const results = [
      recorded('Liverpool', 'PSG', '3-2'),
      recorded('Crvena Zvezda', 'Napoli', '0-0'),
      recorded('PSG', 'Crvena Zvezda', '6-1'),
      recorded('Napoli', 'Liverpool', '1-0'),
      recorded('PSG', 'Napoli', '2-2'),
      recorded('Liverpool', 'Crvena Zvezda', '4-0'),
      recorded('Crvena Zvezda', 'Liverpool', '2-0'),
      recorded('Napoli', 'PSG', '1-1'),
      recorded('PSG', 'Liverpool', '2-1'),
      recorded('Napoli', 'Crvena Zvezda', '3-1'),
      recorded('Liverpool', 'Napoli', '1-0'),
      recorded('Crvena Zvezda', 'PSG', '1-4'),
    ].map((m) => ({ ...m, fixture: { ...m.fixture, season: '2018-19' } }));
    const rows = buildTable(results);
    expect(rows.map((r) => [r.team, r.points, r.goalsFor, r.goalsAgainst])).toEqual([
      ['PSG', 11, 17, 9],
      ['Liverpool', 9, 9, 7],
      ['Napoli', 9, 7, 5],
      ['Crvena Zvezda', 4, 5, 17],
    ]);
    expect(rows[1]!.separatedBy).toBe('goals scored');
  });

  it('T-TAB-4: a three-way tie where the mini-table separates one team and re-applies to the other two', () => {
    const ms = [
      recorded('X', 'Y', '1-0'),
      recorded('Z', 'X', '1-0'),
      recorded('Z', 'Y', '0-1'),
      recorded('X', 'D', '1-0'),
      recorded('Y', 'D', '1-0'),
      recorded('Z', 'D', '1-0'),
    ];
    const rows = buildTable(ms, { rules: TIE_BREAK_RULES['uefa-2018']! });
    expect(rows.map((r) => [r.team, r.points, r.separatedBy])).toEqual([
      ['Y', 6, 'head-to-head away goals scored'],
      ['Z', 6, 'head-to-head points'],
      ['X', 6, 'head-to-head points'],
      ['D', 0, null],
    ]);
  });

  it('T-TAB-3: under L1 opponents’ collective points separate teams, and move with an unrelated result', () => {
    const base = [
      recorded('A', 'X', '1-0'),
      recorded('B', 'Y', '1-0'),
      recorded('C', 'Z', '1-0'),
      recorded('X', 'Q', '1-0'),
      recorded('Y', 'Q', '0-0'),
    ];
    const rules = TIE_BREAK_RULES['uefa-2024']!;
    const table = (ms: MatchResult[]) =>
      buildTable(ms, { rules })
        .filter((r) => ['A', 'B', 'C'].includes(r.team))
        .map((r) => r.team);
    expect(table([...base, recorded('Z', 'Q', '0-1')])).toEqual(['A', 'B', 'C']);
    expect(table([...base, recorded('Z', 'Q', '1-0'), recorded('Z', 'R', '1-0')])).toEqual(['C', 'A', 'B']);
    const rows = buildTable([...base, recorded('Z', 'Q', '0-1')], { rules });
    expect(rows.find((r) => r.team === 'A')!.separatedBy).toBe('opponents’ points');
  });

  it('only completed matches count, shoot-outs never count, and points sum to 3 x decisive + 2 x draws', () => {
    const ms = [recorded('A', 'B', '1-1', { leg: 2, aet: '1-1', pens: '5-3' }), recorded('B', 'C', '2-0')];
    const scheduled = toMatchResult(fold(new Stream({ home: 'A', away: 'C' }).events), 'unplayed');
    const rows = buildTable([...ms, scheduled]);
    expect(rows.find((r) => r.team === 'A')).toMatchObject({ played: 1, drawn: 1, points: 1 });
    expect(rows.reduce((s, r) => s + r.points, 0)).toBe(3 + 2);
  });
});

describe('records across matches', () => {
  const all = () => {
    const out: MatchResult[] = [];
    for (const season of ['2020-21', '2021-22', '2022-23']) {
      for (const f of readdirSync(join(ROOT, 'events/ucl', season))) out.push(result(`ucl/${season}/${f}`));
    }
    return out;
  };

  it('head-to-head Liverpool v Real Madrid over the 2020-21 to 2022-23 seasons', () => {
    // 2020-21 QF 1-3 and 0-0, the 2022 final 0-1, the 2022-23 R16 2-5 and 0-1.
    expect(headToHead(all(), 'Liverpool', 'Real Madrid')).toMatchObject({
      played: 5,
      wins: [0, 4],
      draws: 1,
      goals: [3, 10],
    });
  });

  it('team streaks and heavy home defeats', () => {
    const liverpool = teamRecord(all(), 'liverpool');
    // 2020-21 opens W W W L W (Ajax, Midtjylland, Atalanta away, Atalanta at home, Ajax); 2021-22's
    // six group wins and the win at Inter are the longest run; the two defeats by Real Madrid end it.
    expect(liverpool.form.slice(0, 5)).toEqual(['W', 'W', 'W', 'L', 'W']);
    expect(liverpool.longest.wins).toMatchObject({ length: 7 });
    expect(liverpool.current.defeats.length).toBe(2);
    expect(liverpool.heavyHomeDefeats).toEqual([
      'ucl/2020-21/group-d-md4-liverpool-atalanta.ndjson',
      'ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson',
    ]);
  });

  it('"first time since": Liverpool’s home defeats by two or more goals', () => {
    const matches = all();
    const heavyHome = (m: MatchResult, side: 'home' | 'away') =>
      side === 'home' && m.score.away - m.score.home >= 2;
    expect(
      lastTimeBefore(matches, 'Liverpool', heavyHome, 'ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson')
        ?.id,
    ).toBe('ucl/2020-21/group-d-md4-liverpool-atalanta.ndjson');
    // Seed 003's "first in 137 home games" reaches back before the streams in events/: nothing earlier here.
    expect(
      lastTimeBefore(matches, 'Liverpool', heavyHome, 'ucl/2020-21/group-d-md4-liverpool-atalanta.ndjson'),
    ).toBeNull();
  });

  it('player tallies across streams (stable player ids)', () => {
    const states = [
      'ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson',
      'ucl/2022-23/r16-leg2-real-madrid-liverpool.ndjson',
      'ucl/2021-22/sf-leg1-manchester-city-real-madrid.ndjson',
      'ucl/2021-22/sf-leg2-real-madrid-manchester-city.ndjson',
    ].map((p) => fold(seed(p)));
    const benzema = playerTallies(states).get('karim-benzema')!;
    expect(benzema).toMatchObject({ appearances: 4, starts: 4, goals: 6, penaltyGoals: 2 });
    const gakpo = playerTallies(states).get('cody-gakpo')!;
    expect(gakpo).toMatchObject({ appearances: 2, minutes: 64 + 90, goals: 0 });
  });
});
