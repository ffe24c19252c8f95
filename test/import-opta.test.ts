import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opta } from '../src/import/index.js';
import { changesSince } from '../src/import/kit/index.js';
import { isMatchlineError } from '../src/events/index.js';
import { fold } from '../src/match/fold.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test/fixtures/providers/opta');
const file = (path: string) => ({ name: path, text: readFileSync(join(DIR, path), 'utf8') });
const load = (events: string, sheet: string, keepActions = false) =>
  opta.load({ events: file(events), matchSheet: file(sheet) }, { keepActions });

describe('Opta F24 + F7: FC København v FC Nordsjælland (kloppy excerpt, test-edited)', () => {
  const { streams, warnings } = load('opta_f24.xml', 'opta_f7.xml', true);
  const stream = streams[0]!;
  const { state, events } = stream;
  const byName = (name: string) => [...state.players.values()].find((p) => p.name === name)!;

  it('fixture and line-ups from the F7: teams, kick-off with its offset, 18 players a side, known names first', () => {
    const fixture = events[0]!;
    expect(fixture).toMatchObject({
      type: 'fixture',
      home: { id: 't569', name: 'FC København' },
      away: { id: 't2592', name: 'FC Nordsjælland' },
      kickoff: '2018-09-23T15:00:00+01:00',
      season: '2018',
    });
    const lineups = events[1]!;
    if (lineups.type !== 'lineups') throw new Error('lineups second');
    expect([lineups.home.starting.length, lineups.home.substitutes.length]).toEqual([11, 7]);
    expect([lineups.away.starting.length, lineups.away.substitutes.length]).toEqual([11, 7]);
    expect(lineups.home.starting[0]).toEqual({
      id: 'p111319',
      name: 'Jesse Joronen',
      shirt: 21,
      position: 'Goalkeeper',
    });
    expect(lineups.home.substitutes.find((p) => p.id === 'p88022')).toMatchObject({
      name: 'Pieros Sotiriou',
    });
    expect(lineups.away.substitutes.find((p) => p.id === 'p460842')).toMatchObject({
      name: 'Mohammed Kudus',
      shirt: 39,
    });
    expect(lineups.home.starting.find((p) => p.id === 'p84359')).toMatchObject({
      name: 'Zeca',
      fullName: 'José Carlos Gonçalves Rodrigues',
    });
  });

  it('goals: Donyoh’s penalty at 22:09, Kudus at 47:19, and his own goal at 49:19 credited to København', () => {
    expect(
      state.goals.map((g) => [
        g.minute,
        g.team,
        g.penalty,
        g.ownGoal,
        state.players.get(g.scorer ?? '')?.name,
      ]),
    ).toEqual([
      ["23'", 'away', true, false, 'Godsway Donyoh'],
      ["48'", 'away', false, false, 'Mohammed Kudus'],
      ["50'", 'home', false, true, 'Mohammed Kudus'],
    ]);
    expect(state.score).toEqual({ home: 1, away: 2 });
    expect(state.halfTime).toEqual({ home: 0, away: 1 });
  });

  it('Kudus on for Strunck Jakobsen at half-time (q55 pair), sent off at 50:19 (q33)', () => {
    const subs = events.filter((e) => e.type === 'substitution');
    expect(subs).toEqual([
      expect.objectContaining({
        team: 'away',
        playerOff: 'p445731',
        playerOn: 'p460842',
        atInterval: true,
        at: { period: 2, ms: 0 },
      }),
    ]);
    expect(byName('Mohammed Kudus').status).toBe('sentOff');
    expect(byName('Mohammed Kudus').cards).toEqual([
      expect.objectContaining({ card: 'red', at: { period: 2, ms: 5 * 60_000 + 19_000 } }),
    ]);
    expect(events.filter((e) => e.type === 'booking')).toHaveLength(1);
  });

  it('the F7 decides the result (2-1) against the events (1-2), and says so with a code', () => {
    expect(stream.result).toEqual({
      score: { home: 2, away: 1 },
      decidedBy: 'the Opta F7 TeamData Score',
      agrees: false,
    });
    const conflict = warnings.filter(
      (w) => w.code === 'FEED_CONTRADICTION' && /says 2-1, the events give 1-2/.test(w.message),
    );
    expect(conflict).toHaveLength(1);
    expect((events[0] as { notes?: string }).notes).toMatch(/says 2-1, the events give 1-2/);
    // The sheet's own contradiction: a shoot-out winner after a 2-1.
    expect(
      warnings.some((w) => w.code === 'FEED_CONTRADICTION' && /PenaltyShootout.*not level/.test(w.message)),
    ).toBe(true);
  });

  it('fabricated extra time and the shoot-out kick after a 1-2 are left out with a code, never silently', () => {
    expect(events.some((e) => e.source?.id === '2614247749')).toBe(false);
    expect(warnings.find((w) => w.eventId === 'opta-2614247749')).toMatchObject({
      code: 'FEED_CONTRADICTION',
    });
    expect(warnings.find((w) => w.eventId === 'opta-2614238693')?.message).toMatch(/MATCH_NOT_LEVEL/);
    expect(state.status).toBe('finished');
    expect(events.at(-1)).toMatchObject({ type: 'matchEnded', at: { period: 2 } });
  });

  it('test edits are reported: the repeated id 2498907287 and player 99999', () => {
    expect(warnings.filter((w) => /2498907287 occurs more than once/.test(w.message))).toHaveLength(1);
    expect(events.filter((e) => e.source?.id === '2498907287').map((e) => e.id)).toEqual([
      'opta-2498907287',
      'opta-2498907287.2',
    ]);
    expect(
      warnings.some((w) => w.eventId === '2360555167' && /p99999 is not in the line-ups/.test(w.message)),
    ).toBe(true);
  });

  it('what is written folds in strict mode, and the same derived figures as without actions', () => {
    expect(() => fold(events)).not.toThrow();
    const lean = load('opta_f24.xml', 'opta_f7.xml', false).streams[0]!;
    expect(lean.state.score).toEqual(state.score);
    expect(lean.events.some((e) => e.type === 'action')).toBe(false);
    expect(events.filter((e) => e.type === 'action').length).toBeGreaterThan(20);
  });
});

describe('Opta type 43: the deleted event of kloppy issue 60', () => {
  it('is left out, listed as deleted, and a re-import turns it into eventRetracted of the original id', () => {
    const next = load('issue_60/opta_f24.xml', 'issue_60/opta_f7.xml', true);
    const snapshot = next.streams[0]!;
    expect(snapshot.events.some((e) => e.source?.id === '2087733359')).toBe(false);
    expect(snapshot.deleted).toEqual([{ provider: 'opta', id: '2087733359' }]);
    expect(next.warnings.some((w) => /2087733359 \(was type 50\)/.test(w.message))).toBe(true);
    // The earlier snapshot (opta_f24.xml) still has it as a type-50 event.
    const stored = load('opta_f24.xml', 'opta_f7.xml', true).streams[0]!;
    const original = stored.events.find((e) => e.source?.id === '2087733359')!;
    expect(original).toMatchObject({ type: 'action', kind: 'dispossessed', player: 'p82830' });
    const { append } = changesSince(stored.events, snapshot.events, snapshot.deleted);
    const retraction = append.find((e) => e.type === 'eventRetracted');
    expect(retraction).toMatchObject({ target: original.id, reason: 'feedDeletion' });
    const after = fold([...stored.events, ...append], undefined, { mode: 'lenient' });
    expect(after.warnings.filter((w) => w.eventId === retraction?.id)).toEqual([]);
  });
});

describe('Opta: malformed files are typed errors with the file and the line', () => {
  const error = (events: string, sheet?: string) => {
    try {
      opta.load({
        events: { name: 'bad.xml', text: events },
        ...(sheet ? { matchSheet: { name: 'f7.xml', text: sheet } } : {}),
      });
    } catch (e) {
      if (isMatchlineError(e)) return e;
      throw e;
    }
    throw new Error('no error');
  };
  const f24 = readFileSync(join(DIR, 'opta_f24.xml'), 'utf8');
  const f7 = readFileSync(join(DIR, 'opta_f7.xml'), 'utf8');

  it('truncated XML: PARSE_ERROR naming the file and a line', () => {
    const e = error(f24.slice(0, 5000), f7);
    expect(e).toMatchObject({ code: 'PARSE_ERROR', file: 'bad.xml' });
    expect(e.line).toBeGreaterThan(1);
  });

  it('an event without type_id: PROVIDER_FORMAT at that event’s line', () => {
    const broken = f24.replace('type_id="32" period_id="1"', 'period_id="1"');
    const line = broken.slice(0, broken.indexOf('id="1542634628"')).split('\n').length;
    expect(error(broken, f7)).toMatchObject({
      code: 'PROVIDER_FORMAT',
      file: 'bad.xml',
      line,
      pointer: '/Games/Game/Event[2]',
    });
  });

  it('an F24 that names no home team, without its F7: USAGE, asking for the F7', () => {
    expect(error(f24)).toMatchObject({ code: 'USAGE' });
  });
});
