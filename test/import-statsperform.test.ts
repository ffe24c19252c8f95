import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statsperform } from '../src/import/index.js';
import { isMatchlineError, minutesOf } from '../src/index.js';
import { fold } from '../src/match/fold.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test/fixtures/providers/statsperform');
const file = (path: string) => ({ name: path, text: readFileSync(join(DIR, path), 'utf8') });
const json = statsperform.load({
  matchSheet: file('statsperform_event_ma1.json'),
  events: file('statsperform_event_ma3.json'),
});

describe('Stats Perform MA1 + MA3: Hamburger SV 2-1 SV Sandhausen (whole match)', () => {
  const stream = json.streams[0]!;
  const { state, events } = stream;
  const player = (name: string) => [...state.players.values()].find((p) => p.name === name)!;

  it('fixture from the MA1: teams by position, kick-off in UTC, 2. Bundesliga 2021-22, week 6', () => {
    expect(events[0]).toMatchObject({
      type: 'fixture',
      competition: '2. Bundesliga',
      season: '2021-22',
      round: 'Matchday 6',
      venue: 'Volksparkstadion',
      kickoff: '2021-09-11T18:30:00Z',
      home: { id: '75xi6hloabmnjn2kzgj1g8h1s', name: 'Hamburger SV' },
      away: { id: '884uzyf1wosc7ykji6e18gifp', name: 'Sandhausen' },
    });
    const lineups = events[1]!;
    if (lineups.type !== 'lineups') throw new Error('lineups second');
    expect(lineups.home.starting.length + lineups.home.substitutes.length).toBe(20);
    expect(lineups.away.starting.length + lineups.away.substitutes.length).toBe(20);
    expect(lineups.home.starting).toHaveLength(11);
  });

  it('the score 2-1 (HT 0-0) agrees with the MA1, which is recorded as the result', () => {
    expect(state.score).toEqual({ home: 2, away: 1 });
    expect(state.halfTime).toEqual({ home: 0, away: 0 });
    expect(stream.result).toEqual({ score: { home: 2, away: 1 }, decidedBy: 'the MA1 scores', agrees: true });
    expect(events.at(-1)).toMatchObject({ type: 'resultRecorded', fullTime: { home: 2, away: 1 } });
    expect(json.warnings.filter((w) => w.code === 'FEED_CONTRADICTION')).toEqual([]);
  });

  it('goals: D. Kinsombi’s penalty at 73:39, Bachmann 86:57 (Conteh), Heyer 95:22 (Reis); two Kinsombis kept apart by id', () => {
    expect(
      state.goals.map((g) => [
        g.minute,
        g.team,
        g.penalty,
        state.players.get(g.scorer!)?.name,
        g.assist ? state.players.get(g.assist)?.name : null,
      ]),
    ).toEqual([
      ["74'", 'home', true, 'D. Kinsombi', null],
      ["87'", 'away', false, 'J. Bachmann', 'C. Conteh'],
      ["90+6'", 'home', false, 'M. Heyer', 'L. Reis'],
    ]);
    expect(state.goals[0]!.at).toEqual({ period: 2, ms: (73 * 60 + 39 - 45 * 60) * 1000 });
    expect([player('D. Kinsombi').team, player('C. Kinsombi').team]).toEqual(['home', 'away']);
  });

  it('cards: four to players (Ritzmaier’s second yellow at 71:48 sends him off) and one to team official Kulovits; the two deleted cards are not counted', () => {
    const bookings = events.filter((e) => e.type === 'booking');
    expect(
      bookings.map((b) => [
        b.clock,
        b.card,
        b.player ? state.players.get(b.player)?.name : `official ${b.official}`,
      ]),
    ).toEqual([
      ['10:13', 'yellow', 'M. Ritzmaier'],
      ['68:18', 'yellow', 'A. Esswein'],
      ['70:27', 'yellow', 'E. Zenga'],
      ['71:48', 'secondYellow', 'M. Ritzmaier'],
      // The MA1's teamOfficialId decides over the MA3's q283 id.
      ['93:53', 'yellow', 'official e2uqfil4tuurmjujxxjph9hat'],
    ]);
    expect(player('M. Ritzmaier').status).toBe('sentOff');
    expect(events.some((e) => e.source?.id === '2328664461' || e.source?.id === '2328664613')).toBe(false);
    expect(stream.deleted).toHaveLength(71);
  });

  it('nine substitutions at the MA1 times; minutes from the on/off times', () => {
    const subs = events.filter((e) => e.type === 'substitution');
    expect(subs).toHaveLength(9);
    expect(subs[0]).toMatchObject({ at: { period: 2, ms: 946_000 }, clock: '60:46' });
    expect([state.players.get(subs[0]!.playerOff)?.name, state.players.get(subs[0]!.playerOn)?.name]).toEqual(
      ['M. Wintzheimer', 'B. Jatta'],
    );
    expect(minutesOf(state, player('M. Wintzheimer').id)).toBe(61);
    expect(minutesOf(state, player('M. Ritzmaier').id)).toBe(72);
    expect(minutesOf(state, player('M. Wintzheimer').id, { mode: 'actual' })).toBeCloseTo(
      45 + 2 / 60 + 15 + 46 / 60,
      1,
    );
  });

  it('the XML pair gives the same stream as the JSON pair; the MA1 alone gives the same goals, cards and changes', () => {
    const xml = statsperform.load({
      matchSheet: file('statsperform_event_ma1.xml'),
      events: file('statsperform_event_ma3.xml'),
    }).streams[0]!;
    expect(xml.events).toEqual(events);
    const sheetOnly = statsperform.load({ matchSheet: file('statsperform_event_ma1.json') }).streams[0]!;
    const pick = (s: typeof stream) =>
      s.events
        .filter((e) => ['goal', 'booking', 'substitution'].includes(e.type))
        .map((e) => [e.type, e.at, e.clock]);
    expect(pick(sheetOnly)).toEqual(pick(stream));
    expect(sheetOnly.state.score).toEqual({ home: 2, away: 1 });
  });

  it('with every on-ball event kept: 1,651 events that fold in strict mode; a UTF-8 BOM is fine', () => {
    const full = statsperform.load(
      {
        matchSheet: file('statsperform_event_ma1.xml'),
        events: { name: 'bom.xml', text: `\uFEFF${file('statsperform_event_ma3.xml').text}` },
      },
      { keepActions: true },
    ).streams[0]!;
    expect(full.events).toHaveLength(1651);
    expect(full.state.score).toEqual(state.score);
    expect(() => fold(full.events)).not.toThrow();
  });

  it('malformed input is a typed error naming the file and where', () => {
    const broken = JSON.parse(file('statsperform_event_ma3.json').text) as {
      liveData: { event: Record<string, unknown>[] };
    };
    delete broken.liveData.event[3]!.typeId;
    try {
      statsperform.load({
        matchSheet: file('statsperform_event_ma1.json'),
        events: { name: 'ma3.json', text: JSON.stringify(broken) },
      });
      throw new Error('no error');
    } catch (e) {
      expect(isMatchlineError(e) && e.toJSON()).toMatchObject({
        code: 'PROVIDER_FORMAT',
        file: 'ma3.json',
        pointer: '/liveData/event/3/typeId',
      });
    }
    try {
      statsperform.load({
        matchSheet: { name: 'ma1.json', text: file('statsperform_event_ma1.json').text.slice(0, 900) },
      });
      throw new Error('no error');
    } catch (e) {
      expect(isMatchlineError(e) && e.toJSON()).toMatchObject({ code: 'PARSE_ERROR', file: 'ma1.json' });
    }
  });
});
