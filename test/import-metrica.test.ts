/**
 * Metrica Sports events JSON (Sample Game 3, "Team A" v "Team B", from kloppy's tests; credit
 * "Metrica Sports sample data", see test/fixtures/providers/README.md). The facts asserted are those
 * of ../shared/fixtures/providers/README.md: 3,620 events, Team A 0-2 Team B (HT 0-1), goals by
 * Player 27 (19') and Player 22 (53'), a yellow card for Player 21 (69'), no substitution events.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesSince, metrica } from '../src/import/index.js';
import { checkEvent } from '../src/events/validate.js';
import { parseStream } from '../src/events/index.js';
import { fold } from '../src/match/fold.js';
import { ROOT, thrownBy } from './helpers.js';

const PATH = join(ROOT, 'test/fixtures/providers/metrica/metrica_events.json');
const text = readFileSync(PATH, 'utf8');
const KICKOFF = '2019-10-05T15:00:00Z';
type Raw = {
  index: number;
  type: { name: string; id: number };
  subtypes: null | { name: string } | { name: string }[];
  period: number;
  start: { time: number };
  end: { time: number };
  team: { id: string };
  from: { id: string; name: string } | null;
};
const raw = JSON.parse(text) as { data: Raw[]; metadata: unknown[] };
const subtypesOf = (r: Raw) =>
  r.subtypes === null ? [] : (Array.isArray(r.subtypes) ? r.subtypes : [r.subtypes]).map((s) => s.name);
const load = (options: Parameters<typeof metrica.load>[1] = {}, input = text) =>
  metrica.load({ name: 'metrica_events.json', text: input }, { kickoff: KICKOFF, ...options });

const typed = thrownBy;

describe('Metrica Sample Game 3: Team A 0-2 Team B', () => {
  const full = load({ keepActions: true });
  const { events, state, result } = full.streams[0]!;
  const lean = load().streams[0]!;

  it('the file holds 3,620 events; with keepActions each becomes one stream event (2 goals, 1 card, 3,617 actions)', () => {
    expect(raw.data).toHaveLength(3620);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect([count('goal'), count('booking'), count('action')]).toEqual([2, 1, 3617]);
    // + fixture, lineups, two period starts and ends, full time
    expect(events).toHaveLength(3620 + 7);
    // Without keepActions only what changes match state is written.
    expect(lean.events.map((e) => e.type)).toEqual([
      'fixture',
      'lineups',
      'periodStarted',
      'goal',
      'periodEnded',
      'periodStarted',
      'goal',
      'booking',
      'periodEnded',
      'matchEnded',
    ]);
  });

  it('every event passes its schema and the stream folds strictly, to the same state as the lean stream', () => {
    for (const stream of [events, lean.events])
      stream.forEach((e, i) => expect(checkEvent(e, i), `event ${i}`).toBeNull());
    const strict = fold(events);
    expect(strict.rejected.size).toBe(0);
    expect(strict.score).toEqual({ home: 0, away: 2 });
    expect(fold(lean.events).score).toEqual(strict.score);
    expect(full.warnings.filter((w) => w.code === 'FEED_CONTRADICTION')).toEqual([]);
  });

  it('fixture: Team A home (the first team of the file, said in a warning), no date in the file, substitutions not covered', () => {
    expect(events[0]).toMatchObject({
      type: 'fixture',
      home: { id: 'TEAM_A', name: 'Team A' },
      away: { id: 'TEAM_B', name: 'Team B' },
      kickoff: KICKOFF,
      competition: 'Metrica',
      coverage: { substitutions: false },
    });
    expect(full.warnings.map((w) => w.message).join('\n')).toMatch(/do not say which team is at home/);
    const undated = typed(() => metrica.load(text));
    expect(undated.code).toBe('USAGE');
    expect(undated.message).toMatch(/no date/);
    expect(typed(() => load({ kickoff: '5 October 2019' })).code).toBe('USAGE');
  });

  it("goals: SHOT with subtype GOAL, both Team B: Player 27 at 18:06.56 (19'), Player 22 at 7:06.84 of period 2 (53'); HT 0-1, FT 0-2 from the goals", () => {
    const name = (id: string | null) => (id ? state.players.get(id)?.name : undefined);
    expect(
      state.goals.map((g) => [g.minute, g.team, name(g.scorer), g.scorer, g.at, g.penalty, g.ownGoal]),
    ).toEqual([
      ["19'", 'away', 'Player 27', 'P3594', { period: 1, ms: 18 * 60_000 + 6_560 }, false, false],
      ["53'", 'away', 'Player 22', 'P3589', { period: 2, ms: 7 * 60_000 + 6_840 }, false, false],
    ]);
    expect(events.filter((e) => e.type === 'goal').map((e) => e.source?.id)).toEqual(['708', '2077']);
    // The file's own goal rows: the same two.
    expect(
      raw.data.filter((r) => r.type.name === 'SHOT' && subtypesOf(r).includes('GOAL')).map((r) => r.index),
    ).toEqual([708, 2077]);
    // Index 1166 is a RECOVERY with subtype GOAL: not a shot, not a goal (an action).
    expect(events.find((e) => e.source?.id === '1166')).toMatchObject({
      type: 'action',
      kind: 'RECOVERY: GOAL',
    });
    expect(state.halfTime).toEqual({ home: 0, away: 1 });
    expect(state.score).toEqual({ home: 0, away: 2 });
    expect(state.status).toBe('finished');
    expect(result).toEqual({ score: { home: 0, away: 2 }, decidedBy: 'the events', agrees: true });
    expect(full.warnings.map((w) => w.message).join('\n')).toMatch(
      /no match sheet: the score is the sum of its goals/,
    );
  });

  it("the one card: index 2660, CARD / YELLOW, Team B Player 21, 23:31.52 into period 2 (69')", () => {
    const cards = events.filter((e) => e.type === 'booking');
    expect(cards).toEqual([
      expect.objectContaining({
        team: 'away',
        player: 'P3588',
        card: 'yellow',
        at: { period: 2, ms: 23 * 60_000 + 31_520 },
        source: { provider: 'metrica', id: '2660' },
      }),
    ]);
    expect(state.players.get('P3588')).toMatchObject({ name: 'Player 21', yellowsInPlay: 1 });
  });

  it('periods: the clock starts at each kick-off (14.44 s and 2,803.6 s of the recording) and stops at END HALF (2,783.76 s and 5,742.12 s)', () => {
    expect(
      events.filter((e) => e.type === 'periodStarted' || e.type === 'periodEnded').map((e) => [e.type, e.at]),
    ).toEqual([
      ['periodStarted', { period: 1, ms: 0 }],
      ['periodEnded', { period: 1, ms: Math.round((2783.76 - 14.44) * 1000) }],
      ['periodStarted', { period: 2, ms: 0 }],
      ['periodEnded', { period: 2, ms: Math.round((5742.12 - 2803.6) * 1000) }],
    ]);
    const kickoffs = raw.data.filter(
      (r) => r.type.name === 'SET PIECE' && subtypesOf(r).includes('KICK OFF'),
    );
    expect(kickoffs.map((r) => [r.index, r.period, r.start.time])).toEqual([
      [1, 1, 14.44],
      [709, 1, 1155.24],
      [1765, 2, 2803.6],
      [2079, 2, 3285],
    ]);
    // Every action sits at its own start.time, measured from its period's kick-off.
    const zero = { 1: 14.44, 2: 2803.6 } as Record<number, number>;
    for (const r of raw.data) {
      const e = events.find((x) => x.source?.id === String(r.index))!;
      expect(e.at).toEqual({ period: r.period, ms: Math.round((r.start.time - zero[r.period]!) * 1000) });
    }
  });

  it('line-ups inferred from who appears: the first eleven start; Players 12-17 (Team A) and 29-35 (Team B) first appear in period 2 and are substitutes', () => {
    const lineups = events[1]!;
    if (lineups.type !== 'lineups') throw new Error('lineups second');
    const names = (ps: readonly { name: string }[]) => ps.map((p) => p.name);
    expect(lineups.home.starting).toHaveLength(11);
    expect(lineups.away.starting).toHaveLength(11);
    expect(names(lineups.home.substitutes)).toEqual([12, 13, 14, 15, 16, 17].map((n) => `Player ${n}`));
    expect(names(lineups.away.substitutes)).toEqual(
      [29, 31, 32, 30, 34, 33, 35].map((n) => `Player ${n}`), // in the order they come on
    );
    expect(lineups.home.starting[0]).toEqual({ id: 'P3577', name: 'Player 10' });
    // 17 and 18 distinct players, as the README counts.
    expect(lineups.home.starting.length + lineups.home.substitutes.length).toBe(17);
    expect(lineups.away.starting.length + lineups.away.substitutes.length).toBe(18);
    const secondHalf = new Set(raw.data.filter((r) => r.period === 1).map((r) => r.from?.id));
    for (const p of [...lineups.home.substitutes, ...lineups.away.substitutes])
      expect(secondHalf.has(p.id)).toBe(false);
    expect(events.some((e) => e.type === 'substitution')).toBe(false);
    expect(full.warnings.map((w) => w.message).join('\n')).toMatch(/line-ups are inferred from who appears/);
  });

  it('actions keep the type and subtypes (null, one object or a list): "SET PIECE: KICK OFF", "PASS: HEAD" (event 99), "SET PIECE: FREE KICK, DIRECT" (130)', () => {
    const kind = (id: string) => {
      const e = events.find((x) => x.source?.id === id);
      return e?.type === 'action' ? [e.kind, e.player] : undefined;
    };
    expect(kind('1')).toEqual(['SET PIECE: KICK OFF', 'P3577']);
    expect(kind('2')).toEqual(['PASS', 'P3577']);
    expect(kind('99')).toEqual(['PASS: HEAD', 'P3568']);
    expect(kind('130')).toEqual(['SET PIECE: FREE KICK, DIRECT', 'P3574']);
    expect(kind('131')).toEqual(['SHOT: ON TARGET, SAVED', 'P3574']);
  });

  it('the home team can be given (by id or name): then Team B is home and wins 2-0 at home', () => {
    for (const home of ['Team B', 'team_b']) {
      const s = load({ home }).streams[0]!;
      expect(s.events[0]).toMatchObject({ home: { id: 'TEAM_B' }, away: { id: 'TEAM_A' } });
      expect(s.state.score).toEqual({ home: 2, away: 0 });
    }
    expect(typed(() => load({ home: 'Team C' })).code).toBe('USAGE');
  });

  it("names missing from an event are read from the file's metadata (ids as strings there, numbers in the events)", () => {
    const copy = structuredClone(raw);
    const goal = copy.data.find((r) => r.index === 708)!;
    goal.type = { id: 2 } as Raw['type'];
    goal.subtypes = [{ id: 28 }, { id: 30 }] as unknown as Raw['subtypes'];
    const s = load({}, JSON.stringify(copy)).streams[0]!;
    expect(s.state.score).toEqual({ home: 0, away: 2 });
  });
});

/** The fixture with some records rewritten (kloppy's files have no penalty, red card or second yellow). */
function edited(edits: Record<number, Partial<Raw>>) {
  const copy = structuredClone(raw);
  for (const [index, patch] of Object.entries(edits))
    Object.assign(
      copy.data.find((r) => r.index === Number(index))!,
      patch,
    );
  return load({ keepActions: true }, JSON.stringify(copy));
}
const named = (...names: string[]) => names.map((name) => ({ name }));

describe('Metrica: the rules no fixture exercises, on edited copies of Sample Game 3', () => {
  it("a SHOT after its team's SET PIECE PENALTY: scored is a penalty goal, saved is a missed penalty", () => {
    const scored = edited({
      130: { subtypes: named('PENALTY') },
      131: { subtypes: named('ON TARGET', 'GOAL') },
    }).streams[0]!;
    expect(scored.state.goals[0]).toMatchObject({
      minute: "4'",
      team: 'home',
      scorer: 'P3574',
      penalty: true,
    });
    expect(scored.state.score).toEqual({ home: 1, away: 2 });
    const saved = edited({ 130: { subtypes: named('PENALTY') } }).streams[0]!;
    expect(saved.events.find((e) => e.source?.id === '131')).toMatchObject({
      type: 'penaltyMissed',
      team: 'home',
      taker: 'P3574',
      outcome: 'saved',
      at: { period: 1, ms: Math.round((233.16 - 14.44) * 1000) },
    });
  });

  it('a second YELLOW for Player 21 is a second yellow (he is sent off), RED a red card, a card without a player an action', () => {
    const { streams, warnings } = edited({
      3038: { type: { name: 'CARD', id: 8 }, subtypes: named('YELLOW') },
      3248: { type: { name: 'CARD', id: 8 }, subtypes: named('RED') },
      3153: { type: { name: 'CARD', id: 8 }, subtypes: named('YELLOW'), from: null },
    });
    const { events, state } = streams[0]!;
    expect(events.filter((e) => e.type === 'booking').map((e) => [e.source?.id, e.player, e.card])).toEqual([
      ['2660', 'P3588', 'yellow'],
      ['3038', 'P3588', 'secondYellow'],
      ['3248', 'P3568', 'red'],
    ]);
    expect(state.players.get('P3588')?.status).toBe('sentOff');
    expect(state.players.get('P3568')?.status).toBe('sentOff');
    expect(events.find((e) => e.source?.id === '3153')).toMatchObject({
      type: 'action',
      kind: 'CARD: YELLOW',
    });
    expect(warnings.map((w) => w.message).join('\n')).toMatch(
      /card 3153 \(YELLOW\) has no player: kept as an action/,
    );
    expect(fold(events).rejected.size).toBe(0);
  });

  it('a goal by a player who came on (no substitution in the feed) counts, without its scorer, and says so', () => {
    const { streams, warnings } = edited({
      3152: { type: { name: 'SHOT', id: 2 }, subtypes: named('GOAL') },
    });
    const { state } = streams[0]!;
    expect(state.score).toEqual({ home: 0, away: 3 });
    expect(state.goals[2]).toMatchObject({ team: 'away', scorer: null });
    expect(warnings.map((w) => w.message).join('\n')).toMatch(
      /goal 3152: Player 35 came on without a substitution in the feed/,
    );
  });

  it("the type and subtype ids of the file's metadata are the README's", () => {
    const meta = new Map(
      (raw.metadata as { category: string; id: string; name: string }[]).map((m) => [
        `${m.category} ${m.id}`,
        m.name,
      ]),
    );
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((id) => meta.get(`TYPE ${id}`))).toEqual([
      'PASS',
      'SHOT',
      'RECOVERY',
      'FAULT RECEIVED',
      'SET PIECE',
      'BALL OUT',
      'BALL LOST',
      'CARD',
      'CHALLENGE',
      'CARRY',
    ]);
    expect([30, 28, 29, 40, 41, 35, 36, 19].map((id) => meta.get(`SUBTYPE ${id}`))).toEqual([
      'GOAL',
      'ON TARGET',
      'OFF TARGET',
      'YELLOW',
      'RED',
      'KICK OFF',
      'PENALTY',
      'END HALF',
    ]);
    // No own-goal and no substitution code anywhere in it.
    expect([...meta.values()].filter((n) => /OWN|SUBSTITUT/.test(n))).toEqual([]);
  });
});

describe('Metrica: a newer copy of the file, re-imported', () => {
  it('appends nothing when unchanged, an eventAmended of the original id when an event changes, nothing for a missing one', () => {
    const stored = load({ keepActions: true }).streams[0]!.events;
    expect(changesSince(stored, load({ keepActions: true }).streams[0]!.events).append).toEqual([]);
    const copy = structuredClone(raw);
    copy.data.find((r) => r.index === 2)!.from = { id: 'P3575', name: 'Player 8' };
    copy.data = copy.data.filter((r) => r.index !== 3);
    const next = load({ keepActions: true }, JSON.stringify(copy)).streams[0]!.events;
    const { append } = changesSince(stored, next);
    expect(append).toEqual([
      expect.objectContaining({
        type: 'eventAmended',
        target: 'mt-2',
        patch: { player: 'P3575' },
        source: { provider: 'metrica', id: '2' },
      }),
    ]);
    expect(fold([...stored, ...append]).rejected.size).toBe(0);
  });
});

describe('Metrica: malformed input is a typed error with the file and position', () => {
  it("not JSON, the wrong shape, a broken record, and another provider's file", () => {
    expect(typed(() => load({}, text.slice(0, 5000)))).toMatchObject({
      code: 'PARSE_ERROR',
      file: 'metrica_events.json',
    });
    expect(typed(() => load({}, '{"events": []}'))).toMatchObject({
      code: 'PROVIDER_FORMAT',
      file: 'metrica_events.json',
    });
    expect(typed(() => load({}, '{"data": []}'))).toMatchObject({
      code: 'PROVIDER_FORMAT',
      pointer: '/data',
    });
    const broken = (mutate: (r: Record<string, unknown>) => void) => {
      const copy = structuredClone(raw) as unknown as { data: Record<string, unknown>[] };
      mutate(copy.data[5]!);
      return typed(() => load({}, JSON.stringify(copy)));
    };
    expect(broken((r) => delete r.start)).toMatchObject({
      code: 'PROVIDER_FORMAT',
      pointer: '/data/5/start/time',
    });
    expect(broken((r) => (r.period = 9))).toMatchObject({
      code: 'PROVIDER_FORMAT',
      pointer: '/data/5/period',
    });
    expect(broken((r) => (r.team = null))).toMatchObject({
      code: 'PROVIDER_FORMAT',
      pointer: '/data/5/team',
    });
    expect(broken((r) => (r.subtypes = [7]))).toMatchObject({
      code: 'PROVIDER_FORMAT',
      pointer: '/data/5/subtypes/0',
    });
    expect(broken((r) => ((r.team as { id: string }).id = 'TEAM_C'))).toMatchObject({
      code: 'PROVIDER_FORMAT',
    });
    const df = readFileSync(
      join(ROOT, 'test/fixtures/providers/datafactory/datafactory_events.json'),
      'utf8',
    );
    const other = typed(() => metrica.loadFiles([{ name: 'df.json', text: df }], { kickoff: KICKOFF }));
    expect(other).toMatchObject({ code: 'PROVIDER_FORMAT', file: 'df.json' });
    expect(other.message).toMatch(/not a Metrica events file/);
    expect(typed(() => metrica.loadFiles([], { kickoff: KICKOFF })).code).toBe('USAGE');
  });
});

describe('matchline import metrica', () => {
  it('writes the stream into -o; without --kickoff it says the file has no date', () => {
    const out = mkdtempSync(join(tmpdir(), 'matchline-metrica-'));
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'import', 'metrica', PATH, ...args],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        },
      );
    const r = run('-o', out, '--kickoff', KICKOFF, '--keep-actions');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Team A 0-2 Team B/);
    expect(readdirSync(out)).toEqual(['metrica-TEAM_A-TEAM_B-2019-10-05.ndjson']);
    const events = parseStream(readFileSync(join(out, 'metrica-TEAM_A-TEAM_B-2019-10-05.ndjson'), 'utf8'));
    expect(events).toHaveLength(3627);
    expect(fold(events).score).toEqual({ home: 0, away: 2 });
    // What it wrote is read by summary, replay and validate.
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    const written = join(out, 'metrica-TEAM_A-TEAM_B-2019-10-05.ndjson');
    const summary = cli('summary', written, '--json');
    expect(summary.status, summary.stderr).toBe(0);
    expect(JSON.parse(summary.stdout)).toMatchObject({
      home: 'Team A',
      away: 'Team B',
      score: { home: 0, away: 2 },
    });
    expect(cli('replay', written, '--json').status).toBe(0);
    expect(cli('validate', out).stdout).toMatch(/1 file checked, 0 problems/);
    const missing = run('-o', out);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/USAGE.*no date/s);
  }, 60_000);
});
