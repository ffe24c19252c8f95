import { describe, expect, it } from 'vitest';
import { fold, stateAt, toPlain, toRows, ROW_KINDS, type PlainState } from '../src/index.js';
import { seed } from './helpers.js';

const LEG1 = 'ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const FINAL = 'ucl/2021-22/final-liverpool-real-madrid.ndjson';

describe('toPlain: a state as JSON keeps what Maps and Sets hold', () => {
  it('JSON.stringify of a folded state loses the players; of toPlain it keeps every one', () => {
    const state = fold(seed(LEG1));
    expect((JSON.parse(JSON.stringify(state)) as { players: unknown }).players).toEqual({});
    const plain = JSON.parse(JSON.stringify(toPlain(state))) as ReturnType<typeof toPlain>;
    expect(plain.players).toHaveLength(state.players.size);
    const vinicius = plain.players.find((p) => p.id === 'vinicius-junior');
    expect(vinicius).toMatchObject({ name: 'Vinícius Júnior', team: 'away', goals: 2 });
    expect(plain.players[0]!.team).toBe('home');
    expect(plain.players.at(-1)!.team).toBe('away');
    expect(plain.score).toEqual({ home: 2, away: 5 });
    expect(plain.periodLengths).toEqual(
      Object.fromEntries([...state.periodLengths].map(([k, v]) => [String(k), v])),
    );
  });

  it('a rescinded card survives the trip (corrections as objects and arrays)', () => {
    const events = seed(FINAL);
    const booking = events.find((e) => e.type === 'booking')!;
    const end = events.findIndex((e) => e.type === 'matchEnded');
    const corrected = [
      ...events.slice(0, end),
      { id: 'x-rescind', type: 'cardRescinded' as const, target: booking.id, reason: 'test' },
      ...events.slice(end),
    ];
    const plain = JSON.parse(
      JSON.stringify(toPlain(fold(corrected, undefined, { mode: 'lenient' }))),
    ) as PlainState;
    expect(plain.corrections.rescinded).toEqual([booking.id]);
  });
});

describe('toRows: tidy rows across matches, with ids as well as names', () => {
  const leg1 = fold(seed(LEG1));
  const final = fold(seed(FINAL));

  it('goals: the seven goals at Anfield in order with scorer ids, names and the running score', () => {
    const rows = toRows([leg1], 'goals');
    expect(rows.map((r) => [r.minute, r.scorerId, r.scoreHome, r.scoreAway])).toEqual([
      ["4'", 'darwin-nunez', 1, 0],
      ["14'", 'mohamed-salah', 2, 0],
      ["21'", 'vinicius-junior', 2, 1],
      ["36'", 'vinicius-junior', 2, 2],
      ["47'", 'eder-militao', 2, 3],
      ["55'", 'karim-benzema', 2, 4],
      ["67'", 'karim-benzema', 2, 5],
    ]);
    expect(rows[0]).toMatchObject({
      match: '2023-02-21-liverpool-real-madrid',
      team: 'Liverpool',
      scorer: 'Darwin Núñez',
    });
  });

  it('rows of several matches carry each match’s columns; ids name them when given', () => {
    const rows = toRows([leg1, final], 'cards', ['leg1.ndjson', 'final.ndjson']);
    expect(rows.every((r) => r.match === 'final.ndjson')).toBe(true);
    expect(rows[0]).toMatchObject({ playerId: 'fabinho', card: 'yellow', minute: "62'", season: '2021-22' });
  });

  it('minutes and players agree, and every row is flat', () => {
    const minutes = toRows([final], 'minutes');
    const players = toRows([final], 'players');
    for (const m of minutes) expect(players.find((p) => p.playerId === m.playerId)!.minutes).toBe(m.minutes);
    const subs = toRows([final], 'substitutions');
    expect(subs[0]).toMatchObject({ playerOffId: 'luis-diaz', playerOnId: 'diogo-jota', minute: "65'" });
    for (const kind of ROW_KINDS)
      for (const row of toRows([leg1, final], kind))
        for (const value of Object.values(row))
          expect(['string', 'number', 'boolean'].includes(typeof value) || value === null).toBe(true);
  });
});

describe('stateAt named points', () => {
  it('HT is the end of the first half: 2-2 at Anfield; a bad point is a USAGE error naming HT and FT', () => {
    const events = seed(LEG1);
    expect(stateAt(events, 'HT').score).toEqual({ home: 2, away: 2 });
    expect(stateAt(events, 'ht').status).toBe('interval');
    expect(stateAt(events, 'FT').score).toEqual({ home: 2, away: 5 });
    expect(() => stateAt(events, 'half')).toThrow(/USAGE.*HT, ET or FT/);
  });
});
