/**
 * Two processes on one PostgreSQL: a writer appends Liverpool v Atalanta event by event, a follower
 * keeps the Group D table current; a VAR retraction moves the table; both are killed (SIGKILL) and
 * restarted on the way, and nothing is lost or counted twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { buildTable, defaultTableRules, fold, toMatchResult } from '../src/index.js';
import { CompetitionProjection } from '../src/store/projection.js';
import { PostgresProjectionSink } from '../src/store/postgres/index.js';
import { usePostgres } from './postgres-helpers.js';
import { ROOT } from './helpers.js';
import { LIVE_MATCH, liveSequence } from './postgres-group-d.js';

const db = usePostgres();
const KICKED_OFF = JSON.stringify(['Liverpool 10', 'AFC Ajax 7', 'Atalanta 5', 'FC Midtjylland 0']);
const REAL_AFTER_MD4 = JSON.stringify(['Liverpool 9', 'AFC Ajax 7', 'Atalanta 7', 'FC Midtjylland 0']);

interface Running {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  until(test: (line: string) => boolean): Promise<string>;
}

function start(args: string[]): Running {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/workers/postgres-demo.ts'), ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  const waiting: (() => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    waiting.splice(0).forEach((w) => w());
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    lines,
    exited,
    async until(test) {
      for (let seen = 0; ;) {
        for (; seen < lines.length; seen++) if (test(lines[seen]!)) return lines[seen]!;
        const more = new Promise<void>((r) => waiting.push(r));
        const done = await Promise.race([more.then(() => false), exited.then(() => true)]);
        if (done && seen >= lines.length)
          throw new Error(`process ended before the line: ${lines.join(' | ')}`);
      }
    },
  };
}

async function kill(p: Running): Promise<void> {
  p.child.kill('SIGKILL');
  await p.exited;
}

describe('two processes on one PostgreSQL', () => {
  it('a writer appends a match event by event, a follower keeps the group table current; both restart without loss', async () => {
    const store = await db.store();
    const { schema } = store;
    let follower = start(['follower', db.url, schema]);
    await follower.until((l) => l.startsWith('resumed'));
    let writer = start(['writer', db.url, schema, '30']);
    // Kill the writer a few events into the match, and the follower too; restart both.
    await writer.until((l) => l === 'ack liv-ata-2020-11-25-004');
    await kill(writer);
    await kill(follower);
    follower = start(['follower', db.url, schema]);
    const resumed = Number((await follower.until((l) => l.startsWith('resumed'))).split(' ')[1]);
    expect(resumed).toBeGreaterThan(0); // it resumes from the saved checkpoint, not from zero
    writer = start(['writer', db.url, schema, '30']);
    await writer.until((l) => l === 'done');
    expect(await writer.exited).toBe(0);
    // The follower saw the disallowed equaliser level the live table and the retraction undo it.
    const last = (await store.readAll()).at(-1)!.position;
    await follower.until((l) => l.startsWith(`table ${last} `));
    const tables = follower.lines
      .filter((l) => l.startsWith('table '))
      .map((l) => l.split(' ').slice(2).join(' '));
    const levelled = tables.lastIndexOf(KICKED_OFF);
    expect(levelled).toBeGreaterThan(-1);
    expect(tables.slice(levelled + 1)).toContain(REAL_AFTER_MD4);
    expect(tables.at(-1)).toBe(REAL_AFTER_MD4);
    await kill(follower);

    // Nothing lost, nothing doubled: the stream is the feed exactly, and the saved projection equals a
    // fold of every stream from scratch.
    expect((await store.read(LIVE_MATCH)).map((e) => e.id)).toEqual(liveSequence().map((e) => e.id));
    const saved = new CompetitionProjection(store, new PostgresProjectionSink(store));
    await saved.load();
    expect(saved.checkpoint).toBe(last);
    const group = { competition: 'UEFA Champions League', season: '2020-21', group: 'D' };
    const fromScratch = [];
    for (const id of await store.list())
      fromScratch.push(toMatchResult(fold(await store.read(id), undefined, { mode: 'lenient' }), id));
    expect(saved.table(group)).toEqual(buildTable(fromScratch, { rules: defaultTableRules('2020-21') }));
    expect(saved.matches(group).find((m) => m.streamId === LIVE_MATCH)?.version).toBe(liveSequence().length);
  }, 120_000);
});
