/** One command line: exit codes, --json errors, stdin, --at points, --lenient, checks before writes. Runs the built CLI. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function cli(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(input === undefined ? {} : { input }),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const LEG1 = 'events/ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const LEG2 = 'events/ucl/2022-23/r16-leg2-real-madrid-liverpool.ndjson';
// Two group matches (tables count group and league matches, not knockout ties).
const MD3 = 'events/ucl/2020-21/group-d-md3-atalanta-liverpool.ndjson';
const MD4 = 'events/ucl/2020-21/group-d-md4-liverpool-atalanta.ndjson';
const tmp = () => mkdtempSync(join(tmpdir(), 'matchline-cli-'));

interface JsonError {
  ok: false;
  exitCode: number;
  problems: { code: string; message: string; file?: string }[];
}

/** Leg 1 with Salah's 14th-minute goal credited to a player not on Liverpool's sheet. */
function brokenMd3(): string {
  const file = join(tmp(), 'md3-broken.ndjson');
  writeFileSync(
    file,
    readFileSync(join(ROOT, MD3), 'utf8').replace('"scorer":"diogo-jota"', '"scorer":"nobody"'),
  );
  return file;
}

function brokenLeg1(): string {
  const dir = tmp();
  const file = join(dir, 'leg1-broken.ndjson');
  writeFileSync(
    file,
    readFileSync(join(ROOT, LEG1), 'utf8').replace('"scorer":"mohamed-salah"', '"scorer":"nobody"'),
  );
  return file;
}

describe('exit codes: 0 success, 1 data, 2 usage', () => {
  it('--version prints the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('an unknown option, a missing argument, a bad option value exit 2; a missing file exits 1', () => {
    expect(cli(['summary', LEG1, '--bogus'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown option '--bogus'/) as unknown,
    });
    expect(cli(['summary']).code).toBe(2);
    expect(cli(['replay', LEG1, '--speed', '-1']).code).toBe(2);
    expect(cli(['table', 'events/ucl/2020-21', '--rules', 'nonsense']).code).toBe(2);
    const missing = cli(['summary', 'no/such.ndjson']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /no\/such\.ndjson: FILE_NOT_FOUND: cannot read no\/such\.ndjson: no such file/,
    );
  });

  it('with --json every command prints its error as JSON on standard output, with the exit code', () => {
    const cases: [string[], number, string][] = [
      [['summary', LEG1, '--bogus', '--json'], 2, 'USAGE'],
      [['summary', 'no/such.ndjson', '--json'], 1, 'FILE_NOT_FOUND'],
      [['tie', LEG1, LEG2, LEG1, '--json'], 2, 'USAGE'],
      [['table', 'no/such', '--json'], 1, 'FILE_NOT_FOUND'],
      [['records', 'events', '--json'], 2, 'USAGE'],
      [['replay', LEG1, '--step', 'hour', '--json'], 2, 'USAGE'],
      [['store', tmp(), 'frobnicate', '--json'], 2, 'USAGE'],
      [['validate', join(tmp(), 'none'), '--json'], 1, 'FILE_NOT_FOUND'],
    ];
    for (const [args, code, problem] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(code);
      const json = JSON.parse(r.stdout) as JsonError;
      expect(json).toMatchObject({ ok: false, exitCode: code });
      expect(json.problems[0]!.code, args.join(' ')).toBe(problem);
    }
  });
});

describe('input', () => {
  it('- reads the stream from standard input (summary, validate, replay)', () => {
    const text = readFileSync(join(ROOT, LEG1), 'utf8');
    expect(cli(['summary', '-'], text).stdout).toMatch(/^Liverpool 2-5 Real Madrid \(HT 2-2\)/);
    expect(cli(['validate', '-'], text)).toMatchObject({ code: 0, stdout: '1 file checked, 0 problems\n' });
    const frames = cli(['replay', '-', '--json'], text).stdout.trim().split('\n');
    expect((JSON.parse(frames.at(-1)!) as { score: unknown }).score).toEqual({ home: 2, away: 5 });
    const bad = cli(['validate', '-'], '{"id": oops}\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/<stdin>:1: PARSE_ERROR/);
  });

  it('--at takes HT, 90+3 and FT', () => {
    const at = (point: string) =>
      (JSON.parse(cli(['summary', LEG1, '--at', point, '--json']).stdout) as { score: unknown }).score;
    expect(at('HT')).toEqual({ home: 2, away: 2 });
    expect(at("54'")).toEqual({ home: 2, away: 3 });
    expect(at('90+3')).toEqual({ home: 2, away: 5 });
    expect(at('FT')).toEqual({ home: 2, away: 5 });
  });

  it('an empty stream is MISSING_FIXTURE and a folder with no streams is NO_STREAMS, both exit 1', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.ndjson'), '');
    const empty = cli(['validate', join(dir, 'empty.ndjson')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/empty\.ndjson: MISSING_FIXTURE: the stream is empty/);
    expect(cli(['summary', join(dir, 'empty.ndjson')]).stderr).toMatch(/MISSING_FIXTURE/);
    const nothing = join(dir, 'nothing');
    mkdirSync(nothing);
    writeFileSync(join(nothing, 'notes.txt'), 'not a stream');
    for (const command of ['validate', 'table']) {
      const r = cli([command, nothing]);
      expect(r.code, command).toBe(1);
      expect(r.stderr, command).toMatch(/NO_STREAMS: no stream files/);
    }
  });

  it('a store folder after an append validates and tables without its .matchline/ bookkeeping', () => {
    const dir = tmp();
    expect(cli(['store', dir, 'append', 'md3', MD3]).code).toBe(0);
    expect(cli(['store', dir, 'append', 'md4', MD4]).code).toBe(0);
    expect(existsSync(join(dir, '.matchline'))).toBe(true);
    expect(cli(['validate', dir])).toMatchObject({ code: 0, stdout: '2 files checked, 0 problems\n' });
    const groups = JSON.parse(cli(['table', dir, '--json']).stdout) as {
      group: string;
      rows: { team: string; goalsFor: number }[];
    }[];
    // Atalanta 0-5 Liverpool, then Liverpool 0-2 Atalanta.
    expect(groups.map((g) => [g.group, g.rows.map((r) => [r.team, r.goalsFor])])).toEqual([
      [
        'Group D',
        [
          ['Liverpool', 5],
          ['Atalanta', 2],
        ],
      ],
    ]);
  });
});

describe('--lenient on every command that folds', () => {
  it('strict (the default) refuses a broken rule with its code and exit 1; --lenient prints the output and then the warning', () => {
    const file = brokenLeg1();
    const strict = cli(['summary', file]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/PLAYER_NOT_IN_LINEUP/);
    const lenient = cli(['summary', file, '--lenient']);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/^Liverpool 1-5 Real Madrid/);
    expect(lenient.stderr).toMatch(/^warning: .*PLAYER_NOT_IN_LINEUP/m);
    const commands: string[][] = [
      ['replay', file],
      ['tie', file, LEG2],
      ['table', brokenMd3()],
      ['records', file, '--team', 'Liverpool'],
      ['render', 'timeline', file],
    ];
    for (const args of commands) {
      expect(cli(args).code, args[0]).toBe(1);
      const r = cli([...args, '--lenient']);
      expect(r.code, args[0]).toBe(0);
      expect(r.stderr, args[0]).toMatch(/warning: .*PLAYER_NOT_IN_LINEUP/);
    }
  });
});

describe('option values are checked before anything is written', () => {
  it('import openfootball --away-goals bogus exits 2 and creates no folder', () => {
    const out = join(tmp(), 'streams');
    const r = cli([
      'import',
      'openfootball',
      'test/fixtures/openfootball/champions-league/2020-21/cl.txt',
      '-o',
      out,
      '--away-goals',
      'bogus',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/USAGE: --away-goals must be one of none, afterNormalTime/);
    expect(existsSync(out)).toBe(false);
  });

  it('store with an unknown action exits 2 and does not create the store folder', () => {
    const dir = join(tmp(), 'store');
    expect(cli(['store', dir, 'frobnicate']).code).toBe(2);
    expect(cli(['store', dir, 'append', 'x', LEG1, '--expected-version', 'soon']).code).toBe(2);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('export: tidy rows with ids and names', () => {
  it('--rows goals as CSV: a header and the seven goals at Anfield; minutes as NDJSON; a bad kind exits 2', () => {
    const csv = cli(['export', LEG1, '--rows', 'goals']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^match,competition,season,date,home,away,eventId,period,ms,minute,side,teamId,team,scorerId,scorer,/,
    );
    expect(lines).toHaveLength(8);
    expect(lines[1]).toContain(
      "4',home,liverpool,Liverpool,darwin-nunez,Darwin Núñez,mohamed-salah,Mohamed Salah",
    );
    const minutes = cli(['export', LEG1, LEG2, '--rows', 'minutes', '--format', 'ndjson'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { match: string; playerId: string; minutes: number });
    expect(new Set(minutes.map((m) => m.match)).size).toBe(2);
    expect(minutes.find((m) => m.playerId === 'alisson')?.minutes).toBe(90);
    expect(cli(['export', LEG1, '--rows', 'shots']).code).toBe(2);
  });
});

describe('whatever matchline import writes, every other command accepts', () => {
  it('World Cup 2022 Netherlands v Argentina (half-time score against the goals): summary and replay read it in strict mode', () => {
    const out = join(tmp(), 'wc');
    const imported = cli([
      'import',
      'openfootball',
      'test/fixtures/openfootball/worldcup.json/2022/worldcup.json',
      '-o',
      out,
    ]);
    expect(imported.code).toBe(0);
    // The importer decides, and says so with a code.
    expect(imported.stderr).toMatch(
      /netherlands-argentina.ndjson:\d+: RESULT_CONFLICT: Netherlands v Argentina/,
    );
    const file = readdirSync(out).find((f) => /netherlands-argentina/.test(f));
    expect(file).toBeDefined();
    const summary = cli(['summary', join(out, file!), '--json']);
    expect(summary.code).toBe(0);
    // 2-2 after extra time; Argentina won the shoot-out 4-3.
    expect(JSON.parse(summary.stdout)).toMatchObject({ score: { home: 2, away: 2 } });
    expect(cli(['replay', join(out, file!), '--json']).code).toBe(0);
    expect(cli(['validate', out]).code).toBe(0);
  });

  it('a whole StatsBomb match with --keep-actions (one out-of-order provider timestamp): summary and replay read it', () => {
    const out = join(tmp(), 'bar-gir.ndjson');
    const imported = cli([
      'import',
      'statsbomb',
      '--events',
      'test/fixtures/statsbomb/events/15986.json',
      '--lineups',
      'test/fixtures/statsbomb/lineups/15986.json',
      '--home',
      'Barcelona',
      '--kickoff',
      '2019-02-24T15:15:00Z',
      '--keep-actions',
      '-o',
      out,
    ]);
    expect(imported.code).toBe(0);
    const summary = cli(['summary', out, '--json']);
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout)).toMatchObject({ score: { home: 2, away: 2 } });
    expect(cli(['replay', out, '--json']).code).toBe(0);
    expect(cli(['validate', out]).code).toBe(0);
  });

  const P = 'test/fixtures/providers';
  it.each([
    ['opta', [`${P}/opta/opta_f24.xml`, `${P}/opta/opta_f7.xml`], 'FC København', 'FC Nordsjælland'],
    [
      'statsperform',
      [`${P}/statsperform/statsperform_event_ma3.xml`, `${P}/statsperform/statsperform_event_ma1.xml`],
      'Hamburger SV',
      'Sandhausen',
    ],
    [
      'wyscout',
      [`${P}/wyscout/wyscout_events_v2.json`, `${P}/wyscout/matches_2499773.json`],
      'Leicester City',
      'Liverpool',
    ],
    ['datafactory', [`${P}/datafactory/datafactory_events.json`], 'Team A', 'Team B'],
    [
      'sportec',
      [`${P}/sportec/sportec_events.xml`, `${P}/sportec/sportec_meta.xml`],
      'Sport-Club Freiburg',
      'Borussia Mönchengladbach',
    ],
  ])(
    'matchline import %s --keep-actions: summary, replay and validate read what it wrote',
    (provider, files, home, away) => {
      const out = join(tmp(), provider);
      const imported = cli(['import', provider, ...files, '--keep-actions', '-o', out]);
      expect(imported.code).toBe(0);
      const [file] = readdirSync(out);
      const summary = cli(['summary', join(out, file!), '--json']);
      expect(summary.code).toBe(0);
      expect(JSON.parse(summary.stdout)).toMatchObject({ home, away });
      expect(cli(['replay', join(out, file!), '--json']).code).toBe(0);
      expect(cli(['validate', out]).stdout).toMatch(/1 file checked, 0 problems/);
    },
  );
});
