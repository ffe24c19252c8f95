import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStatsBomb, type SbEvent, type SbLineupTeam } from '../src/import/statsbomb/index.js';
import { parseFootballJson } from '../src/import/openfootball/index.js';
import { minutesPlayed, minutesOf } from '../src/index.js';
import { ROOT } from './helpers.js';

const SB = join(ROOT, 'test/fixtures/statsbomb');
const read = <T>(path: string): T => JSON.parse(readFileSync(join(SB, path), 'utf8')) as T;
const load = (id: string, home: string) =>
  importStatsBomb({
    events: read<SbEvent[]>(`events/${id}.json`),
    lineups: read<SbLineupTeam[]>(`lineups/${id}.json`),
    fixture: { home, kickoff: '2021-06-11T19:00:00Z' },
  });

function byName(
  result: ReturnType<typeof load>,
  name: string,
  mode: 'nominal' | 'actual' = 'nominal',
): number {
  const player = [...result.state.players.values()].find((p) => p.name.includes(name));
  if (!player) throw new Error(`no player ${name}`);
  return minutesOf(result.state, player.id, { mode });
}

describe('StatsBomb 15986: Barcelona 2-2 Girona', () => {
  const result = load('15986', 'Barcelona');

  it('imports the score, the goals by index order and reports skipped types', () => {
    expect(result.state.score).toEqual({ home: 2, away: 2 });
    expect(result.state.halfTime).toEqual({ home: 1, away: 1 });
    expect(result.state.goals.map((g) => g.minute)).toEqual(["19'", "45'", "51'", "63'"]);
    expect(result.skipped.Pass).toBe(1148);
    expect(result.skipped['Ball Receipt*']).toBe(1119);
    expect(result.warnings.filter((w) => w.code !== 'IMPORT_NOTE')).toEqual([]);
  });

  it('T-DIS-1: Lenglet sent off at 32:36, Barcelona play on with ten', () => {
    const lenglet = [...result.state.players.values()].find((p) => p.name === 'Clément Lenglet')!;
    expect(lenglet.status).toBe('sentOff');
    expect(lenglet.cards).toEqual([
      expect.objectContaining({ card: 'red', at: { period: 1, ms: 32 * 60_000 + 36_585 } }),
    ]);
    expect(result.state.teams.home.onPitch).toBe(10);
    expect(result.state.teams.away.onPitch).toBe(11);
  });

  it('rulebook §3.3 oracle: nominal and actual minutes', () => {
    const oracle: [string, number, number][] = [
      ['Lenglet', 33, 32.61],
      ['Dembélé', 45, 48.02],
      ['Umtiti', 45, 48.14],
      ['Arthur', 58, 60.82],
      ['Coutinho', 32, 35.33],
      ['Vidal', 58, 60.92],
      ['Rakitić', 32, 35.24],
      ['Aleix García', 45, 48.02],
      ['Borja García', 45, 48.14],
      ['Granell', 72, 74.14],
      ['Douglas Luiz', 18, 22.01],
      ['Portu', 85, 87.15],
      ['Doumbia', 5, 9.0],
    ];
    for (const [name, nominal, actual] of oracle) {
      expect(byName(result, name), name).toBe(nominal);
      expect(byName(result, name, 'actual'), name).toBeCloseTo(actual, 2);
    }
    expect(byName(result, 'Messi', 'actual')).toBeCloseTo(96.15, 2);
  });

  it('R-MIN-P4 and T-SUB-3: half-time changes are flagged atInterval; Arthur and Vidal share one opportunity', () => {
    const subs = result.events.filter((e) => e.type === 'substitution');
    expect(subs.slice(0, 2).map((e) => e.type === 'substitution' && e.atInterval)).toEqual([true, true]);
    expect(result.state.teams.home.opportunitiesUsed).toBe(1);
  });
});

describe('StatsBomb 3788741: Turkey 0-3 Italy', () => {
  const result = load('3788741', 'Turkey');

  it("T-GOAL-1: Demiral's own goal counts once, for Italy", () => {
    expect(result.state.score).toEqual({ home: 0, away: 3 });
    const og = result.state.goals[0]!;
    expect(og).toMatchObject({ team: 'away', scorerTeam: 'home', ownGoal: true, minute: "53'" });
    expect(result.state.players.get(og.scorer!)!.name).toContain('Demiral');
    expect(result.state.players.get(og.scorer!)).toMatchObject({ ownGoals: 1, goals: 0 });
    expect(result.state.goals.map((g) => g.minute)).toEqual(["53'", "66'", "79'"]);
  });

  it('rulebook §3.3 oracle: nominal and actual minutes', () => {
    const oracle: [string, number, number][] = [
      ['Florenzi', 45, 45.92],
      ['Di Lorenzo', 45, 48.06],
      ['Locatelli', 74, 74.1],
      ['Cristante', 16, 19.87],
      ['Insigne', 81, 80.98],
      ['Chiesa', 9, 13.0],
      ['Immobile', 81, 81.33],
      ['Belotti', 9, 12.65],
      ['Berardi', 85, 85.5],
      ['Bernardeschi', 5, 8.48],
      ['Yazıcı', 45, 45.92],
      ['Cengiz Ünder', 45, 48.06],
      ['Ozan Tufan', 64, 64.85],
      ['Kaan Ayhan', 26, 29.12],
      ['Okay', 65, 65.11],
      ['İrfan Can', 25, 28.87],
      ['Karaman', 76, 76.83],
      ['Dervişoğlu', 14, 17.15],
    ];
    for (const [name, nominal, actual] of oracle) {
      expect(byName(result, name), name).toBe(nominal);
      expect(byName(result, name, 'actual'), name).toBeCloseTo(actual, 2);
    }
    expect(byName(result, 'Donnarumma', 'actual')).toBeCloseTo(93.97, 2);
  });

  it('T-SUB-2: Italy 5 substitutions in 3 opportunities, Turkey 2 opportunities plus half time', () => {
    expect(result.state.teams.away).toMatchObject({ subsUsed: 5, opportunitiesUsed: 3 });
    expect(result.state.teams.home).toMatchObject({ subsUsed: 4, opportunitiesUsed: 2 });
    const sum = (side: 'home' | 'away') =>
      minutesPlayed(result.state)
        .filter((r) => r.team === side)
        .reduce((s, r) => s + r.minutes, 0);
    expect([sum('home'), sum('away')]).toEqual([990, 990]);
  });

  it('keeps StatsBomb ids in source and orders by index', () => {
    const goal = result.events.find((e) => e.type === 'goal')!;
    expect(goal.source).toMatchObject({ provider: 'statsbomb' });
    expect(goal.source!.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('StatsBomb 3869685 excerpt: the World Cup 2022 final shoot-out', () => {
  const wc = parseFootballJson(
    readFileSync(join(ROOT, 'test/fixtures/openfootball/worldcup.json/2022/worldcup.json'), 'utf8'),
  );
  const final = wc.matches.find((m) => m.round === 'Final')!;
  const result = importStatsBomb({
    events: read<SbEvent[]>('excerpts/3869685-events-4371-4407.json'),
    lineups: read<SbLineupTeam[]>('lineups/3869685.json'),
    fixture: {
      home: 'Argentina',
      competition: 'FIFA World Cup',
      season: '2022',
      round: 'Final',
      kickoff: '2022-12-18T15:00:00Z',
    },
    priorGoals: final.goals!,
  });

  it('T-SO-1: France first, 8 kicks in order, Argentina 4-2, decided after the 4th Argentine kick; 3-3 unchanged', () => {
    const s = result.state;
    expect(s.score).toEqual({ home: 3, away: 3 });
    expect(s.shootout).toMatchObject({
      first: 'away',
      score: { home: 4, away: 2 },
      decided: true,
      winner: 'home',
    });
    const kicks = s.shootout!.kicks.map((k) => `${s.players.get(k.taker)!.name.split(' ')[0]} ${k.outcome}`);
    expect(kicks).toEqual([
      'Kylian scored',
      'Lionel scored',
      'Kingsley saved',
      'Paulo scored',
      'Aurélien missed',
      'Leandro scored',
      'Randal scored',
      'Gonzalo scored',
    ]);
    expect(s.result).toMatchObject({ winner: 'home', decidedBy: 'penalties' });
    expect(s.goals).toHaveLength(6);
  });

  it('T-DIS-2: E. Martínez carded during the shoot-out: the card, nothing else', () => {
    const martinez = [...result.state.players.values()].find((p) => p.name === 'Emiliano Martínez')!;
    expect(martinez.cards.map((c) => [c.card, c.at?.period])).toEqual([['yellow', 5]]);
    expect(martinez.status).toBe('pitch');
  });

  it('the data disagree once: France made a seventh substitution, and the engine says so', () => {
    expect(result.warnings.map((w) => w.code)).toEqual([
      'IMPORT_NOTE',
      'SUBSTITUTION_LIMIT',
      'OPPORTUNITY_LIMIT',
    ]);
  });
});

describe('keeping the whole feed as actions', () => {
  it('every on-ball event becomes an action; the derived figures stay; StatsBomb’s out-of-order timestamps are reported', () => {
    const lean = load('15986', 'Barcelona');
    const full = importStatsBomb({
      events: read<SbEvent[]>('events/15986.json'),
      lineups: read<SbLineupTeam[]>('lineups/15986.json'),
      fixture: { home: 'Barcelona', kickoff: '2019-02-24T15:15:00Z' },
      keepActions: true,
    });
    expect(full.events.length).toBe(4024);
    expect(full.events.filter((e) => e.type === 'action').length).toBe(3998);
    expect(full.state.score).toEqual(lean.state.score);
    expect(full.state.teams.home.opportunitiesUsed).toBe(lean.state.teams.home.opportunitiesUsed);
    expect(minutesPlayed(full.state)).toEqual(minutesPlayed(lean.state));
    // Rulebook §7: index 2169 (a Ball Receipt) is stamped 00:01.546 after events near 48:00; the
    // importer keeps it at the later time and says so, so the engine sees no time going back.
    expect(full.warnings.map((w) => [w.code, w.eventId])).toEqual([['IMPORT_NOTE', 'sb-2169']]);
    expect(full.state.warnings.filter((w) => w.code === 'TIME_WENT_BACKWARDS')).toEqual([]);
  });
});
