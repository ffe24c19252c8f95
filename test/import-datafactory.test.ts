import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datafactory } from '../src/import/index.js';
import { isMatchlineError } from '../src/index.js';
import { fold } from '../src/match/fold.js';
import { ROOT } from './helpers.js';

const PATH = join(ROOT, 'test/fixtures/providers/datafactory/datafactory_events.json');
const text = readFileSync(PATH, 'utf8');
const load = (keepActions = false) =>
  datafactory.load({ name: 'datafactory_events.json', text }, { keepActions });

describe('DataFactory: Team A 4-2 Team B (anonymised feed)', () => {
  const { streams, warnings } = load();
  const { state, events, result, deleted } = streams[0]!;
  const name = (id: string | null | undefined) => (id ? state.players.get(id)?.name : undefined);

  it('fixture: home 282 Team A, away 279 Team B, local kick-off with the stadium offset, week "Final"', () => {
    expect(events[0]).toMatchObject({
      type: 'fixture',
      home: { id: 't282', name: 'Team A' },
      away: { id: 't279', name: 'Team B' },
      kickoff: '2011-11-11T12:00:00+03:00',
      round: 'Final',
      source: { provider: 'datafactory', id: '1111111' },
    });
    const lineups = events[1]!;
    if (lineups.type !== 'lineups') throw new Error('lineups second');
    expect(lineups.home.starting).toHaveLength(11);
    expect(lineups.home.starting[0]).toEqual({ id: 'p38804', name: 'Daniel Bold', shirt: 1 });
    // The coach (posnId 5) is an official, not a twelfth starter.
    expect(lineups.home.officials).toEqual([{ id: 'p14141', name: 'Charles Sirois' }]);
  });

  it('the own goal (type 10) by a Team B player counts for Team A; the penalty (type 13); 4-2, HT 2-1, as scoreStatus says', () => {
    expect(
      state.goals.map((g) => [g.minute, g.team, g.ownGoal, g.penalty, name(g.scorer), name(g.assist)]),
    ).toEqual([
      ["19'", 'home', true, false, 'Andrew Burhans', undefined],
      ["28'", 'away', false, false, 'Ruth Parker', 'Otis Metts'],
      ["38'", 'home', false, true, 'Dane Jacks', undefined],
      ["59'", 'home', false, false, 'Margaret Reyes', undefined],
      ["65'", 'home', false, false, 'Michael Tarver', 'Karen Kerr'],
      ["69'", 'away', false, false, 'Andrew Burhans', undefined],
    ]);
    expect(state.goals[0]!.at).toEqual({ period: 1, ms: 18 * 60_000 + 2_000 });
    // t.m runs on: 58:38 in the second half is 13:38 after its kick-off.
    expect(state.goals[3]!.at).toEqual({ period: 2, ms: 13 * 60_000 + 38_000 });
    expect(state.score).toEqual({ home: 4, away: 2 });
    expect(state.halfTime).toEqual({ home: 2, away: 1 });
    expect(result).toEqual({
      score: { home: 4, away: 2 },
      decidedBy: 'the DataFactory scoreStatus',
      agrees: true,
    });
    expect(warnings.filter((w) => w.code === 'FEED_CONTRADICTION')).toEqual([]);
  });

  it('three yellow cards and five substitutions at their times', () => {
    const cards = events.filter((e) => e.type === 'booking');
    expect(cards.map((c) => [c.clock, c.card, name(c.player)])).toEqual([
      ['27:01', 'yellow', 'Billy Orosco'],
      ['40:15', 'yellow', 'Karen Kerr'],
      ['91:57', 'yellow', 'Jeanie Eastman'],
    ]);
    const subs = events.filter((e) => e.type === 'substitution');
    expect(subs.map((s) => [s.clock, s.team, name(s.playerOff), name(s.playerOn)])).toEqual([
      ['54:03', 'home', 'Billy Orosco', 'Lee Coaxum'],
      ['70:36', 'away', 'Jeane Noel', 'Joyce Goodman'],
      ['72:45', 'home', 'Hertha Rhodes', 'Harold Wells'],
      ['80:39', 'home', 'Connie Schachter', 'Michael Perkins'],
      ['81:13', 'away', 'Francis Crandall', 'Ernest Brown'],
    ]);
  });

  it('periods from the status incidences: the first half ends at 48:32, the match at 95:10', () => {
    const ends = events.filter((e) => e.type === 'periodEnded').map((e) => e.at);
    expect(ends).toEqual([
      { period: 1, ms: 48 * 60_000 + 32_000 },
      { period: 2, ms: (95 - 45) * 60_000 + 10_000 },
    ]);
    expect(state.status).toBe('finished');
  });

  it('deletedIncidences are listed for re-imports; every on-ball class kept as actions folds strictly', () => {
    expect(deleted?.map((d) => d.id)).toEqual(['22094476', '22094664', '22094716', '22095107', '22095116']);
    const full = load(true).streams[0]!;
    expect(full.events.filter((e) => e.type === 'action').length).toBeGreaterThan(900);
    expect(full.state.score).toEqual(state.score);
    expect(() => fold(full.events)).not.toThrow();
  });

  it('a feed without its match object is a typed error naming the file', () => {
    try {
      datafactory.load({ name: 'x.json', text: '{"incidences":{}}' });
      throw new Error('no error');
    } catch (e) {
      expect(isMatchlineError(e) && e.toJSON()).toMatchObject({ code: 'PROVIDER_FORMAT', file: 'x.json' });
    }
  });
});
