import { describe, expect, it } from 'vitest';
import { fold, evolve, matchSummary, createState } from '../src/index.js';
import { seed, seedState } from './helpers.js';

const LIV_RMA = 'ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const RMA_LIV = 'ucl/2022-23/r16-leg2-real-madrid-liverpool.ndjson';
const LIV_ATA = 'ucl/2020-21/group-d-md4-liverpool-atalanta.ndjson';
const RMA_MCI = 'ucl/2021-22/sf-leg2-real-madrid-manchester-city.ndjson';

// The seed articles' facts are derived in test/seeds.test.ts; these are facts of the same streams
// that the seeds do not state (from the match reports the streams were entered from).
describe('stream facts beyond the seeds', () => {
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
