/**
 * The openfootball importer on every real file it meets (issue 18): the England layout, League Cup
 * kicks after 90 minutes, cancelled / awarded / unplayed matches, local kick-off offsets, German
 * group headers, option checks, hostile JSON, and a fuzz run that may only raise typed errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { load, type LoadResult } from '../src/import/openfootball/index.js';
import { checkEvents, fold, isMatchlineError, toMatchResult, type FixtureEvent } from '../src/index.js';
import { ROOT } from './helpers.js';

const OF = join(ROOT, 'test/fixtures/openfootball');
const read = (path: string) => readFileSync(join(OF, path), 'utf8');
const loadFile = (path: string): LoadResult => load(read(path), { file: path });
const fixtureOf = (r: LoadResult, home: string, away: string) => {
  const s = r.streams.find((x) => x.match.home === home && x.match.away === away);
  if (!s) throw new Error(`${home} v ${away} not found`);
  return { stream: s, fixture: s.events[0] as FixtureEvent, state: fold(s.events) };
};

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const ENGLAND = readdirSync(join(OF, 'england'))
  .filter((d) => /^\d{4}-\d{2}$/.test(d))
  .flatMap((season) => readdirSync(join(OF, 'england', season)).map((f) => `england/${season}/${f}`));
const CL = readdirSync(join(OF, 'champions-league'))
  .filter((d) => /^\d{4}-\d{2}$/.test(d))
  .flatMap((season) =>
    readdirSync(join(OF, 'champions-league', season)).map((f) => `champions-league/${season}/${f}`),
  );

describe('openfootball: every England and Champions League file', () => {
  it.each([...ENGLAND, ...CL])(
    '%s: every line read, as many matches as its header says, all dated',
    (path) => {
      const text = read(path);
      const r = loadFile(path);
      expect(r.problems).toEqual([]);
      const declared = Number(/# Matches\s+(\d+)/.exec(text)![1]);
      expect(r.streams.length + r.cancelled.length).toBe(declared);
      const [from, to] = /# Date\s+\w+ (\w+\/\d+ \d{4}) - \w+ (\w+\/\d+ \d{4})/.exec(text)!.slice(1);
      const day = (s: string) => Date.parse(s.replace('/', ' '));
      for (const s of r.streams) {
        const f = s.events[0] as FixtureEvent;
        expect(f.round).not.toBe('Unknown');
        const kickoffDay = Date.parse(f.kickoff.slice(0, 10));
        expect(kickoffDay, `${s.id} ${f.kickoff}`).toBeGreaterThanOrEqual(day(from!) - 86_400_000);
        expect(kickoffDay, `${s.id} ${f.kickoff}`).toBeLessThanOrEqual(day(to!) + 86_400_000);
        expect(checkEvents(s.events)).toEqual([]);
      }
      expect(r.warnings).toEqual([]);
    },
  );

  it('Premier League matches are single league matches, never legs of a tie, with their matchday', () => {
    for (const path of ENGLAND.filter((p) => p.includes('premierleague'))) {
      const r = loadFile(path);
      expect(r.streams).toHaveLength(380);
      expect(new Set(r.streams.map((s) => (s.events[0] as FixtureEvent).leg))).toEqual(new Set(['single']));
      expect(r.streams.every((s) => /^Matchday \d+$/.test(s.match.round))).toBe(true);
      expect(r.streams.every((s) => !(s.events[0] as FixtureEvent).rules.extraTime)).toBe(true);
    }
    const { fixture, state } = fixtureOf(
      loadFile('england/2019-20/1-premierleague.txt'),
      'Liverpool FC',
      'Norwich City',
    );
    expect(fixture).toMatchObject({
      round: 'Matchday 1',
      kickoff: '2019-08-09T20:00:00+01:00',
      leg: 'single',
    });
    expect([state.score, state.halfTime]).toEqual([
      { home: 4, away: 1 },
      { home: 4, away: 0 },
    ]);
  });

  it('League Cup "5-4 pen. (5-5, 2-3)": 5-5 after 90 minutes (2-3 at half time), kicks with no extra time', () => {
    const { fixture, state } = fixtureOf(
      loadFile('england/2019-20/eflcup.txt'),
      'Liverpool FC',
      'Arsenal FC',
    );
    expect(fixture.rules).toMatchObject({ extraTime: false, shootout: true });
    expect(state.afterNormalTime).toEqual({ home: 5, away: 5 });
    expect(state.halfTime).toEqual({ home: 2, away: 3 });
    expect(state.afterExtraTime).toBeNull();
    expect(state.shootout?.score).toEqual({ home: 5, away: 4 });
    expect(state.result?.winner).toBe('home');
  });

  it('FA Cup replays are two single matches: the drawn one without extra time, the replay with it', () => {
    const r = loadFile('england/2019-20/facup.txt');
    const first = fixtureOf(r, 'Shrewsbury Town', 'Liverpool FC');
    const replay = fixtureOf(r, 'Liverpool FC', 'Shrewsbury Town');
    expect([first.fixture.leg, replay.fixture.leg]).toEqual(['single', 'single']);
    expect(first.fixture.rules).toMatchObject({ extraTime: false, shootout: false });
    expect(replay.fixture.rules).toMatchObject({ extraTime: true, shootout: true });
    expect(first.state.score).toEqual({ home: 2, away: 2 });
    expect(replay.state.score).toEqual({ home: 1, away: 0 });
  });

  it('[cancelled] gives no stream but a cancelled match; unplayed matches are scheduled fixtures', () => {
    const cup = loadFile('england/2019-20/eflcup.txt');
    expect(cup.cancelled.map((c) => [c.match.home, c.match.away, c.match.date])).toEqual([
      ['Sheffield Wednesday', 'Bury FC', '2019-08-13'],
    ]);
    expect(cup.streams.some((s) => s.match.away === 'Bury FC')).toBe(false);
    const league = loadFile('england/2025-26/1-premierleague.txt');
    const unplayed = league.streams.filter((s) => s.match.status !== 'played');
    expect(unplayed.length).toBe(41);
    for (const s of unplayed) {
      expect(s.events.map((e) => e.type)).toEqual(['fixture']);
      expect(fold(s.events).status).toBe('scheduled');
      expect(toMatchResult(fold(s.events), s.id).completed).toBe(false);
    }
    expect(new Set(unplayed.map((s) => s.match.status))).toEqual(new Set(['scheduled', 'postponed']));
  });

  it('[awarded] with a score is an awarded result, not a played match; without a score a fixture and a note', () => {
    const el = loadFile('champions-league/2020-21/el.txt');
    const { stream, state } = fixtureOf(el, 'Villarreal CF', 'Qarabağ FK');
    expect(stream.events.map((e) => e.type)).toEqual(['fixture', 'resultAwarded']);
    expect(state.result).toMatchObject({ kind: 'awarded', home: 3, away: 0, winner: 'home' });
    expect(toMatchResult(state, stream.id)).toMatchObject({ awarded: true, score: { home: 3, away: 0 } });
    const bare = load(
      '= Test League 2024/25\n» Matchday 1\n  Sat Aug/17 2024\n    15.00  A FC  v  B FC  [awarded]\n',
    );
    expect(bare.streams[0]!.events.map((e) => e.type)).toEqual(['fixture']);
    expect(bare.warnings.map((w) => [w.code, w.line])).toEqual([['IMPORT_NOTE', 4]]);
  });

  it('kick-offs are local with their offset: BST and GMT in England, CET/CEST for UEFA, the source’s UTC+3 and UTC+4 kept', () => {
    const pl = loadFile('england/2019-20/1-premierleague.txt');
    expect(fixtureOf(pl, 'Liverpool FC', 'Manchester City').fixture.kickoff).toBe(
      '2019-11-10T16:30:00+00:00',
    );
    const cl = loadFile('champions-league/2020-21/cl.txt');
    expect(fixtureOf(cl, 'Liverpool FC', 'Atalanta').fixture.kickoff).toBe('2020-11-25T21:00:00+01:00');
    const final2020 = loadFile('champions-league/2019-20/cl.txt');
    expect(fixtureOf(final2020, 'Paris Saint-Germain', 'Bayern München').fixture.kickoff).toBe(
      '2020-08-23T21:00:00+02:00',
    );
    const wc = load(read('worldcup/2018--russia/cup_finals.txt'), { file: 'cup_finals.txt' });
    expect(fixtureOf(wc, 'France', 'Argentina').fixture.kickoff).toBe('2018-06-30T17:00:00+03:00');
    const wcJson = load(read('worldcup.json/2018/worldcup.json'), { file: 'worldcup.json' });
    expect(fixtureOf(wcJson, 'Russia', 'Saudi Arabia').fixture.kickoff).toBe('2018-06-14T18:00:00+03:00');
    const euro = load(read('euro/2021--europe/euro.txt'), { file: 'euro.txt' });
    expect(fixtureOf(euro, 'Wales', 'Switzerland').fixture.kickoff).toBe('2021-06-12T17:00:00+04:00');
    expect(fixtureOf(euro, 'Turkey', 'Italy').fixture.kickoff).toBe('2021-06-11T21:00:00+02:00');
  });

  it('"» Gruppe G" rounds give their group letters: all eight groups of 2020-21 have six matches a team pair', () => {
    const cl = loadFile('champions-league/2020-21/cl.txt');
    const groups = cl.streams.map((s) => (s.events[0] as FixtureEvent).group).filter(Boolean);
    expect(new Set(groups)).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']));
    expect(groups.filter((g) => g === 'G')).toHaveLength(12);
    expect(fixtureOf(cl, 'Dinamo Kiev', 'Juventus').fixture.group).toBe('G');
  });
});

describe('openfootball: options and hostile input', () => {
  it('--away-goals bogus is refused before anything is written', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'matchline-of-')), 'out');
    const r = cli(
      'import',
      'openfootball',
      join(OF, 'champions-league/2020-21/cl.txt'),
      '-o',
      out,
      '--away-goals',
      'bogus',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('USAGE');
    expect(r.stderr).toContain(
      '--away-goals must be one of none, afterNormalTime, afterNormalTimeAndExtraTime',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(() => load(read('champions-league/2020-21/cl.txt'), { awayGoals: 'bogus' })).toThrow(/USAGE/);
  });

  it('a JSON date of "../../x" is a PARSE_ERROR with its pointer and line, and nothing lands outside -o', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchline-of-'));
    const file = join(dir, 'evil.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          name: 'Evil Cup 2024',
          matches: [
            { round: 'Final', date: '../../x', team1: 'A', team2: 'B', score: { ft: [1, 0] } },
            { round: 'Final', date: '2024-05-04', team1: 'C', team2: 'D', score: { ft: [2, 0] } },
          ],
        },
        null,
        1,
      ),
    );
    const out = join(dir, 'deep', 'out');
    const r = cli('import', 'openfootball', file, '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /evil\.json:\d+ \/matches\/0\/date: PARSE_ERROR: expected a date YYYY-MM-DD, got "..\/..\/x"/,
    );
    expect(readdirSync(out)).toEqual(['2024-05-04-c-d.ndjson']);
    expect(readdirSync(dir).sort()).toEqual(['deep', 'evil.json']);
    expect(existsSync(join(dir, 'x.ndjson'))).toBe(false);
  });

  it('strict mode throws the first unreadable line as a typed error with file and line', () => {
    const text = '= Cup 2024\n» Final\n  Sat May/4 2024\n    21.00  A v B  2-1 (1-0\n';
    try {
      load(text, { file: 'cup.txt' });
      expect.unreachable();
    } catch (error) {
      expect(isMatchlineError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'PARSE_ERROR', file: 'cup.txt', line: 4 });
    }
  });

  it('fuzz: mutated and truncated real files raise only typed errors, and every stream they give is valid', () => {
    const sources = [
      ['cl.txt', read('champions-league/2020-21/cl.txt').slice(0, 3000)],
      ['pl.txt', read('england/2019-20/1-premierleague.txt').slice(0, 3000)],
      ['cup.txt', read('worldcup/2022--qatar/cup_finals.txt').slice(0, 3000)],
      ['wc.json', read('worldcup.json/2022/worldcup.json').slice(0, 4000)],
      ['euro.json', read('euro.json/2020/euro.json').slice(0, 4000)],
    ] as const;
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 12 }),
      fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom(
          '"',
          '[',
          '{',
          ']',
          '}',
          '-',
          ',',
          '(',
          "'",
          'pen.',
          'v',
          '\n',
          '» ',
          '[Fri Aug/9]',
          '9-9',
          '99:99',
          'null',
          '-1',
          '1e999',
          '"../x"',
          'UTC+99',
        ),
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        ([file, text], edits, cut) => {
          let t = text;
          for (const [pos, del, ins] of edits) {
            const p = pos % (t.length + 1);
            t = t.slice(0, p) + ins + t.slice(p + del);
          }
          t = t.slice(0, cut % (t.length + 1) || t.length);
          for (const mode of ['strict', 'lenient'] as const) {
            try {
              const r = load(t, { file, mode });
              for (const s of r.streams) expect(checkEvents(s.events)).toEqual([]);
              for (const s of r.streams) expect(s.id).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/);
            } catch (error) {
              expect(isMatchlineError(error), String(error)).toBe(true);
              expect((error as Error).message).not.toContain('importer bug');
            }
          }
        },
      ),
      { numRuns: 400, seed: 20261204 },
    );
  });

  it('the output is accepted by summary, replay and table', () => {
    const out = mkdtempSync(join(tmpdir(), 'matchline-of-'));
    const r = cli('import', 'openfootball', join(OF, 'england/2019-20/eflcup.txt'), '-o', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote 92 streams');
    expect(r.stderr).toContain('1 cancelled');
    const match = join(out, '2019-10-30-liverpool-fc-arsenal-fc.ndjson');
    const summary = cli('summary', match);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('5-5');
    expect(cli('replay', match).code).toBe(0);
    const pl = mkdtempSync(join(tmpdir(), 'matchline-of-'));
    expect(
      cli('import', 'openfootball', join(OF, 'england/2025-26/1-premierleague.txt'), '-o', pl).code,
    ).toBe(0);
    const table = cli('table', '--store', pl);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Arsenal FC');
  });
});
