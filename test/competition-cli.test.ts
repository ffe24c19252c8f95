/**
 * `matchline table` and `matchline records` run as built (dist), on folders the CLI itself imported
 * from openfootball (CC0) and on the seed streams in events/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_SETS } from '../src/index.js';
import { ROOT } from './helpers.js';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const json = <T>(...args: string[]): T => {
  const r = cli(...args, '--json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
};

interface Row {
  team: string;
  rank: number;
  points: number;
  played: number;
  separatedBy: string | null;
  level: boolean;
  deducted: number;
  live: number;
}
interface GroupJson {
  group: string;
  rules: { id: string };
  rows: Row[];
  notes: string[];
  counted: number;
  remaining: number;
}
const order = (g: GroupJson) => g.rows.map((r) => [r.team, r.points, r.separatedBy]);

const dir = mkdtempSync(join(tmpdir(), 'matchline-comp-cli-'));
const imported = (name: string, file: string) => {
  const r = cli('import', 'openfootball', join('test/fixtures/openfootball', file), '-o', join(dir, name));
  expect(r.code).toBe(0);
  return join(dir, name);
};

describe('matchline table over a whole tournament: one table per group', () => {
  let wc22 = '';
  let wc18 = '';
  beforeAll(() => {
    wc22 = imported('wc22', 'worldcup/2022--qatar/cup.txt');
    wc18 = imported('wc18', 'worldcup/2018--russia/cup.txt');
  }, 60_000);

  it('World Cup 2022: eight groups A-H under fifa-2018, knockouts in none, each tie-break named', () => {
    const groups = json<GroupJson[]>('table', wc22);
    expect(groups.map((g) => g.group)).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((k) => `Group ${k}`),
    );
    expect(groups.every((g) => g.rules.id === 'fifa-2018' && g.counted === 6 && g.rows.length === 4)).toBe(
      true,
    );
    const byName = new Map(groups.map((g) => [g.group, g]));
    expect(order(byName.get('Group E')!)).toEqual([
      ['Japan', 6, null],
      ['Spain', 4, 'goal difference'],
      ['Germany', 4, 'goal difference'],
      ['Costa Rica', 3, null],
    ]);
    expect(order(byName.get('Group H')!).slice(1, 3)).toEqual([
      ['South Korea', 4, 'goals scored'],
      ['Uruguay', 4, 'goals scored'],
    ]);
    expect(order(byName.get('Group C')!).slice(1, 3)).toEqual([
      ['Poland', 4, 'goal difference'],
      ['Mexico', 4, 'goal difference'],
    ]);
    const text = cli('table', wc22).stdout;
    expect(text.match(/^Group [A-H]$/gm)).toHaveLength(8);
    expect(text).toContain('rules: fifa-2018');
  });

  it('World Cup 2018 Group H: without bookings Japan and Senegal share 2nd, with the cards Japan are 2nd on fair play', () => {
    const [bare] = json<GroupJson[]>('table', wc18, '--group', 'H');
    expect(bare!.rows.slice(1, 3).map((r) => [r.team, r.rank, r.level])).toEqual([
      ['Japan', 2, true],
      ['Senegal', 2, true],
    ]);
    expect(bare!.rows[1]!.separatedBy).toMatch(/^not decided: fair play points: .*no bookings/);
    const cards = 'test/fixtures/competition/wc2018-group-h-cards.json';
    const [h] = json<GroupJson[]>('table', wc18, '--group', 'h', '--cards', cards);
    expect(order(h!)).toEqual([
      ['Colombia', 6, null],
      ['Japan', 4, 'fair play points'],
      ['Senegal', 4, 'fair play points'],
      ['Poland', 3, null],
    ]);
    expect(cli('table', wc18, '--group', 'H', '--cards', cards).stdout).toMatch(
      /Japan .* fair play points \(4\)[\s\S]*Senegal .* fair play points \(6\)/,
    );
  });

  it('--rules lists every rule set, one line each; an unknown set is a usage error', () => {
    const lines = cli('table', '--rules').stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(RULE_SETS.map((r) => r.id));
    expect(lines.find((l) => l.startsWith('fifa-2018'))).toMatch(/2018-2022 .*fair play/);
    const bad = cli('table', wc22, '--rules', 'fifa-1930');
    expect(bad.code).toBe(2); // a bad option value is a usage error
    expect(bad.stderr).toMatch(/USAGE: --rules: no rule set "fifa-1930"; known: /);
  });

  it('--round and --group, and an empty selection is a usage error', () => {
    const [e] = json<GroupJson[]>('table', wc22, '--round', 'group e');
    expect(e!.group).toBe('Group E');
    const none = cli('table', wc22, '--group', 'Z');
    expect(none.code).toBe(2); // USAGE: the command line's fault
    expect(none.stderr).toMatch(/USAGE: no group or league matches pass --group Z/);
  });
});

describe('the seed streams of 2020-21: by group, as of a matchday, live, positions', () => {
  const season = 'events/ucl/2020-21';

  it('one table per group (A-H) of the whole season, knockout ties in none; Group D after matchday 4 as the seeds knew it', () => {
    const groups = json<GroupJson[]>('table', season);
    expect(groups.map((g) => [g.group, g.rows.length, g.counted])).toEqual(
      ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((k) => [`Group ${k}`, 4, 12]),
    );
    expect(order(groups[3]!)).toEqual([
      ['Liverpool FC', 13, null],
      ['Atalanta', 11, null],
      ['AFC Ajax', 7, null],
      ['FC Midtjylland', 2, null],
    ]);
    // After MD4 Ajax and Atalanta are level on 7: their 2-2 in Bergamo gives Ajax the away goals.
    const [md4] = json<GroupJson[]>('table', season, '--group', 'D', '--until', 'md4');
    expect(order(md4!)).toEqual([
      ['Liverpool FC', 9, null],
      ['AFC Ajax', 7, 'head-to-head away goals scored'],
      ['Atalanta', 7, 'head-to-head away goals scored'],
      ['FC Midtjylland', 0, null],
    ]);
  });

  it('--until md2 and --until 2020-10-27 give the table after matchday 2', () => {
    const [md2] = json<GroupJson[]>('table', season, '--group', 'D', '--until', 'md2');
    const [day] = json<GroupJson[]>('table', season, '--group', 'D', '--until', '2020-10-27');
    expect(md2!.rows.map((r) => [r.team, r.points])).toEqual([
      ['Liverpool FC', 6],
      ['Atalanta', 4],
      ['AFC Ajax', 1],
      ['FC Midtjylland', 0],
    ]);
    expect(day!.rows).toEqual(md2!.rows);
    expect([md2!.counted, md2!.remaining]).toEqual([4, 8]);
    expect(cli('table', season, '--until', 'soon').stderr).toMatch(/USAGE: --until takes a day/);
  });

  it('--live counts Liverpool v Atalanta in progress at 0-1 (after Ilicic’s goal)', () => {
    const live = join(dir, 'group-d-live');
    cpSync(join(ROOT, season), live, { recursive: true });
    const file = join(live, 'group-d-md4-liverpool-atalanta.ndjson');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const firstGoal = lines.findIndex((l) => l.includes('"type":"goal"'));
    writeFileSync(file, lines.slice(0, firstGoal + 1).join('\n') + '\n');
    const atalanta = (g: GroupJson[]) => g[0]!.rows.find((r) => r.team === 'Atalanta')!;
    const asOfMd4 = ['--group', 'D', '--until', 'md4'];
    expect(atalanta(json<GroupJson[]>('table', live, ...asOfMd4))).toMatchObject({
      points: 4,
      played: 3,
    });
    const during = json<GroupJson[]>('table', live, ...asOfMd4, '--live');
    expect(atalanta(during)).toMatchObject({ points: 7, played: 4, live: 1 });
    expect(during[0]!.notes).toContain('Liverpool 0-1 Atalanta: in progress');
  });

  it('--positions: each team’s rank after every matchday', () => {
    const [d] = json<{ matchdays: number[]; series: Record<string, number[]> }[]>(
      'table',
      season,
      '--group',
      'D',
      '--positions',
    );
    expect(d!.matchdays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(d!.series['Liverpool FC']).toEqual([2, 1, 1, 1, 1, 1]);
    expect(d!.series['Atalanta']).toEqual([1, 2, 3, 3, 2, 2]);
    expect(d!.series['FC Midtjylland']).toEqual([4, 4, 4, 4, 4, 4]);
  });
});

describe('--qualification after matchday 4 of 2020-21 (cl.txt: matchdays 5 and 6 remain)', () => {
  let cl = '';
  beforeAll(() => {
    cl = imported('cl21', 'champions-league/2020-21/cl.txt');
  }, 60_000);
  interface Answer {
    group: string;
    teams: { team: string; places: { top: number; status: string; needs: string }[] }[];
  }
  const place = (a: Answer[], team: string, top: number) =>
    a
      .flatMap((g) => g.teams)
      .find((t) => t.team === team)!
      .places.find((p) => p.top === top)!;

  it('the seed facts: Bayern first, City through, Atlético wait, Liverpool need a win, Atalanta not secured', () => {
    const a = json<Answer[]>('table', cl, '--until', '2020-11-25', '--qualification');
    expect(a).toHaveLength(8);
    expect(place(a, 'Bayern München', 1).status).toBe('clinched');
    expect(place(a, 'Manchester City', 2).status).toBe('clinched');
    expect(place(a, 'Atlético Madrid', 2).status).toBe('open');
    expect(place(a, 'Liverpool FC', 2).needs).toMatch(/^a win in either remaining match/);
    expect(place(a, 'Atalanta', 2).status).toBe('open');
    expect(place(a, 'FC Midtjylland', 2).status).toBe('lost');
    const md4 = json<Answer[]>(
      'table',
      cl,
      '--until',
      'md4',
      '--qualification',
      '--group',
      'A',
      '--places',
      '1',
    );
    expect(md4[0]!.teams.map((t) => [t.team, t.places.map((p) => [p.top, p.status])])).toEqual([
      ['Bayern München', [[1, 'clinched']]],
      ['Atlético Madrid', [[1, 'lost']]],
      ['Lokomotiv Moskva', [[1, 'lost']]],
      ['RB Salzburg', [[1, 'lost']]],
    ]);
  });
});

describe('leagues, sanctions and awarded results', () => {
  let pl = '';
  let el = '';
  beforeAll(() => {
    pl = imported('pl20', 'england/2019-20/1-premierleague.txt');
    el = imported('el21', 'champions-league/2020-21/el.txt');
  }, 60_000);

  it('Premier League 2019-20: Liverpool champions on 99; Bournemouth 18th on goal difference, Watford and Norwich down', () => {
    const [t] = json<GroupJson[]>('table', pl);
    expect(t!.rules.id).toBe('premier-league-2019');
    expect(t!.rows[0]).toMatchObject({ team: 'Liverpool FC', points: 99 });
    expect(order(t!).slice(17)).toEqual([
      ['AFC Bournemouth', 34, 'goal difference'],
      ['Watford FC', 34, 'goal difference'],
      ['Norwich City', 21, null],
    ]);
  });

  it('a competition.ndjson in the folder is read as decisions (from their date), not folded as a match', () => {
    const folder = join(dir, 'pl20-sanction');
    cpSync(pl, folder, { recursive: true });
    const deduction = {
      id: 'deduct-villa',
      type: 'competitionDecision',
      competition: 'English Premier League',
      season: '2019-20',
      decision: 'pointsDeduction',
      team: { id: 'aston-villa', name: 'Aston Villa' },
      points: 2,
      date: '2020-07-01',
      reason: 'a test sanction',
    };
    writeFileSync(join(folder, 'competition.ndjson'), JSON.stringify(deduction) + '\n');
    const [t] = json<GroupJson[]>('table', folder);
    expect(t!.rows.slice(16, 19).map((r) => [r.team, r.points, r.deducted])).toEqual([
      ['AFC Bournemouth', 34, 0],
      ['Watford FC', 34, 0],
      ['Aston Villa', 33, 2],
    ]);
    expect(t!.notes).toContain('Aston Villa: 2 points deducted (2020-07-01: a test sanction)');
    const [before] = json<GroupJson[]>('table', folder, '--until', '2020-06-30');
    expect(before!.rows.find((r) => r.team === 'Aston Villa')!.deducted).toBe(0);
    // records read the same folder without failing on the competition stream
    expect(json<{ played: number }>('records', folder, '--team', 'Aston Villa').played).toBe(38);
    writeFileSync(
      join(folder, 'competition.ndjson'),
      JSON.stringify({ ...deduction, team: { id: 'bury', name: 'Bury FC' } }) + '\n',
    );
    const bad = cli('table', folder);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /competition\.ndjson event deduct-villa \/team: DECISION_INVALID: .*"Bury FC"/,
    );
  });

  it('Europa League 2020-21 Group I: Villarreal 3-0 Qarabağ awarded, counted and marked', () => {
    const [i] = json<GroupJson[]>('table', el, '--group', 'I');
    expect(i!.rows[0]).toMatchObject({ team: 'Villarreal CF', points: 16 });
    expect(i!.notes).toContain('Villarreal CF 3-0 Qarabağ FK: result awarded');
  });
});

describe('matchline records with filters, across the Champions League 2011-12 to 2025-26', () => {
  let cl = '';
  beforeAll(() => {
    cl = join(dir, 'cl');
    for (const season of readdirSync(join(ROOT, 'test/fixtures/openfootball/champions-league')).filter((s) =>
      /^\d{4}-\d{2}$/.test(s),
    ))
      imported(join('cl', season), `champions-league/${season}/cl.txt`);
  }, 240_000);

  it('seed 003: Atalanta had won their last four away games, scoring 13', () => {
    const r = json<{ current: { wins: { length: number; goalsFor: number; goalsAgainst: number } } }>(
      'records',
      cl,
      '--team',
      'Atalanta',
      '--venue',
      'away',
      '--until',
      '2020-11-25',
    );
    expect(r.current.wins).toMatchObject({ length: 4, goalsFor: 13, goalsAgainst: 3 });
    expect(
      cli('records', cl, '--team', 'Atalanta', '--venue', 'away', '--until', '2020-11-25').stdout,
    ).toMatch(/wins\s+current 4 \(13-3\)/);
  });

  it('one club across its names: 9 meetings of Liverpool and Real Madrid (CF), six Madrid wins up to February 2023', () => {
    expect(json<{ played: number }>('records', cl, '--h2h', 'Liverpool', 'Real Madrid CF').played).toBe(9);
    expect(
      json<object>('records', cl, '--h2h', 'Liverpool', 'Real Madrid', '--until', '2023-02-21'),
    ).toMatchObject({ played: 7, wins: [0, 6], draws: 1 });
    expect(
      json<{ played: number }>('records', cl, '--team', 'liverpool', '--season', '2020-21', '--venue', 'home')
        .played,
    ).toBe(5);
    expect(
      json<{ played: number }>('records', cl, '--team', 'liverpool', '--competition', 'europa').played,
    ).toBe(0);
  });

  it('--since-last: the home defeat by Atalanta was Liverpool’s first by two or more at home in 41 matches', () => {
    const r = json<{ last: { match: string }; gamesBetween: number; reference: { is: boolean } }>(
      'records',
      cl,
      '--team',
      'Liverpool',
      '--since-last',
      'home-defeat-by-2',
      '--at',
      '2020-11-25',
    );
    expect(r.last.match).toMatch(/^2014-10-22 Liverpool FC 0-3 Real Madrid/);
    expect(r.gamesBetween).toBe(40);
    expect(r.reference.is).toBe(true);
    const madrid = json<{ last: null; gamesBefore: number }>(
      'records',
      cl,
      '--team',
      'Liverpool',
      '--opponent',
      'Real Madrid',
      '--since-last',
      'win',
    );
    expect(madrid).toMatchObject({ last: null, gamesBefore: 8 });
  });

  it('--through quarter: Real Madrid and Napoli were the last to join the 2022-23 quarter-finalists', () => {
    const entries = json<{ team: { name: string }; order: number; settled: string }[]>(
      'records',
      cl,
      '--season',
      '2022-23',
      '--through',
      'quarter',
    );
    expect(entries).toHaveLength(8);
    expect(entries.filter((e) => e.order === 7).map((e) => e.team.name)).toEqual([
      'Real Madrid',
      'SSC Napoli',
    ]);
    expect(entries.at(-1)!.settled).toBe('2023-03-15');
  });

  it('an unknown team is UNKNOWN_TEAM with suggestions (exit 1, JSON with --json), never played: 0', () => {
    const r = cli('records', cl, '--team', 'Liverpol');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^UNKNOWN_TEAM: no team "Liverpol" in these \d+ matches; did you mean "Liverpool FC"\?$/,
    );
    const j = cli('records', cl, '--team', 'Atalnta', '--json');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({
      ok: false,
      exitCode: 1,
      problems: [
        { code: 'UNKNOWN_TEAM', message: expect.stringContaining('did you mean "Atalanta BC"') as string },
      ],
    });
    const opp = cli('records', cl, '--team', 'Liverpool', '--opponent', 'Real Madird');
    expect(opp.stderr).toMatch(/UNKNOWN_TEAM: no team "Real Madird".*"Real Madrid/);
    expect(cli('records', cl, '--team', 'Liverpool', '--venue', 'neutral').stderr).toMatch(
      /USAGE: --venue takes home or away/,
    );
  });
});
