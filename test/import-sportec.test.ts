/**
 * Sportec Solutions / DFL event data (kloppy's test files: SC Freiburg v Borussia Mönchengladbach,
 * Bundesliga 2019-20 matchday 30, 5 June 2020; data rights the DFL's, see
 * test/fixtures/providers/README.md). The facts asserted are those of
 * ../shared/fixtures/providers/README.md: Result 1:0, FinalResult 0:0 at half time, N. Petersen's
 * header at 58' (assist V. Grifo) by a substitute whose coming-on the excerpt lacks, Waldschmidt's
 * yellow card at 16', referee Markus Schmidt and four officials, coaches C. Streich and M. Rose, and
 * kloppy's pasted own goal (CurrentResult 3:3 in a 1-0 match), which the sheet overrules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sportec } from '../src/import/index.js';
import { fold } from '../src/match/fold.js';
import { matchSummary } from '../src/match/summary.js';
import { ROOT, thrownBy } from './helpers.js';

const DIR = join(ROOT, 'test/fixtures/providers/sportec');
const EVENTS = readFileSync(join(DIR, 'sportec_events.xml'), 'utf8');
const META = readFileSync(join(DIR, 'sportec_meta.xml'), 'utf8');
const load = (options: Parameters<typeof sportec.load>[1] = {}, events = EVENTS, meta = META) =>
  sportec.load(
    { events: { name: 'sportec_events.xml', text: events }, meta: { name: 'sportec_meta.xml', text: meta } },
    options,
  );
const PASTED_OWN_GOAL = /<Event Y-Source-Position="37.11"[\s\S]*?<\/Event>\s*/;
/** An Event element at a wall-clock time, wrapping the given XML. */
const event = (id: string, time: string, inner: string) =>
  `<Event MatchId="DFL-MAT-003BN1" EventId="${id}" EventTime="2020-06-05T${time}+02:00">${inner}</Event>\n`;
/** The events file with extra Event elements before the second half's final whistle. */
const withEvents = (...extra: string[]) =>
  EVENTS.replace(/(\s*<Event [^>]*EventId="17364900001576")/, `\n${extra.join('')}$1`);

const typed = thrownBy;

describe('DFL: SC Freiburg 1-0 Borussia Mönchengladbach (Bundesliga 2019-20, matchday 30)', () => {
  const loaded = load({ keepActions: true });
  const { events, state, result } = loaded.streams[0]!;

  it('the match information gives the fixture: teams, competition, season, matchday, kick-off, venue, referee', () => {
    const fixture = events[0]!;
    expect(fixture).toMatchObject({
      type: 'fixture',
      competition: 'Bundesliga',
      season: '2019-20',
      round: 'Matchday 30',
      home: { id: 'DFL-CLU-00000A', name: 'Sport-Club Freiburg' },
      away: { id: 'DFL-CLU-000004', name: 'Borussia Mönchengladbach' },
      venue: 'Schwarzwald-Stadion',
      kickoff: '2020-06-05T20:30:00+02:00',
      source: { provider: 'sportec', id: 'DFL-MAT-003BN1' },
    });
    if (fixture.type !== 'fixture') throw new Error('no fixture');
    expect(fixture.officials).toHaveLength(4);
    expect(fixture.officials?.map((o) => o.role)).toEqual([
      'referee',
      'assistant',
      'assistant',
      'fourthOfficial',
    ]);
    expect(matchSummary(state).referee).toBe('M. Schmidt');
  });

  it('line-ups: eleven starters a side by Starting, Schwolow #1 in goal, the head coaches as officials', () => {
    const lineups = events[1]!;
    if (lineups.type !== 'lineups') throw new Error('no lineups');
    expect(lineups.home.starting).toHaveLength(11);
    expect(lineups.away.starting).toHaveLength(11);
    expect(lineups.home.starting[0]).toEqual({
      id: 'DFL-OBJ-00001D',
      name: 'A. Schwolow',
      fullName: 'Alexander Schwolow',
      shirt: 1,
      position: 'TW',
    });
    expect(lineups.home.substitutes.map((p) => p.name)).toContain('N. Petersen');
    expect(lineups.home.officials?.map((o) => o.name)).toEqual(['C. Streich']);
    expect(lineups.away.officials?.map((o) => o.name)).toEqual(['M. Rose']);
  });

  it('periods run from each KickOff with a GameSection to its FinalWhistle', () => {
    const periods = events.filter((e) => e.type === 'periodEnded').map((e) => e.at);
    // 20:30:00.210 to 21:16:24.000, and 21:33:27.010 to 22:23:18.000
    expect(periods).toEqual([
      { period: 1, ms: 46 * 60_000 + 23_790 },
      { period: 2, ms: 49 * 60_000 + 50_990 },
    ]);
    expect(state.status).toBe('finished');
  });

  it("1-0, half time 0-0: N. Petersen's header at 58' with Grifo's assist; the sheet agrees", () => {
    expect(state.score).toEqual({ home: 1, away: 0 });
    expect(state.halfTime).toEqual({ home: 0, away: 0 });
    expect(result).toEqual({
      score: { home: 1, away: 0 },
      decidedBy: 'DFL match information Result',
      agrees: true,
    });
    const goals = events.filter((e) => e.type === 'goal');
    expect(goals).toHaveLength(1);
    expect(goals[0]).toMatchObject({
      at: { period: 2, ms: 12 * 60_000 + 58_350 },
      team: 'home',
      scorerName: 'N. Petersen',
      assist: 'DFL-OBJ-0001E6',
      ownGoal: false,
      penalty: false,
    });
    expect(state.goals.map((g) => g.minute)).toEqual(["58'"]);
    expect(events.at(-1)).toMatchObject({
      type: 'resultRecorded',
      fullTime: { home: 1, away: 0 },
      halfTime: { home: 0, away: 0 },
    });
  });

  it('Petersen came on without a Substitution in the excerpt: the goal names him and says so', () => {
    const note = loaded.warnings.find((w) => w.eventId === '17364900001017');
    expect(note?.code).toBe('IMPORT_NOTE');
    expect(note?.message).toMatch(/N\. Petersen is a substitute whose coming-on is not in the feed/);
  });

  it("Waldschmidt's yellow card at 16' (15:55.83 into the first half)", () => {
    const cards = events.filter((e) => e.type === 'booking');
    expect(cards).toEqual([
      expect.objectContaining({
        at: { period: 1, ms: 15 * 60_000 + 55_830 },
        team: 'home',
        player: 'DFL-OBJ-00021Q',
        card: 'yellow',
      }),
    ]);
    expect(matchSummary(state).cards.map((c) => c.minute)).toEqual(["16'"]);
  });

  it('the pasted own goal (CurrentResult 3:3 in a 1-0 match) is overruled by the sheet, kept as an action and reported', () => {
    const contradiction = loaded.warnings.find((w) => w.eventId === '182094');
    expect(contradiction?.code).toBe('FEED_CONTRADICTION');
    expect(contradiction?.message).toMatch(/3:3.*match sheet's 1:0/);
    expect(contradiction?.line).toBeGreaterThan(1);
    const kept = events.find((e) => e.source?.id === '182094');
    expect(kept).toMatchObject({ type: 'action', team: 'away', player: 'DFL-OBJ-0028QK' });
    // Without keepActions the overruled goal is still written as an action, so nothing is hidden.
    expect(load().streams[0]!.events.some((e) => e.source?.id === '182094' && e.type === 'action')).toBe(
      true,
    );
  });

  it('every event passes the schemas and the stream folds in strict mode to the same state', () => {
    expect(fold(events).score).toEqual({ home: 1, away: 0 });
    expect(fold(events).rejected.size).toBe(0);
    // Every other DFL event is an action with its element chain as kind.
    expect(events.filter((e) => e.type === 'action').map((e) => e.type === 'action' && e.kind)).toContain(
      'KickOff > Play > Pass',
    );
  });
});

describe('DFL rules no fixture has, on edited copies of the same files', () => {
  it('without the pasted own goal nothing contradicts the sheet', () => {
    const clean = load({}, EVENTS.replace(PASTED_OWN_GOAL, ''));
    expect(clean.warnings.filter((w) => w.code === 'FEED_CONTRADICTION')).toEqual([]);
    expect(clean.streams[0]!.state.score).toEqual({ home: 1, away: 0 });
  });

  it('an own goal that agrees with its running score counts for TeamOwnGoalCountsFor', () => {
    const edited = load(
      {},
      EVENTS.replace('CurrentResult="3:3"', 'CurrentResult="2:0"').replace(
        'FinalResult="1:0"/>\n    </Event>\n</PutDataRequest>',
        'FinalResult="2:0"/>\n    </Event>\n</PutDataRequest>',
      ),
      META.replace('Result="1:0"', 'Result="2:0"'),
    );
    const { state } = edited.streams[0]!;
    expect(state.score).toEqual({ home: 2, away: 0 });
    const own = edited.streams[0]!.events.find((e) => e.type === 'goal' && e.ownGoal);
    expect(own).toMatchObject({ team: 'home', scorerTeam: 'away', scorer: 'DFL-OBJ-0028QK' });
  });

  it('a Substitution puts the player on: his goal is credited to him, and minutes follow', () => {
    const edited = load(
      {},
      withEvents(
        event(
          'sub-1',
          '21:40:00.000',
          '<Substitution Team="DFL-CLU-00000A" PlayerIn="DFL-OBJ-0000IU" PlayerOut="DFL-OBJ-0027B9" PlayingPosition="STL"/>',
        ),
      ),
    );
    const { events, state } = edited.streams[0]!;
    expect(events.find((e) => e.type === 'substitution')).toMatchObject({
      team: 'home',
      playerOff: 'DFL-OBJ-0027B9',
      playerOn: 'DFL-OBJ-0000IU',
    });
    expect(events.find((e) => e.type === 'goal')).toMatchObject({ scorer: 'DFL-OBJ-0000IU' });
    expect(state.players.get('DFL-OBJ-0000IU')?.goals).toBe(1);
  });

  it('CardColor yellowRed is a second yellow and red a straight red', () => {
    const edited = load(
      {},
      withEvents(
        event(
          'c-1',
          '21:50:00.000',
          '<Caution CardColor="yellowRed" Team="DFL-CLU-00000A" Player="DFL-OBJ-00021Q"/>',
        ),
        event(
          'c-2',
          '21:55:00.000',
          '<Caution CardColor="red" Team="DFL-CLU-000004" Player="DFL-OBJ-0028QK"/>',
        ),
      ),
    );
    const cards = edited.streams[0]!.events.filter((e) => e.type === 'booking').map(
      (e) => e.type === 'booking' && e.card,
    );
    expect(cards).toEqual(['yellow', 'secondYellow', 'red']);
    expect(edited.streams[0]!.state.players.get('DFL-OBJ-00021Q')?.status).toBe('sentOff');
  });

  it('a saved shot inside a Penalty set piece is a missed penalty', () => {
    const edited = load(
      {},
      withEvents(
        event(
          'p-1',
          '22:00:00.000',
          '<Penalty Team="DFL-CLU-000004"><ShotAtGoal Team="DFL-CLU-000004" Player="DFL-OBJ-0028QK"><SavedShot/></ShotAtGoal></Penalty>',
        ),
      ),
    );
    expect(edited.streams[0]!.events.find((e) => e.type === 'penaltyMissed')).toMatchObject({
      team: 'away',
      taker: 'DFL-OBJ-0028QK',
      outcome: 'saved',
    });
  });

  it('malformed input is a typed error with the file and line; one file alone is a usage error', () => {
    const broken = typed(() => load({}, EVENTS.replace('</Event>', '</Evnt>')));
    expect(broken).toMatchObject({ code: 'PARSE_ERROR', file: 'sportec_events.xml' });
    expect((broken as { line?: number }).line).toBeGreaterThan(1);
    expect(typed(() => load({}, EVENTS, META.replace(/Role="guest"/, 'Role="visitor"')))).toMatchObject({
      code: 'PROVIDER_FORMAT',
      file: 'sportec_meta.xml',
    });
    expect(typed(() => sportec.loadFiles([{ name: 'sportec_events.xml', text: EVENTS }]))).toMatchObject({
      code: 'USAGE',
    });
    // The command tells the two files apart by their content, in either order.
    const either = sportec.loadFiles([
      { name: 'b.xml', text: META },
      { name: 'a.xml', text: EVENTS },
    ]);
    expect(either.streams[0]!.state.score).toEqual({ home: 1, away: 0 });
  });
});

describe('matchline import sportec', () => {
  it('writes a stream whose summary gives the score, the referee and the warning of the overruled goal', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'matchline-sportec-')), 'dfl');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    const imported = run([
      'import',
      'sportec',
      join(DIR, 'sportec_meta.xml'),
      join(DIR, 'sportec_events.xml'),
      '-o',
      out,
    ]);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toMatch(/FEED_CONTRADICTION.*182094/);
    const [file] = readdirSync(out);
    expect(file).toBe('sportec-DFL-MAT-003BN1.ndjson');
    const summary = run(['summary', join(out, file!)]);
    expect(summary.status).toBe(0);
    expect(summary.stdout).toMatch(/Sport-Club Freiburg 1-0 Borussia Mönchengladbach \(HT 0-0\)/);
    expect(summary.stdout).toMatch(/Schwarzwald-Stadion, referee M\. Schmidt/);
  });
});
