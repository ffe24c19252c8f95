/** Each failure issue 14 reported, reproduced: faults injected through StoreFs, and real processes. */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { CAUGHT_UP, isCaughtUp, isMatchlineError, type MatchEvent } from '../src/events/index.js';
import { FileEventStore, nodeFs, QueueLock, type StoredEvent } from '../src/store/index.js';
import { FaultyFs, readOnly } from '../src/store/fs/faulty.js';
import { ROOT, seed } from './helpers.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'matchline-faults-'));
const LIV_RMA = 'ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const match = seed(LIV_RMA);
const APPENDER = join(ROOT, 'test/workers/store-appender.mjs');

async function failure(promise: Promise<unknown>): Promise<{ code?: string; errno?: string; file?: string }> {
  try {
    await promise;
  } catch (error) {
    if (!isMatchlineError(error)) throw error;
    return { code: error.code, errno: error.errno, file: error.file };
  }
  throw new Error('expected the operation to fail');
}

describe('the file store under faults (issue 14)', () => {
  it('a short write under a size limit is cut back and not acknowledged (fault layer)', async () => {
    const dir = fresh();
    const faults = { writeBudget: Infinity };
    const store = await FileEventStore.open(dir, { fs: new FaultyFs(nodeFs, faults) });
    await store.append('m', match.slice(0, 10)); // the seed match has 23 events
    const committed = statSync(join(dir, 'm.ndjson')).size;
    faults.writeBudget = 700; // the next write gets part of its bytes, then EFBIG
    const error = await failure(store.append('m', match.slice(10)));
    expect(error).toMatchObject({ code: 'STORE_IO', errno: 'EFBIG' });
    expect(statSync(join(dir, 'm.ndjson')).size).toBe(committed);
    faults.writeBudget = Infinity;
    const again = await FileEventStore.open(dir);
    expect(await again.read('m')).toEqual(match.slice(0, 10));
    expect((await again.append('m', match.slice(10), { expectedVersion: 10 })).version).toBe(23);
    expect(await (await FileEventStore.open(dir)).read('m')).toEqual(match);
  });

  it('a short write under a real ulimit -f: STORE_IO EFBIG, nothing acknowledged past the limit', () => {
    const dir = fresh();
    const run = spawnSync(
      'bash',
      ['-c', `ulimit -f 2; exec "${process.execPath}" "${APPENDER}" batch "${dir}" s 40`],
      {
        encoding: 'utf8',
      },
    );
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual(['ack 2 2', 'error STORE_IO EFBIG']);
    const text = readFileSync(join(dir, 's.ndjson'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(2);
  });

  it('a full disk is STORE_IO ENOSPC with the file, and the stream is left as it was', async () => {
    const dir = fresh();
    const faults = { fail: (op: string) => (op === 'sync' ? 'ENOSPC' : null) };
    await (await FileEventStore.open(dir)).append('m', match.slice(0, 5));
    const store = await FileEventStore.open(dir, { fs: new FaultyFs(nodeFs, faults) });
    const error = await failure(store.append('m', match.slice(5, 9)));
    expect(error).toMatchObject({ code: 'STORE_IO', errno: 'ENOSPC', file: join(dir, 'm.ndjson') });
    expect(await (await FileEventStore.open(dir)).read('m')).toEqual(match.slice(0, 5));
    const check = await (await FileEventStore.open(dir)).check('m');
    expect(check).toMatchObject({ status: 'ok', tailBytes: 0 });
  });

  it('a hand-made stream file without a final newline: the next append starts a new line', async () => {
    const dir = fresh();
    writeFileSync(
      join(dir, 'm.ndjson'),
      match
        .slice(0, 6)
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    const store = await FileEventStore.open(dir);
    expect(await store.read('m')).toEqual(match.slice(0, 6));
    await store.append('m', match.slice(6, 8), { expectedVersion: 6 });
    expect(await (await FileEventStore.open(dir)).read('m')).toEqual(match.slice(0, 8));
  });

  it("an empty file or a first append killed before its commit leaves no stream: 'no-stream' works", async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'empty.ndjson'), '');
    mkdirSync(join(dir, '.matchline', 'new'), { recursive: true });
    writeFileSync(join(dir, '.matchline', 'new', 'torn.ndjson'), JSON.stringify(match[0]).slice(0, 50));
    const store = await FileEventStore.open(dir);
    expect(await store.exists('empty')).toBe(false);
    expect(await store.exists('torn')).toBe(false);
    for (const id of ['empty', 'torn'])
      expect((await store.append(id, match.slice(0, 3), { expectedVersion: 'no-stream' })).version).toBe(3);
    const again = await FileEventStore.open(dir);
    expect(await again.read('empty')).toEqual(match.slice(0, 3));
    expect(await again.read('torn')).toEqual(match.slice(0, 3));
    expect(readdirSync(join(dir, '.matchline', 'new'))).toEqual([]);
  });

  it('a store on a read-only mount can be read, listed, followed and checked', async () => {
    const dir = fresh();
    await (await FileEventStore.open(dir)).append('m', match.slice(0, 12));
    writeFileSync(
      join(dir, 'hand.ndjson'),
      match
        .slice(0, 4)
        .map((e) => JSON.stringify(e) + '\n')
        .join(''),
    );
    const store = await FileEventStore.open(dir, { fs: new FaultyFs(nodeFs, { fail: readOnly }) });
    expect(await store.list()).toEqual(['hand', 'm']);
    expect(await store.read('m')).toEqual(match.slice(0, 12));
    expect(await store.read('hand')).toEqual(match.slice(0, 4));
    expect((await store.readAll()).map((s) => s.position)).toEqual([...Array(12).keys()].map((i) => i + 1));
    expect(await store.check('m')).toMatchObject({ status: 'ok' });
    expect(await failure(store.append('m', match.slice(12, 13)))).toMatchObject({
      code: 'STORE_IO',
      errno: 'EROFS',
    });
  });

  it('readers never wait for a writer: a held lock does not delay read, readAll or check', async () => {
    const dir = fresh();
    const store = await FileEventStore.open(dir, { lockTimeoutMs: 300 });
    await store.append('m', match.slice(0, 5));
    const release = await new QueueLock(join(dir, '.matchline', 'locks')).acquire('m', 1000);
    try {
      // Bytes of an append in flight past the committed length: not shown, not reported as damage.
      writeFileSync(join(dir, 'm.ndjson'), JSON.stringify(match[5]) + '\n', { flag: 'a' });
      const reader = await FileEventStore.open(dir);
      expect(await reader.read('m')).toEqual(match.slice(0, 5));
      expect(await reader.readAll()).toHaveLength(5);
      expect(await reader.check('m')).toMatchObject({ status: 'ok', tailBytes: 0 });
      expect(await failure(store.append('m', match.slice(5, 6)))).toMatchObject({ code: 'STORE_LOCKED' });
    } finally {
      await release();
    }
    // With no writer holding the lock the same tail is what it is: an append never acknowledged.
    expect(await (await FileEventStore.open(dir)).check('m')).toMatchObject({ status: 'uncommittedTail' });
  });

  it('links, folders and FIFOs named like streams are refused with STORE_IO and never followed', async () => {
    const dir = fresh();
    const outside = fresh();
    writeFileSync(
      join(outside, 'secret.ndjson'),
      match
        .slice(0, 3)
        .map((e) => JSON.stringify(e) + '\n')
        .join(''),
    );
    symlinkSync(join(outside, 'secret.ndjson'), join(dir, 'link.ndjson'));
    symlinkSync(join(outside, 'missing.ndjson'), join(dir, 'dangling.ndjson'));
    mkdirSync(join(dir, 'folder.ndjson'));
    expect(spawnSync('mkfifo', [join(dir, 'fifo.ndjson')]).status).toBe(0);
    const store = await FileEventStore.open(dir);
    expect(await store.list()).toEqual([]);
    expect(await failure(store.read('link'))).toMatchObject({ code: 'STORE_IO', errno: 'ELOOP' });
    expect(await failure(store.read('dangling'))).toMatchObject({ code: 'STORE_IO', errno: 'ELOOP' });
    expect(await failure(store.read('folder'))).toMatchObject({ code: 'STORE_IO', errno: 'EISDIR' });
    expect(await failure(store.read('fifo'))).toMatchObject({ code: 'STORE_IO', errno: 'ENXIO' });
    expect(await failure(store.append('link', match.slice(0, 2)))).toMatchObject({ code: 'STORE_IO' });
    expect(readFileSync(join(outside, 'secret.ndjson'), 'utf8').split('\n')).toHaveLength(4);
    const file = join(fresh(), 'a-file');
    writeFileSync(file, 'x');
    expect(await failure(FileEventStore.open(file))).toMatchObject({ code: 'STORE_IO', errno: 'ENOTDIR' });
  });

  it('reading a mistyped folder creates nothing (library and CLI)', async () => {
    const missing = join(fresh(), 'no-such-store');
    const store = await FileEventStore.open(missing);
    expect(await store.exists('m')).toBe(false);
    expect(await failure(store.list())).toMatchObject({ code: 'STORE_IO', errno: 'ENOENT' });
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'store', missing, 'list'], {
      encoding: 'utf8',
    });
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toContain('STORE_IO');
    expect(cli.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(missing)).toBe(false);
  });

  it('a subscriber in another process sees every append of a writer process, in order, once', async () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    const store = await FileEventStore.open(dir, { pollMs: 100 });
    const items: (StoredEvent | typeof CAUGHT_UP)[] = [];
    const twenty = firstValueFrom(
      store.subscribeAll().pipe(
        filter((item) => (items.push(item), !isCaughtUp(item))),
        take(22),
        toArray(),
      ),
    );
    const child = spawn(process.execPath, [APPENDER, 'live', dir, 'live', '20'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const got = (await twenty) as StoredEvent[];
    await exited;
    expect(isCaughtUp(items[0])).toBe(true);
    expect(got.map((s) => s.version)).toEqual([...Array(22).keys()].map((i) => i + 1));
    expect(got.map((s) => s.event.id)).toEqual([...Array(22).keys()].map((i) => `e${i}`));
    const positions = got.map((s) => s.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(22);
    // What the writer was told is what the subscriber got.
    const acks = out
      .trim()
      .split('\n')
      .map((l) => l.split(' '));
    expect(acks.at(-1)).toEqual(['ack', '22', String(positions.at(-1))]);
  });

  it('a consumer resumes from its global position after a restart without gap or double', async () => {
    const dir = fresh();
    const first = await FileEventStore.open(dir);
    await first.append('a', match.slice(0, 6));
    await first.append('b', match.slice(0, 4));
    const seen = (await first.readAll()).slice(0, 7);
    const checkpoint = seen.at(-1)!.position;
    await first.append('a', match.slice(6, 9));
    // A new process-like instance, from the checkpoint only.
    const restarted = await FileEventStore.open(dir);
    const rest = await firstValueFrom(restarted.subscribeAll({ after: checkpoint }).pipe(take(7), toArray()));
    expect(isCaughtUp(rest.at(-1))).toBe(true);
    const all = [...seen, ...(rest.slice(0, -1) as StoredEvent[])];
    expect(all).toEqual(await restarted.readAll());
    expect(all.map((s) => `${s.streamId}:${s.event.id}`)).toEqual([
      ...match.slice(0, 6).map((e: MatchEvent) => `a:${e.id}`),
      ...match.slice(0, 4).map((e: MatchEvent) => `b:${e.id}`),
      ...match.slice(6, 9).map((e: MatchEvent) => `a:${e.id}`),
    ]);
  });
});
