import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wyscout } from '../src/import/index.js';
import { checkEvent } from '../src/events/validate.js';
import { isMatchlineError, parseStream, type MatchEvent } from '../src/events/index.js';
import { minutesOf } from '../src/index.js';
import { fold } from '../src/match/fold.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test/fixtures/providers/wyscout');
const file = (path: string) => ({ name: path, text: readFileSync(join(DIR, path), 'utf8') });
const V2 = 'wyscout_events_v2.json';
const SHEET = 'matches_2499773.json';
const v3 = (pr: string) => `v3/${pr}/wyscout_events_v3.json`;
const raw = JSON.parse(file(V2).text) as {
  events: { id: number; playerId: number; matchPeriod: string; eventSec: number; tags: { id: number }[] }[];
};
/** Seconds on the running clock (2H events run on from 45:00). */
const running = (e: { matchPeriod: string; eventSec: number }) =>
  (e.matchPeriod === '2H' ? 45 * 60 : 0) + e.eventSec;

type Typed = { code: string; message?: string; file?: string; line?: number; pointer?: string };
function typed(step: () => unknown): Typed {
  try {
    step();
  } catch (e) {
    if (!isMatchlineError(e)) throw e;
    const json: Typed = e.toJSON();
    return json;
  }
  throw new Error('no error');
}

describe('Wyscout v2 + match sheet: Leicester City 2-3 Liverpool, 23 Sep 2017 (match 2499773)', () => {
  const { streams, warnings } = wyscout.load({ events: file(V2), match: file(SHEET) }, { keepActions: true });
  const { state, events, result } = streams[0]!;
  const name = (id: string | null | undefined) => (id ? state.players.get(id)?.name : undefined);
  const byName = (n: string) => [...state.players.values()].find((p) => p.name === n)!;

  it('fixture from the match sheet: Leicester City at home, kick-off dateutc, gameweek 6, King Power Stadium', () => {
    expect(events[0]).toMatchObject({
      type: 'fixture',
      home: { id: 't1631', name: 'Leicester City' },
      away: { id: 't1612', name: 'Liverpool' },
      kickoff: '2017-09-23T16:30:00Z',
      round: 'Matchday 6',
      venue: 'King Power Stadium',
      source: { provider: 'wyscout', id: '2499773' },
      rules: { maxSubs: 3 },
    });
    const lineups = events[1]!;
    if (lineups.type !== 'lineups') throw new Error('lineups second');
    expect([lineups.home.starting.length, lineups.home.substitutes.length]).toEqual([11, 7]);
    expect([lineups.away.starting.length, lineups.away.substitutes.length]).toEqual([11, 7]);
    // Short names first, the full one kept (the API shape's players, by team).
    expect(lineups.away.starting.find((p) => p.id === 'p120353')).toEqual({
      id: 'p120353',
      name: 'Mohamed Salah',
      fullName: 'Mohamed Salah Ghaly',
      position: 'Forward',
    });
  });

  it('five goals from shots and free-kick shots tagged 101, not the keepers’ save attempts: 2-3, HT 1-2', () => {
    expect(raw.events.filter((e) => e.tags.some((t) => t.id === 101))).toHaveLength(10);
    expect(state.goals.map((g) => [g.minute, g.team, name(g.scorer), g.penalty, g.ownGoal])).toEqual([
      ["15'", 'away', 'Mohamed Salah', false, false],
      ["23'", 'away', 'Philippe Coutinho', false, false],
      ["45+3'", 'home', 'S. Okazaki', false, false],
      ["68'", 'away', 'J. Henderson', false, false],
      ["69'", 'home', 'J. Vardy', false, false],
    ]);
    expect(events.filter((e) => e.type === 'goal').map((e) => [e.source?.id, e.at.period])).toEqual([
      ['190078560', 1],
      ['190078605', 1],
      ['190079820', 1],
      ['190079115', 2],
      ['190080050', 2],
    ]);
    for (const g of state.goals) {
      const e = raw.events.find((x) => String(x.id) === g.eventId.slice(3))!;
      expect(g.at.ms).toBe(Math.round(e.eventSec * 1000));
    }
    expect(state.score).toEqual({ home: 2, away: 3 });
    expect(state.halfTime).toEqual({ home: 1, away: 2 });
    expect(result).toEqual({
      score: { home: 2, away: 3 },
      decidedBy: 'the Wyscout match sheet (teamsData score)',
      agrees: true,
    });
    expect(events.at(-1)).toMatchObject({ type: 'resultRecorded', fullTime: { home: 2, away: 3 } });
  });

  it('Vardy’s penalty (3/35, tagged 1802 and on target 1203) is a missed penalty, saved', () => {
    expect(state.missedPenalties).toEqual([
      expect.objectContaining({ taker: 'p12829', outcome: 'saved', minute: "73'", team: 'home' }),
    ]);
  });

  it('six yellow cards (tag 1702) at the README’s times, each agreeing with the sheet’s minute', () => {
    const cards = events.filter((e) => e.type === 'booking');
    expect(cards.map((c) => [c.clock, c.card, name(c.player)])).toEqual([
      ['16:22', 'yellow', 'M. Albrighton'],
      ['21:07', 'yellow', 'O. Ndidi'],
      ['46:15', 'yellow', 'J. Matip'],
      ['55:11', 'yellow', 'D. Lovren'],
      ['71:14', 'yellow', 'S. Mignolet'],
      ['91:08', 'yellow', 'J. Vardy'],
    ]);
    expect(cards[0]!.source?.id).toBe('190079289');
    // The sheet's yellowCards hold minutes: 17, 22, 47, 56, 72, 92 — no contradiction reported.
    expect(warnings.filter((w) => /card/.test(w.message))).toEqual([]);
  });

  it('six substitutions from the sheet; minutes played equal its minutes; touches agree with the times', () => {
    const subs = events.filter((e) => e.type === 'substitution');
    expect(subs.map((s) => [s.clock, s.team, name(s.playerOff), name(s.playerOn)])).toEqual([
      ["61'", 'home', 'R. Mahrez', 'D. Gray'],
      ["64'", 'away', 'Roberto Firmino', 'D. Sturridge'],
      ["74'", 'home', 'S. Okazaki', 'K. Iheanacho'],
      ["74'", 'away', 'E. Can', 'J. Milner'],
      ["79'", 'away', 'Philippe Coutinho', 'A. Oxlade-Chamberlain'],
      ["80'", 'home', 'M. Albrighton', 'I. Slimani'],
    ]);
    for (const s of subs) {
      const minute = Number(s.clock!.replace("'", ''));
      expect(minutesOf(state, s.playerOff)).toBe(minute);
      expect(minutesOf(state, s.playerOn)).toBe(90 - minute);
      // The player going off touches the ball last before the change, the one coming on first after it.
      const sec = 45 * 60 + s.at.ms / 1000;
      const touches = (id: string) => raw.events.filter((e) => `p${e.playerId}` === id).map(running);
      expect(Math.max(...touches(s.playerOff))).toBeLessThan(sec);
      expect(Math.min(...touches(s.playerOn))).toBeGreaterThan(sec);
    }
    // Can's last touch is at 73:17, inside the sheet's minute 74: the change is placed just after it.
    expect(subs[3]!.at).toEqual({ period: 2, ms: 28 * 60_000 + 17_043 });
    expect(minutesOf(state, byName('J. Vardy').id)).toBe(90);
  });

  it('periods run from kick-off to the last event: 1H ends at 2863.708 s, 2H at 2999.710 s', () => {
    expect(events.filter((e) => e.type === 'periodEnded').map((e) => e.at)).toEqual([
      { period: 1, ms: 2_863_708 },
      { period: 2, ms: 2_999_710 },
    ]);
    expect(state.status).toBe('finished');
  });

  it('every one of the 1,770 events is written; the stream validates and folds strictly', () => {
    const kept = events.filter((e) => e.type !== 'fixture' && e.source && !e.source.id.startsWith('sub-'));
    expect(kept).toHaveLength(1770);
    expect(kept.filter((e) => e.type === 'action')).toHaveLength(1770 - 5 - 6 - 1);
    events.forEach((e, i) => expect(checkEvent(e, i)).toBeNull());
    expect(() => fold(events)).not.toThrow();
    expect(warnings.filter((w) => w.code === 'FEED_CONTRADICTION')).toEqual([]);
    const lean = wyscout.load({ events: file(V2), match: file(SHEET) }).streams[0]!;
    expect(lean.events.some((e) => e.type === 'action')).toBe(false);
    expect(lean.state.score).toEqual(state.score);
    expect(() => fold(lean.events)).not.toThrow();
  });

  it('kloppy#399: with the false goal tag put back on Salah’s shot 190078539 the sheet decides, and says so', () => {
    const edited = JSON.parse(file(V2).text) as typeof raw;
    edited.events.find((e) => e.id === 190078539)!.tags.push({ id: 101 });
    const again = wyscout.load({
      events: { name: 'edited.json', text: JSON.stringify(edited) },
      match: file(SHEET),
    });
    const s = again.streams[0]!;
    expect(s.state.score).toEqual({ home: 2, away: 4 });
    expect(s.result).toEqual({
      score: { home: 2, away: 3 },
      decidedBy: 'the Wyscout match sheet (teamsData score)',
      agrees: false,
    });
    const messages = again.warnings.filter((w) => w.code === 'FEED_CONTRADICTION').map((w) => w.message);
    expect(messages).toContain('the match sheet gives Mohamed Salah (120353) 1 goal(s), the events 2');
    expect(
      messages.some((m) => /says 2-3 \(half time 1-2\), the events give 2-4 \(half time 1-3\)/.test(m)),
    ).toBe(true);
    expect(() => fold(s.events)).not.toThrow();
  });
});

describe('Wyscout v2 without its match sheet', () => {
  it('needs the home team and the kick-off: a USAGE error names the two teams', () => {
    const e = typed(() => wyscout.load({ events: file(V2) }));
    expect(e).toMatchObject({ code: 'USAGE', file: V2 });
    expect(e.message).toMatch(/1612 Liverpool or 1631 Leicester City/);
  });

  it('with them: the same score, starters inferred (here the sheet’s eleven), no substitutions, coverage says so', () => {
    const { streams, warnings } = wyscout.load(
      { events: file(V2) },
      { home: 'Leicester City', kickoff: '2017-09-23T17:30:00+01:00' },
    );
    const s = streams[0]!;
    expect(s.state.score).toEqual({ home: 2, away: 3 });
    expect(s.result.decidedBy).toBe('the events');
    expect(s.events[0]).toMatchObject({
      coverage: { substitutions: false },
      kickoff: '2017-09-23T17:30:00+01:00',
    });
    const withSheet = wyscout.load({ events: file(V2), match: file(SHEET) }).streams[0]!;
    const starters = (events: MatchEvent[]) => {
      const l = events[1]!;
      if (l.type !== 'lineups') throw new Error('lineups second');
      return [l.home.starting.map((p) => p.id).sort(), l.away.starting.map((p) => p.id).sort()];
    };
    expect(starters(s.events)).toEqual(starters(withSheet.events));
    expect(s.events.some((e) => e.type === 'substitution')).toBe(false);
    expect(warnings.some((w) => /no match sheet, so no substitutions/.test(w.message))).toBe(true);
    expect(() => fold(s.events)).not.toThrow();
  });
});

describe('Wyscout v3 excerpts: Juventus v Sampdoria, 20 Sep 2020 (match 5154199, kloppy PRs 330/358/393)', () => {
  const pr330 = wyscout.load({ events: file(v3('pr_330')) }, { keepActions: true });
  const s = pr330.streams[0]!;

  it('fixture and line-ups from the file’s own match sheet: shirts, kick-off positions from formations', () => {
    expect(s.events[0]).toMatchObject({
      type: 'fixture',
      home: { id: 't3159', name: 'Juventus' },
      away: { id: 't3164', name: 'Sampdoria' },
      kickoff: '2020-09-20T18:45:00Z',
      round: 'Matchday 1',
      rules: { maxSubs: 5, maxOpportunities: 3 },
    });
    const l = s.events[1]!;
    if (l.type !== 'lineups') throw new Error('lineups second');
    expect([l.home.starting.length, l.home.substitutes.length]).toEqual([11, 11]);
    expect([l.away.starting.length, l.away.substitutes.length]).toEqual([11, 12]);
    expect(l.home.starting.find((p) => p.id === 'p3322')).toEqual({
      id: 'p3322',
      name: 'Cristiano Ronaldo',
      fullName: 'Cristiano Ronaldo dos Santos Aveiro',
      shirt: 7,
      position: 'CF',
    });
  });

  it('two events only: the sheet’s 3-0 (HT 1-0) decides, and each scorer and card it has is reported missing', () => {
    expect(s.events.filter((e) => e.type === 'action').map((e) => e.source?.id)).toEqual([
      '1927028854',
      '1927028859',
    ]);
    expect(s.result).toEqual({
      score: { home: 3, away: 0 },
      decidedBy: 'the Wyscout match sheet (teamsData score)',
      agrees: false,
    });
    const messages = pr330.warnings.filter((w) => w.code === 'FEED_CONTRADICTION').map((w) => w.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'the match sheet gives D. Kulusevski (472363) 1 goal(s), the events 0',
        'the match sheet gives Cristiano Ronaldo (3322) 1 goal(s), the events 0',
        'the match sheet gives L. Bonucci (20459) 1 goal(s), the events 0',
        "the match sheet gives G. Frabotta (489124) a yellow card at 54', the events have none",
        "the match sheet gives L. Tonelli (21006) a yellow card at 4', the events have none",
        expect.stringMatching(/says 3-0 \(half time 1-0\), the events give 0-0/),
      ]),
    );
  });

  it('the nine changes: pairs from teamsData, seconds from the top-level substitutions; outside the excerpt’s play', () => {
    const left = pr330.warnings
      .filter((w) => w.eventId?.startsWith('wy-sub-'))
      .map((w) => [w.eventId, /P2 (\d\d:\d\d)/.exec(w.message)?.[1]]);
    expect(left).toEqual(
      expect.arrayContaining([
        // Sampdoria's half-time changes at 2H 0:04: Depaoli→Quagliarella, Tonelli→G. Ramírez, Léris→Yoshida.
        ['wy-sub-3164-415809-20479', '00:04'],
        ['wy-sub-3164-21006-20689', '00:04'],
        ['wy-sub-3164-449978-703', '00:04'],
        ['wy-sub-3159-489124-20395', '21:18'],
        ['wy-sub-3164-239298-449472', '24:21'],
        ['wy-sub-3164-237057-20446', '24:21'],
        ['wy-sub-3159-20751-361807', '32:31'],
        ['wy-sub-3159-472363-105334', '36:32'],
        ['wy-sub-3159-20461-345695', '36:32'],
      ]),
    );
    expect(left).toHaveLength(9);
  });

  it('pr_358: the unknown player 1 "H. Vanaken" is reported; the event is kept without a player', () => {
    const r = wyscout.load({ events: file(v3('pr_358')) }, { keepActions: true });
    const e = r.streams[0]!.events.find((x) => x.source?.id === '1927028859')!;
    expect(e).toMatchObject({ type: 'action', team: 'away', kind: 'pass' });
    expect('player' in e).toBe(false);
    expect(r.warnings.find((w) => w.eventId === '1927028859')?.message).toMatch(
      /player 1 \(H\. Vanaken\) is not in the line-ups/,
    );
  });

  it('pr_393: the hand-made own goal (type.primary own_goal) by a Sampdoria event counts for Juventus', () => {
    const r = wyscout.load({ events: file(v3('pr_393')) });
    const st = r.streams[0]!;
    expect(st.events.find((e) => e.type === 'goal')).toMatchObject({
      team: 'home',
      scorerTeam: 'away',
      ownGoal: true,
      penalty: false,
      at: { period: 1, ms: 4_227 },
      source: { provider: 'wyscout', id: '1927028859' },
    });
    expect(st.state.score).toEqual({ home: 1, away: 0 });
    expect(st.result.score).toEqual({ home: 3, away: 0 });
  });

  it('every excerpt stream validates and folds strictly', () => {
    for (const pr of ['pr_330', 'pr_358', 'pr_393'])
      for (const keepActions of [false, true]) {
        const st = wyscout.load({ events: file(v3(pr)) }, { keepActions }).streams[0]!;
        st.events.forEach((e, i) => expect(checkEvent(e, i)).toBeNull());
        expect(() => fold(st.events)).not.toThrow();
      }
  });
});

describe('Wyscout files told apart by content, and malformed input', () => {
  it('loadFiles takes the v2 events and match sheet in any order; v3 files alone', () => {
    const a = wyscout.loadFiles([file(SHEET), file(V2)]);
    expect(a.streams.map((s) => [s.id, s.state.score])).toEqual([['wyscout-2499773', { home: 2, away: 3 }]]);
    const b = wyscout.loadFiles([file(v3('pr_393')), file(v3('pr_330'))]);
    expect(b.streams.map((s) => s.state.score)).toEqual([
      { home: 1, away: 0 },
      { home: 0, away: 0 },
    ]);
    expect(wyscout.kindOf(JSON.parse(file(SHEET).text))).toBe('v2 match');
    expect(typed(() => wyscout.loadFiles([{ name: 'x.json', text: '{"a":1}' }]))).toMatchObject({
      code: 'PROVIDER_FORMAT',
      file: 'x.json',
      line: 1,
    });
    expect(typed(() => wyscout.loadFiles([file(SHEET)]))).toMatchObject({ code: 'USAGE' });
  });

  it('a truncated file is a PARSE_ERROR with file and line; a record without its clock a PROVIDER_FORMAT with a pointer', () => {
    const text = file(V2).text;
    expect(
      typed(() => wyscout.load({ events: { name: 'cut.json', text: text.slice(0, 500_000) } })),
    ).toMatchObject({
      code: 'PARSE_ERROR',
      file: 'cut.json',
    });
    const edited = JSON.parse(text) as { events: Record<string, unknown>[] };
    delete edited.events[3]!.eventSec;
    expect(
      typed(() =>
        wyscout.load({ events: { name: 'e.json', text: JSON.stringify(edited) }, match: file(SHEET) }),
      ),
    ).toMatchObject({ code: 'PROVIDER_FORMAT', file: 'e.json', pointer: '/events/3/eventSec' });
    const sheet = JSON.parse(file(SHEET).text) as { teamsData: Record<string, { side: string }> }[];
    sheet[0]!.teamsData['1631']!.side = 'away';
    expect(
      typed(() => wyscout.load({ events: file(V2), match: { name: 'm.json', text: JSON.stringify(sheet) } })),
    ).toMatchObject({ code: 'PROVIDER_FORMAT', file: 'm.json', pointer: '/0/teamsData' });
  });

  it('fuzz: truncations and mangled records give typed errors or streams that validate, never a raw exception', () => {
    const texts = [file(v3('pr_393')).text, file(SHEET).text];
    let typedErrors = 0;
    let streams = 0;
    const attempt = (events: string, match?: string) => {
      try {
        const r = wyscout.load(
          {
            events: { name: 'f.json', text: events },
            ...(match ? { match: { name: 'm.json', text: match } } : {}),
          },
          { keepActions: true, home: '1631', kickoff: '2017-09-23T16:30:00Z' },
        );
        for (const s of r.streams) {
          s.events.forEach((e, i) => expect(checkEvent(e, i)).toBeNull());
          fold(s.events, undefined, { mode: 'lenient' });
          streams++;
        }
      } catch (e) {
        expect(isMatchlineError(e)).toBe(true);
        typedErrors++;
      }
    };
    for (let cut = 1; cut < texts[0]!.length; cut += 997) attempt(texts[0]!.slice(0, cut));
    for (let cut = 1; cut < texts[1]!.length; cut += 211) attempt(file(V2).text, texts[1]!.slice(0, cut));
    // Every field of a v3 event and of a v2 event replaced by null, a string, an object and a negative number.
    const v3doc = JSON.parse(texts[0]!) as { events: Record<string, unknown>[] };
    const v2doc = JSON.parse(file(V2).text) as { events: Record<string, unknown>[] };
    const v2small = { ...v2doc, events: v2doc.events.slice(0, 40) };
    for (const [doc, match] of [
      [v3doc, undefined],
      [v2small, texts[1]],
    ] as const)
      for (const key of Object.keys(doc.events[1]!))
        for (const value of [null, 'x', { a: 1 }, -5]) {
          const copy = structuredClone<{ events: Record<string, unknown>[] }>(doc);
          copy.events[1]![key] = value;
          attempt(JSON.stringify(copy), match);
        }
    expect(typedErrors).toBeGreaterThan(10);
    expect(streams).toBeGreaterThan(10);
  });
});

describe('matchline import wyscout', () => {
  it('writes one stream per match into -o, telling the files apart by content', () => {
    const out = mkdtempSync(join(tmpdir(), 'matchline-wyscout-'));
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/main.ts'),
        'import',
        'wyscout',
        join(DIR, SHEET),
        join(DIR, V2),
        '-o',
        out,
        '--competition',
        'Premier League',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/Leicester City 2-3 Liverpool/);
    expect(readdirSync(out)).toEqual(['wyscout-2499773.ndjson']);
    const events = parseStream(readFileSync(join(out, 'wyscout-2499773.ndjson'), 'utf8'));
    expect(events[0]).toMatchObject({ competition: 'Premier League' });
    expect(fold(events).score).toEqual({ home: 2, away: 3 });
  }, 60_000);
});
