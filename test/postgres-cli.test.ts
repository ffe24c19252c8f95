/**
 * The CLI on a PostgreSQL store (the built dist, as a user runs it): `--store postgres://...` for the
 * commands that take a store; `table` and `records` answered from the competition projection, which a
 * correction moves; the password never on screen.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MatchEvent } from '../src/index.js';
import { CompetitionProjection } from '../src/store/projection.js';
import { PostgresEventStore, PostgresProjectionSink } from '../src/store/postgres/index.js';
import { ROOT } from './helpers.js';
import { usePostgres } from './postgres-helpers.js';
import { groupDOthers, LIVE_MATCH, liveSequence } from './postgres-group-d.js';

const db = usePostgres();

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  return run([], args);
}

function run(nodeArgs: string[], args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...nodeArgs, join(ROOT, 'dist/src/cli/main.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const GROUP_D_FILES = join(ROOT, 'events/ucl/2020-21');
const groupDFiles = () =>
  [...groupDOthers().keys(), LIVE_MATCH].map((id) => join(GROUP_D_FILES, `${id}.ndjson`));

/** The CLI's default schema (`matchline`) in a database of its own, holding Group D matchdays 1-4. */
async function seededUrl(): Promise<string> {
  const url = await db.cluster.createDatabase(`cli_${Math.random().toString(36).slice(2, 10)}`);
  const store = await PostgresEventStore.open(url);
  try {
    for (const [id, events] of groupDOthers())
      await store.append(id, events, { expectedVersion: 'no-stream' });
    for (const event of liveSequence()) await store.append(LIVE_MATCH, [event]);
  } finally {
    await store.close();
  }
  return url;
}

describe('matchline CLI with --store postgres://', () => {
  it('table and records come from the projection, agree with the files, and move with a correction', async () => {
    const url = await seededUrl();
    const fromStore = cli('table', '--store', url, '--json');
    expect(fromStore.stderr).toBe('');
    expect(fromStore.code).toBe(0);
    const groups = JSON.parse(fromStore.stdout) as {
      group: string;
      rows: { team: string; points: number }[];
    }[];
    expect(groups.map((g) => g.group)).toEqual(['Group D']);
    const rows = groups[0]!.rows;
    expect(rows.map((r) => `${r.team} ${r.points}`)).toEqual([
      'Liverpool 9',
      'AFC Ajax 7',
      'Atalanta 7',
      'FC Midtjylland 0',
    ]);
    // The same table the command folds from the seed files.
    expect(groups).toEqual(JSON.parse(cli('table', ...groupDFiles(), '--json').stdout));

    // The command left the projection caught up in the database: a later reader folds nothing.
    const store = await PostgresEventStore.open(url);
    try {
      const projection = new CompetitionProjection(store, new PostgresProjectionSink(store));
      await projection.load();
      expect(projection.checkpoint).toBe((await store.readAll()).at(-1)!.position);
      expect(await projection.catchUp()).toBe(0);

      const team = cli('records', '--store', url, '--team', 'Liverpool', '--json');
      expect(team.code).toBe(0);
      expect(JSON.parse(team.stdout)).toMatchObject({ played: 4, form: ['W', 'W', 'W', 'L'] });
      // The same record as from the files, where matches are named by path instead of stream id.
      const fromFiles = cli('records', ...groupDFiles(), '--team', 'Liverpool', '--json').stdout;
      expect(JSON.parse(team.stdout)).toEqual(
        JSON.parse(fromFiles.replace(/"events\/ucl\/2020-21\/([^"]+)\.ndjson"/g, '"$1"')),
      );

      const goals = (name: string) => {
        const r = cli('records', '--store', url, '--player', name, '--json');
        expect(r.code).toBe(0);
        return (JSON.parse(r.stdout) as { goals: number }[])[0]!.goals;
      };
      expect(goals('Gosens')).toBe(1);
      // The goal panel re-credits Atalanta's second goal: the next records call sees it.
      await store.append(LIVE_MATCH, [
        {
          id: 'recredit-64',
          type: 'eventAmended',
          target: 'liv-ata-2020-11-25-011',
          patch: { scorer: 'hans-hateboer' },
          reason: 'goalPanel',
        } as unknown as MatchEvent,
      ]);
      expect(goals('Gosens')).toBe(0);
      expect(goals('Hateboer')).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('store list/show/append, summary and a missing stream by id; store check is for folders', async () => {
    const url = await seededUrl();
    const list = cli('store', url, 'list');
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual([...groupDOthers().keys(), LIVE_MATCH].sort());
    const show = cli('store', url, 'show', LIVE_MATCH);
    expect(
      show.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as MatchEvent).id),
    ).toEqual(liveSequence().map((e) => e.id));
    const summary = cli('summary', LIVE_MATCH, '--store', url, '--json');
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout)).toMatchObject({ score: { home: 0, away: 2 } });
    // An append that repeats the stored events by expected version is refused and changes nothing.
    const file = join(GROUP_D_FILES, `${LIVE_MATCH}.ndjson`);
    const again = cli('store', url, 'append', LIVE_MATCH, file, '--expected-version', 'no-stream');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('WRONG_EXPECTED_VERSION');
    expect(cli('store', url, 'show', LIVE_MATCH).stdout).toBe(show.stdout);
    const missing = cli('table', 'no-such-match', '--store', url);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('STREAM_NOT_FOUND');
    const check = cli('store', url, 'check');
    expect(check.code).toBe(2); // USAGE: the command line, not the data
    expect(check.stderr).toContain('store check and --repair are for store folders');
  });

  it('a wrong password or a server that is not there: a typed error, exit 1, the password never shown', () => {
    const secret = 'not-the-password-4711';
    const port = new URL(db.url).port;
    const wrong = cli('table', '--store', `postgres://matchline:${secret}@127.0.0.1:${port}/postgres`);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('STORE_IO');
    expect(wrong.stderr).toContain('postgres://matchline:***@127.0.0.1');
    expect(wrong.stderr).not.toContain(secret);
    expect(wrong.stderr).not.toMatch(/\bat .*\.js:\d+/);
    const away = cli('records', '--store', `postgresql://u:${secret}@127.0.0.1:1/x`, '--team', 'Ajax');
    expect(away.code).toBe(1);
    expect(away.stderr).toContain('STORE_IO');
    expect(away.stderr).not.toContain(secret);
  });

  it('the pg client is loaded only for a postgres:// store', () => {
    const forbid = ['--import', join(ROOT, 'test/workers/forbid-pg.mjs')];
    const folder = mkdtempSync(join(tmpdir(), 'matchline-store-'));
    const fromFiles = run(forbid, ['table', ...groupDFiles(), '--json']);
    expect(fromFiles.stderr).toBe('');
    expect(fromFiles.code).toBe(0);
    const fromFolder = run(forbid, ['store', folder, 'list']);
    expect(fromFolder.stderr).toBe('');
    expect(fromFolder.code).toBe(0);
    // The same preload does stop a PostgreSQL run, so the two passes above mean something.
    const fromServer = run(forbid, ['table', '--store', db.url]);
    expect(fromServer.code).not.toBe(0);
    expect(fromServer.stderr).toContain('the pg client was loaded');
  });
});
