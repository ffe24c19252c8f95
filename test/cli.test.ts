import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const LEG1 = 'events/ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const LEG2 = 'events/ucl/2022-23/r16-leg2-real-madrid-liverpool.ndjson';

describe('matchline CLI', () => {
  it('validate: every seed stream passes', () => {
    const r = cli('validate', 'events');
    expect(r.stderr).toBe('');
    // events/ is the whole match library (scripts/build-events.ts): thousands of streams.
    expect(r.stdout).toMatch(/^\d{4,} files checked, 0 problems/);
    expect(r.code).toBe(0);
  });

  it('validate: a copy with one field mistyped exits 1 naming the file, line, index, id and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchline-'));
    const lines = readFileSync(join(ROOT, LEG1), 'utf8').split('\n');
    lines[3] = lines[3]!.replace('"penalty":false', '"penalty":"no"');
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, lines.join('\n'));
    const r = cli('validate', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.ndjson:4 event #3 (id liv-rma-2023-02-21-003) /penalty: SCHEMA_INVALID');
    const json = cli('validate', bad, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: false,
      problems: [
        { code: 'SCHEMA_INVALID', index: 3, eventId: 'liv-rma-2023-02-21-003', pointer: '/penalty', line: 4 },
      ],
    });
  });

  it('validate: rule violations and broken JSON are reported, with no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchline-'));
    const file = join(dir, 'broken.ndjson');
    writeFileSync(file, readFileSync(join(ROOT, LEG1), 'utf8') + '{"id": oops}\n');
    const r = cli('validate', file);
    expect(r.code).toBe(1);
    const lastLine = readFileSync(join(ROOT, LEG1), 'utf8').split('\n').length;
    expect(r.stderr).toContain(`broken.ndjson:${lastLine}: PARSE_ERROR`);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const missing = cli('summary', join(dir, 'nope.ndjson'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/FILE_NOT_FOUND: cannot read .*nope\.ndjson: no such file or directory/);
  });

  it('validate: a broken rule is one line that names the place and the code once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchline-'));
    const file = join(dir, 'early-goal.ndjson');
    const [fixture] = readFileSync(join(ROOT, LEG1), 'utf8').split('\n');
    const goal = {
      id: 'g',
      type: 'goal',
      at: { period: 1, ms: 60_000 },
      team: 'home',
      scorerTeam: 'home',
      penalty: false,
      ownGoal: false,
    };
    writeFileSync(file, `${fixture}\n${JSON.stringify(goal)}\n`);
    const r = cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'early-goal.ndjson event #1 (id g): EVENT_BEFORE_KICKOFF: goal before the first kick-off',
    );
    expect(r.stderr.match(/EVENT_BEFORE_KICKOFF/g)).toHaveLength(1);
  });

  it('summary --json: score, winner, goals, minutes', () => {
    const r = cli('summary', LEG1, '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as {
      home: string;
      away: string;
      score: { home: number; away: number };
      shootout: unknown;
      winner: string;
      goals: unknown[];
      minutes: { team: string; player: string; minutes: number }[];
    };
    expect(s).toMatchObject({
      home: 'Liverpool',
      away: 'Real Madrid',
      score: { home: 2, away: 5 },
      shootout: null,
      winner: 'Real Madrid',
    });
    expect(s.goals).toHaveLength(7);
    expect(s.minutes).toContainEqual(
      expect.objectContaining({ team: 'Liverpool', player: 'Virgil van Dijk', minutes: 90 }),
    );
    expect(s.minutes).toContainEqual(
      expect.objectContaining({ team: 'Liverpool', player: 'Cody Gakpo', minutes: 64 }),
    );
  });

  it("summary --at 14' and the human output", () => {
    expect(JSON.parse(cli('summary', LEG1, '--at', "14'", '--json').stdout)).toMatchObject({
      score: { home: 2, away: 0 },
      status: 'live',
    });
    const human = cli('summary', LEG1);
    expect(human.stdout).toContain('Liverpool 2-5 Real Madrid (HT 2-2)');
    expect(human.stdout).toMatch(/Minutes played \(nominal\)/);
  });

  it('tie --json: winner, aggregate by team name, decidedBy', () => {
    const r = cli('tie', LEG1, LEG2, '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({
      winner: 'Real Madrid',
      aggregate: { Liverpool: 2, 'Real Madrid': 6 },
      decidedBy: 'aggregate',
    });
    const old = cli(
      'tie',
      'events/ucl/2021-22/sf-leg1-manchester-city-real-madrid.ndjson',
      'events/ucl/2021-22/sf-leg2-real-madrid-manchester-city.ndjson',
      '--rules',
      'away-goals',
    );
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/TIE_INVALID/);
    expect(cli('tie', LEG1, LEG2, '--rules', 'nonsense').stderr).toMatch(/--rules takes one of/);
  });

  it('table --json over a directory of streams', () => {
    const r = cli('table', 'events/ucl/2020-21', '--json');
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout) as { group: string; rows: { team: string }[] }[];
    expect(groups.map((g) => [g.group, g.rows.length])).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((g) => [`Group ${g}`, 4]),
    );
    const d = cli(
      'table',
      ...[
        'ajax-liverpool',
        'midtjylland-atalanta',
        'atalanta-ajax',
        'liverpool-midtjylland',
        'atalanta-liverpool',
        'midtjylland-ajax',
        'ajax-midtjylland',
        'liverpool-atalanta',
      ].map(
        (n) =>
          `events/ucl/2020-21/group-d-md${n.includes('ajax-liverpool') || n.includes('midtjylland-atalanta') ? 1 : n === 'atalanta-ajax' || n === 'liverpool-midtjylland' ? 2 : n === 'atalanta-liverpool' || n === 'midtjylland-ajax' ? 3 : 4}-${n}.ndjson`,
      ),
      '--json',
    );
    expect(
      (JSON.parse(d.stdout) as { rows: { team: string; points: number }[] }[])[0]!.rows.map((x) => [
        x.team,
        x.points,
      ]),
    ).toEqual([
      ['Liverpool', 9],
      ['AFC Ajax', 7],
      ['Atalanta', 7],
      ['FC Midtjylland', 0],
    ]);
  });

  it('records --h2h and --player', () => {
    expect(
      JSON.parse(
        cli(
          'records',
          'events/ucl/2021-22',
          'events/ucl/2022-23',
          '--h2h',
          'Liverpool',
          'Real Madrid',
          '--json',
        ).stdout,
      ),
    ).toMatchObject({ played: 3, wins: [0, 3] });
    const benzema = JSON.parse(cli('records', 'events', '--player', 'Benzema', '--json').stdout) as {
      goals: number;
    }[];
    expect(benzema[0]).toMatchObject({ goals: 6, appearances: 5 });
  });

  it('replay piped: plain lines, one per frame; --json: NDJSON frames', () => {
    const r = cli('replay', LEG1, '--to', "15'");
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(15);
    expect(lines[13]).toMatch(/^14'\s+Liverpool 2-0 Real Madrid \| 14'\s+GOAL Liverpool: Mohamed Salah/);
    const json = cli('replay', LEG1, '--json')
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { minute: string; score: unknown });
    expect(json.at(-1)).toMatchObject({ minute: 'FT', score: { home: 2, away: 5 } });
  });

  it('a closed pipe ends the command quietly (matchline ... | head)', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'replay', LEG1, '--json'], {
      cwd: ROOT,
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('usage errors are one clear line', () => {
    const r = cli('summary', LEG1, '--minutes', 'sometimes');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('USAGE: --minutes takes nominal or actual, not sometimes');
  });
});

describe('matchline store', () => {
  it('append with an expected version, list, show, check, repair, and --store for the other commands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchline-cli-store-'));
    expect(cli('store', dir, 'append', 'leg1', LEG1, '--expected-version', 'no-stream').stdout).toMatch(
      /leg1: version 23 \(23 appended/,
    );
    const conflict = cli('store', dir, 'append', 'leg1', LEG1, '--expected-version', '5');
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(
      /WRONG_EXPECTED_VERSION: stream leg1 is at version 23, the append expected version 5/,
    );
    expect(cli('store', dir, 'append', 'leg2', LEG2).code).toBe(0);
    expect(cli('store', dir, 'list').stdout.trim().split('\n')).toEqual(['leg1', 'leg2']);
    expect(cli('store', dir, 'show', 'leg1').stdout.trim().split('\n')).toHaveLength(23);
    expect(JSON.parse(cli('tie', 'leg1', 'leg2', '--store', dir, '--json').stdout)).toMatchObject({
      winner: 'Real Madrid',
      decidedBy: 'aggregate',
    });
    expect(JSON.parse(cli('summary', 'leg1', '--store', dir, '--json').stdout)).toMatchObject({
      score: { home: 2, away: 5 },
    });
    // Two legs of a knockout tie belong to no table: the command says so instead of inventing one.
    expect(JSON.parse(cli('table', '--store', dir, '--json').stdout)).toMatchObject({
      ok: false,
      problems: [{ code: 'USAGE', message: expect.stringContaining('only knockout ties') as string }],
    });
    expect(cli('store', dir, 'check').code).toBe(0);
    const file = join(dir, 'leg1.ndjson');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[5] = '{"id": broken';
    writeFileSync(file, lines.join('\n'));
    const check = cli('store', dir, 'check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`${file}:6`);
    expect(check.stderr).toMatch(/--repair moves them to a side file/);
    expect(cli('summary', 'leg1', '--store', dir).stderr).toMatch(/STREAM_CORRUPT/);
    const repair = cli('store', dir, 'check', '--repair');
    expect(repair.code).toBe(0);
    expect(repair.stderr).toMatch(/damaged tail moved to .*leg1\.ndjson\.damaged-/);
    expect(cli('store', dir, 'show', 'leg1').stdout.trim().split('\n')).toHaveLength(5);
    expect(cli('store', dir, 'append', '../escape', LEG1).stderr).toMatch(/INVALID_STREAM_ID/);
  });
});

/** Turkey 0-3 Italy (EURO 2020), StatsBomb events and lineups. */
const IMPORT_TUR_ITA = [
  'import',
  'statsbomb',
  '--events',
  'test/fixtures/statsbomb/events/3788741.json',
  '--lineups',
  'test/fixtures/statsbomb/lineups/3788741.json',
  '--home',
  'Turkey',
  '--kickoff',
  '2021-06-11T21:00:00+02:00',
];

describe('matchline import', () => {
  it('statsbomb: writes a stream, reports skipped types and warnings; openfootball: a folder the other commands read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchline-import-'));
    const out = join(dir, 'tur-ita.ndjson');
    const sb = cli(...IMPORT_TUR_ITA, '-o', out);
    expect(sb.code).toBe(0);
    expect(sb.stderr).toMatch(/imported 21 events: Turkey 0-3 Italy/);
    expect(sb.stderr).toMatch(/skipped 3778 StatsBomb events by type: Pass 1059, Ball Receipt\* 1021/);
    expect(JSON.parse(cli('summary', out, '--json').stdout)).toMatchObject({ score: { home: 0, away: 3 } });
    const full = join(dir, 'tur-ita-full.ndjson');
    expect(cli(...IMPORT_TUR_ITA, '--keep-actions', '-o', full).stderr).toMatch(
      /imported 3799 events: Turkey 0-3 Italy/,
    );
    expect(
      readFileSync(full, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"type":"action"')),
    ).toHaveLength(3778);
    const of = cli(
      'import',
      'openfootball',
      'test/fixtures/openfootball/champions-league/2022-23/cl.txt',
      '-o',
      join(dir, 'cl'),
    );
    expect(of.code).toBe(0);
    expect(of.stderr).toMatch(/wrote 125 streams/);
    const tie = cli(
      'tie',
      join(dir, 'cl', '2023-02-21-liverpool-fc-real-madrid.ndjson'),
      join(dir, 'cl', '2023-03-15-real-madrid-liverpool-fc.ndjson'),
      '--json',
    );
    expect(JSON.parse(tie.stdout)).toMatchObject({
      winner: 'Real Madrid',
      aggregate: { 'Liverpool FC': 2, 'Real Madrid': 6 },
      decidedBy: 'aggregate',
    });
    expect(cli('import', '--help').stdout).toMatch(/statsbomb[\s\S]*openfootball/);
    const bad = cli('import', 'statsbomb', '--events', 'nope.json', '--lineups', 'nope.json');
    expect(bad.stderr.trim()).toBe(
      'nope.json: FILE_NOT_FOUND: cannot read nope.json: no such file or directory',
    );
  });
});

describe('matchline import -o: nothing replaced without --force, a store gets only what changed', () => {
  const SPORTEC = [
    'test/fixtures/providers/sportec/sportec_meta.xml',
    'test/fixtures/providers/sportec/sportec_events.xml',
  ];
  const CL = 'test/fixtures/openfootball/champions-league/2022-23/cl.txt';
  const LIV_RMA = '2023-02-21-liverpool-fc-real-madrid.ndjson';

  it('a second import into the same folder is OUTPUT_EXISTS and changes no file; --force replaces them', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'matchline-import-again-')), 'cl');
    expect(cli('import', 'openfootball', CL, '-o', out).code).toBe(0);
    writeFileSync(join(out, LIV_RMA), 'edited by hand\n');
    const again = cli('import', 'openfootball', CL, '-o', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/OUTPUT_EXISTS: 125 of the 125 output files already exist/);
    expect(readFileSync(join(out, LIV_RMA), 'utf8')).toBe('edited by hand\n');
    const forced = cli('import', 'openfootball', CL, '-o', out, '--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(cli('summary', join(out, LIV_RMA), '--json').stdout)).toMatchObject({
      score: { home: 2, away: 5 },
    });
  });

  it('--force replaces a symbolic link at the target instead of writing through it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchline-import-link-'));
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, "not matchline's file\n");
    const out = join(dir, 'cl');
    mkdirSync(out);
    symlinkSync(outside, join(out, LIV_RMA));
    expect(cli('import', 'openfootball', CL, '-o', out).code).toBe(1);
    expect(cli('import', 'openfootball', CL, '-o', out, '--force').code).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe("not matchline's file\n");
    expect(lstatSync(join(out, LIV_RMA)).isSymbolicLink()).toBe(false);
  });

  it('statsbomb -o <file> refuses an existing file without --force', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'matchline-import-file-')), 'tur-ita.ndjson');
    writeFileSync(out, 'keep me\n');
    const args = [...IMPORT_TUR_ITA, '-o', out];
    const refused = cli(...args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/OUTPUT_EXISTS/);
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    expect(cli(...args, '--force').code).toBe(0);
    expect(JSON.parse(cli('summary', out, '--json').stdout)).toMatchObject({ score: { home: 0, away: 3 } });
  });

  it('into a store folder the import goes through the store: a re-import appends nothing', () => {
    const store = mkdtempSync(join(tmpdir(), 'matchline-import-store-'));
    const first = cli('store', store, 'append', 'liv-rma-2023', LEG1, '--expected-version', 'no-stream');
    expect(first.code).toBe(0);
    expect(existsSync(join(store, '.matchline'))).toBe(true);
    const imported = cli('import', 'sportec', ...SPORTEC, '-o', store);
    expect(imported.code).toBe(0);
    const [file] = readdirSync(store).filter((f) => f.endsWith('.ndjson') && !f.startsWith('liv-rma'));
    const id = file!.replace(/\.ndjson$/, '');
    const events = readFileSync(join(store, file!), 'utf8').trimEnd().split('\n').length;
    expect(imported.stderr).toContain(`${events} new of ${events} events`);
    const again = cli('import', 'sportec', ...SPORTEC, '-o', store);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`0 new of ${events} events`);
    expect(readFileSync(join(store, file!), 'utf8').trimEnd().split('\n')).toHaveLength(events);
    const shown = cli('store', store, 'show', id, '--json');
    expect(shown.code).toBe(0);
    expect(cli('validate', store).code).toBe(0);
  });
});

describe('the terminal match centre under a real pseudo-terminal', () => {
  it('draws the scoreboard and progress bar, honours NO_COLOR and restores the cursor', () => {
    const command = `stty cols 100 rows 30; NO_COLOR=1 ${process.execPath} dist/src/cli/main.js replay ${LEG1} --to "15'"`;
    const r = spawnSync('script', ['-qefc', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Liverpool 2-0 Real Madrid');
    expect(r.stdout).toMatch(/█+ 15\/15/);
    expect(r.stdout).toContain("14'  GOAL Liverpool: Mohamed Salah. 2-0");
    expect(r.stdout).not.toMatch(new RegExp(`${String.fromCharCode(27)}\\[3\\dm`));
    expect(r.stdout.trimEnd().endsWith('\x1b[?25h')).toBe(true);
  });
});

describe('README example', () => {
  it('examples/replay-goals.ts is shown verbatim in the README and prints the goals', () => {
    const example = readFileSync(join(ROOT, 'examples/replay-goals.ts'), 'utf8');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(example.trim());
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'examples/replay-goals.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stdout.trim().split('\n')).toEqual([
      "4' 1-0",
      "14' 2-0",
      "21' 2-1",
      "36' 2-2",
      "47' 2-3",
      "55' 2-4",
      "67' 2-5",
    ]);
  });
});
