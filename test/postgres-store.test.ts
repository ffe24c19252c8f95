/** PostgresEventStore on a real server: the shared conformance suite, then what only PostgreSQL has. */
import { inspect } from 'node:util';
import pg from 'pg';
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { isCaughtUp, isMatchlineError, type MatchEvent } from '../src/index.js';
import { PostgresEventStore, SCHEMA_VERSION } from '../src/store/postgres/index.js';
import type { StoredEvent } from '../src/store/index.js';
import { storeConformance, codeOf } from './store-conformance.js';
import { usePostgres } from './postgres-helpers.js';
import { Stream } from './helpers.js';

const db = usePostgres();
storeConformance('PostgresEventStore', () => db.store({ pollIntervalMs: 50 }), {
  // A new instance (its own pool and no cached folds) over the same schema.
  reopen: (store) => db.reopen(store as PostgresEventStore),
});

const match = () => Stream.played().events;
const addedTime = (id: string, ms: number): MatchEvent =>
  ({ id, type: 'addedTime', at: { period: 1, ms }, minutes: 1 }) as unknown as MatchEvent;

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('PostgresEventStore on PostgreSQL', () => {
  it('global positions: a transaction that commits late is read in place, never skipped', async () => {
    const store = await db.store({ pollIntervalMs: 20 });
    const reader = await PostgresEventStore.open(db.url, { schema: store.schema });
    await store.append('slow', match());
    await store.append('fast', match());
    const followed: StoredEvent[] = [];
    const subscription = reader
      .subscribeAll()
      .pipe(filter((i): i is StoredEvent => !isCaughtUp(i)))
      .subscribe((item) => followed.push(item));
    // An outside transaction holds the 'slow' stream's row, so the next append to 'slow' takes its
    // transaction id and then waits, while a later append to 'fast' commits first.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT version FROM ${store.schema}.streams WHERE stream_id = 'slow' FOR UPDATE`);
    const slow = store.append('slow', [addedTime('late', 1000)]);
    await new Promise((r) => setTimeout(r, 200));
    const fast = await store.append('fast', [addedTime('early', 1000)]);
    // What is committed but above the horizon stays unread (a plain "position > checkpoint" reader
    // would now read 'early' and later skip 'late', whose position is lower).
    const visible = await blocker.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${store.schema}.events WHERE event->>'id' = 'early'`,
    );
    expect(Number(visible.rows[0]!.n)).toBe(1);
    expect((await reader.readAll({ after: 0 })).map((e) => e.event.id)).not.toContain('early');
    await blocker.query('COMMIT');
    await blocker.end();
    const late = await slow;
    expect(late.position).toBeLessThan(fast.position!);
    // Both are now readable, in position order: the late commit first.
    const all = await reader.readAll();
    expect(all.slice(-2).map((e) => e.event.id)).toEqual(['late', 'early']);
    for (let i = 1; i < all.length; i++) expect(all[i]!.position).toBeGreaterThan(all[i - 1]!.position);
    await new Promise((r) => setTimeout(r, 200));
    subscription.unsubscribe();
    expect(followed.map((e) => e.position)).toEqual(all.map((e) => e.position));
    await reader.close();
  });

  it('resumes readAll and subscribeAll from any checkpoint without gap or double', async () => {
    const store = await db.store({ pollIntervalMs: 20 });
    for (const id of ['a', 'b', 'c']) await store.append(id, match());
    await store.append('a', [addedTime('x1', 100), addedTime('x2', 200)]);
    const all = await store.readAll();
    expect(all).toHaveLength(11);
    expect(new Set(all.map((e) => e.position)).size).toBe(11);
    for (const cut of [0, 3, 7, 10]) {
      const rest = await store.readAll({ after: all[cut]!.position });
      expect(rest.map((e) => e.position)).toEqual(all.slice(cut + 1).map((e) => e.position));
      const followed = await firstValueFrom(
        store.subscribeAll({ after: all[cut]!.position }).pipe(take(all.length - cut), toArray()),
      );
      expect(followed.map((i) => (isCaughtUp(i) ? 'caughtUp' : i.position))).toEqual([
        ...all.slice(cut + 1).map((e) => e.position),
        'caughtUp',
      ]);
    }
    expect((await store.readAll({ limit: 4 })).map((e) => e.position)).toEqual(
      all.slice(0, 4).map((e) => e.position),
    );
  });

  it('any stream id the store accepts is safe, and text survives byte for byte', async () => {
    const store = await db.store();
    const tricky = `O'Brien "\\" $1 %s ;DROP TABLE streams;-- ü ⚽ 𝄞`;
    const events = Stream.played().events.map((e) =>
      e.type === 'fixture' ? { ...e, venue: tricky.slice(0, 120) } : e,
    );
    for (const id of ['a.b-c_d', '0', 'A'.repeat(128), 'x..y'.replace('..', '.')]) {
      await store.append(id, events);
      expect(await store.read(id)).toEqual(events);
    }
    expect(await codeOf(store.append("m'; DROP TABLE x;--", events))).toBe('INVALID_STREAM_ID');
    expect(JSON.stringify((await store.read('0'))[0])).toBe(JSON.stringify(events[0]));
  });

  it('migrations: eight stores opening one new schema at once apply each step exactly once', async () => {
    const schema = db.freshSchema();
    const stores = await Promise.all(
      Array.from({ length: 8 }, () => PostgresEventStore.open(db.url, { schema })),
    );
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ version: number }>(
      `SELECT version FROM ${schema}.migrations ORDER BY version`,
    );
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    // A schema newer than this code refuses to open rather than write in a format it does not know.
    await client.query(`INSERT INTO ${schema}.migrations (version) VALUES (${SCHEMA_VERSION + 1})`);
    await client.end();
    const error = await errorOf(PostgresEventStore.open(db.url, { schema }));
    expect(isMatchlineError(error) && error.code).toBe('USAGE');
    expect(error.message).toContain('newer than this matchline knows');
    await Promise.all(stores.map((s) => s.close()));
    expect(await codeOf(PostgresEventStore.open(db.url, { schema: 'Robert"); DROP' }))).toBe('USAGE');
  });

  it('the password never appears in errors, logs or the store printed', async () => {
    const password = db.cluster.password;
    const store = await db.store();
    expect(inspect(store, { showHidden: true, depth: 10 })).not.toContain(password);
    expect(JSON.stringify(store)).not.toContain(password);
    expect(store.server).toContain(':***@');
    const wrong = db.url.replace(password, 'Wr0ng-S3cret');
    const denied = await errorOf(PostgresEventStore.open(wrong));
    expect(isMatchlineError(denied) && denied.code).toBe('STORE_IO');
    expect(denied.message).toContain('password authentication failed');
    const refused = await errorOf(
      PostgresEventStore.open(db.url.replace(`:${db.cluster.port}/`, ':1/'), { schema: 'x' }),
    );
    expect(isMatchlineError(refused) && refused.code).toBe('STORE_IO');
    expect(refused.message).toContain('ECONNREFUSED');
    for (const error of [denied, refused]) {
      for (const text of [error.message, String(error.stack), JSON.stringify(error)]) {
        expect(text).not.toContain('Wr0ng-S3cret');
        expect(text).not.toContain(password);
      }
    }
    expect(await codeOf(PostgresEventStore.open('/tmp/not-a-url'))).toBe('USAGE');
  });

  it('an append whose events break a rule on the stored state leaves nothing, even after a concurrent append', async () => {
    const a = await db.store();
    const b = await PostgresEventStore.open(db.url, { schema: a.schema });
    await a.append('m', match());
    // b appends a second half start; a's cached state is behind and must be brought up to date
    // from the database before it judges its own append.
    await b.append('m', [
      { id: 'ht', type: 'periodEnded', at: { period: 1, ms: 45 * 60_000 } } as unknown as MatchEvent,
    ]);
    expect(await codeOf(a.append('m', [addedTime('late-added', 100)]))).toBe('EVENT_OUTSIDE_PERIOD');
    expect((await b.read('m')).map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'ht']);
    await b.close();
  });
});
