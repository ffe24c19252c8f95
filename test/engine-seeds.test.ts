import { describe, expect, it } from 'vitest';
import { fold, evolve, stateAt, minutesOf, minutesPlayed, matchSummary, createState } from '../src/index.js';
import { seed, seedState } from './helpers.js';

const LIV_RMA = 'ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const RMA_LIV = 'ucl/2022-23/r16-leg2-real-madrid-liverpool.ndjson';
const LIV_ATA = 'ucl/2020-21/group-d-md4-liverpool-atalanta.ndjson';
const RMA_MCI = 'ucl/2021-22/sf-leg2-real-madrid-manchester-city.ndjson';

describe('seed facts hold', () => {
  it("Liverpool 2-5 Real Madrid: 2-0 at 14', 2-2 at half time, 2-5 at full time", () => {
    const events = seed(LIV_RMA);
    expect(stateAt(events, "14'").score).toEqual({ home: 2, away: 0 });
    expect(stateAt(events, "13'").score).toEqual({ home: 1, away: 0 });
    const final = fold(events);
    expect(final.halfTime).toEqual({ home: 2, away: 2 });
    expect(final.score).toEqual({ home: 2, away: 5 });
    expect(final.result?.winner).toBe('away');
    const scorers = final.goals.map((g) => `${final.players.get(g.scorer!)!.name} ${g.minute}`);
    expect(scorers).toEqual([
      "Darwin Núñez 4'",
      "Mohamed Salah 14'",
      "Vinícius Júnior 21'",
      "Vinícius Júnior 36'",
      "Éder Militão 47'",
      "Karim Benzema 55'",
      "Karim Benzema 67'",
    ]);
  });

  it('Liverpool 0-2 Atalanta gives the minutes printed in seed 003 (nominal)', () => {
    const state = seedState(LIV_ATA);
    const expected: Record<string, number> = {
      'mohamed-salah': 61,
      'roberto-firmino': 29,
      'joel-matip': 84,
      'takumi-minamino': 6,
      'kostas-tsimikas': 61,
      'andrew-robertson': 29,
      'josip-ilicic': 70,
      'duvan-zapata': 20,
      'robin-gosens': 75,
      'johan-mojica': 15,
      'matteo-pessina': 85,
      'aleksey-miranchuk': 5,
      // Seed 003 also shows Wijnaldum and Origi replaced at 61'.
      'georginio-wijnaldum': 61,
      fabinho: 29,
      'divock-origi': 61,
      'diogo-jota': 29,
    };
    for (const [id, minutes] of Object.entries(expected)) expect(minutesOf(state, id), id).toBe(minutes);
    const others = minutesPlayed(state).filter((r) => r.started && !(r.playerId in expected));
    expect(others).toHaveLength(22 - 8);
    for (const r of others) expect(r.minutes, r.player).toBe(90);
    expect(state.score).toEqual({ home: 0, away: 2 });
  });

  it('Liverpool used five substitutions in two opportunities against Atalanta', () => {
    const state = seedState(LIV_ATA);
    expect(state.teams.home.subsUsed).toBe(5);
    expect(state.teams.home.opportunitiesUsed).toBe(2);
    expect(state.teams.away.opportunitiesUsed).toBe(3);
  });

  it('Real Madrid 3-1 Manchester City reads 2-1 after 90 and 3-1 after extra time', () => {
    const state = seedState(RMA_MCI);
    expect(state.afterNormalTime).toEqual({ home: 2, away: 1 });
    expect(state.afterExtraTime).toEqual({ home: 3, away: 1 });
    expect(state.result).toMatchObject({ winner: 'home', decidedBy: 'extraTime' });
    expect(state.goals.map((g) => g.minute)).toEqual(["73'", "90'", "90+1'", "95'"]);
  });

  it('Van Dijk and Gakpo played the full ninety minutes in Real Madrid 1-0 Liverpool', () => {
    const state = seedState(RMA_LIV);
    expect(minutesOf(state, 'virgil-van-dijk')).toBe(90);
    expect(minutesOf(state, 'cody-gakpo')).toBe(90);
    expect(state.score).toEqual({ home: 1, away: 0 });
    expect(state.halfTime).toEqual({ home: 0, away: 0 });
  });

  it('Atalanta 0-5 Liverpool: Jota 16, 33, 54; Salah 47; Mané 49; 0-2 at half time', () => {
    const state = seedState('ucl/2020-21/group-d-md3-atalanta-liverpool.ndjson');
    expect(state.halfTime).toEqual({ home: 0, away: 2 });
    expect(state.players.get('diogo-jota')!.goals).toBe(3);
    expect(state.goals.map((g) => g.minute)).toEqual(["16'", "33'", "47'", "49'", "54'"]);
  });

  it('the 2022 final: Liverpool 0-1 Real Madrid, Vinícius Júnior 59', () => {
    const s = matchSummary(seedState('ucl/2021-22/final-liverpool-real-madrid.ndjson'));
    expect(s.winner).toBe('Real Madrid');
    expect(s.goals).toEqual([expect.objectContaining({ scorer: 'Vinícius Júnior', minute: "59'" })]);
  });
});

describe('one rule, two speeds', () => {
  it('evolve event by event equals fold, for every detailed seed', () => {
    for (const path of [LIV_RMA, RMA_LIV, LIV_ATA, RMA_MCI]) {
      const events = seed(path);
      let state = createState();
      for (const e of events) state = evolve(state, e);
      expect(state).toEqual(fold(events));
    }
  });

  it('fold from a prefix state then the rest equals folding everything', () => {
    const events = seed(LIV_ATA);
    for (const cut of [0, 3, 10, events.length]) {
      expect(fold(events.slice(cut), fold(events.slice(0, cut)))).toEqual(fold(events));
    }
  });

  it('states are frozen and evolve shares unchanged parts', () => {
    const events = seed(LIV_RMA);
    const before = fold(events.slice(0, 10));
    const after = evolve(before, events[10]!);
    expect(Object.isFrozen(after)).toBe(true);
    expect(() => {
      (after.score as { home: number }).home = 9;
    }).toThrow();
    expect(events[10]!.type).toBe('goal');
    expect(after.fixture).toBe(before.fixture);
    expect(after.periodLengths).toBe(before.periodLengths);
    expect(after.players.get('alisson')).toBe(before.players.get('alisson'));
    expect(after.players.get('eder-militao')).not.toBe(before.players.get('eder-militao'));
    expect(after.players.get('vinicius-junior')).toBe(before.players.get('vinicius-junior'));
  });
});
