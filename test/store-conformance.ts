/**
 * The conformance suite every EventStore must pass. Call it with a factory; a PostgreSQL store can
 * run the same suite by importing this file.
 */
import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { checkEvent, isCaughtUp, isMatchlineError, type MatchEvent } from '../src/index.js';
import type { EventStore, StoredEvent } from '../src/store/index.js';
import { Stream, at } from './helpers.js';

export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isMatchlineError(error)) return error.code;
    throw error;
  }
  return undefined;
}

const opening = () => Stream.played().events; // fixture, line-ups, kick-off
const goal = (id: string, minute: string, scorer = 'h9', extra: Record<string, unknown> = {}) =>
  ({
    id,
    type: 'goal',
    at: at(minute),
    team: 'home',
    scorer,
    scorerTeam: 'home',
    penalty: false,
    ownGoal: false,
    ...extra,
  }) as unknown as MatchEvent;

export interface ConformanceOptions {
  /** Opens the same store again (a new instance over the same data), to check what was persisted. */
  readonly reopen?: (store: EventStore) => Promise<EventStore>;
}

/**
 * Every backend runs this: `storeConformance('PostgresEventStore', () => openFreshStore(), { reopen })`.
 * `make` must give an empty store each time.
 */
export function storeConformance(
  name: string,
  make: () => Promise<EventStore>,
  options: ConformanceOptions = {},
): void {
  const reopen = options.reopen ?? ((store: EventStore) => Promise.resolve(store));
  describe(`${name}: EventStore conformance`, () => {
    it('appends, reads back in order, and reports versions', async () => {
      const store = await make();
      expect(await store.exists('m1')).toBe(false);
      expect(await store.append('m1', opening(), { expectedVersion: 'no-stream' })).toMatchObject({
        version: 3,
        appended: 3,
      });
      expect(await store.append('m1', [goal('g1', '10')], { expectedVersion: 3 })).toMatchObject({
        version: 4,
      });
      expect((await store.read('m1')).map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'g1']);
      expect((await store.read('m1', { from: 1, to: 3 })).map((e) => e.id)).toEqual(['e1', 'e2']);
      expect(await store.exists('m1')).toBe(true);
      expect(await store.list()).toEqual(['m1']);
      await store.close();
    });

    it('expected versions: number, no-stream, stream-exists, any', async () => {
      const store = await make();
      expect(await codeOf(store.append('m', opening(), { expectedVersion: 'stream-exists' }))).toBe(
        'WRONG_EXPECTED_VERSION',
      );
      await store.append('m', opening(), { expectedVersion: 'no-stream' });
      expect(await codeOf(store.append('m', [goal('g1', '10')], { expectedVersion: 'no-stream' }))).toBe(
        'WRONG_EXPECTED_VERSION',
      );
      expect(await codeOf(store.append('m', [goal('g1', '10')], { expectedVersion: 2 }))).toBe(
        'WRONG_EXPECTED_VERSION',
      );
      expect(await store.append('m', [goal('g1', '10')], { expectedVersion: 'stream-exists' })).toMatchObject(
        { version: 4 },
      );
      expect(await store.append('m', [goal('g2', '11')], { expectedVersion: 'any' })).toMatchObject({
        version: 5,
      });
      expect(await store.append('m', [goal('g3', '12')])).toMatchObject({ version: 6 });
    });

    it('a rejected append writes nothing: schema, rules, duplicate ids, a bad event in the middle of a batch', async () => {
      const store = await make();
      await store.append('m', opening());
      const before = await store.read('m');
      const bad: [MatchEvent[], string][] = [
        [[goal('g1', '10', 'h9', { penalty: 'yes' })], 'SCHEMA_INVALID'],
        [[goal('g1', '10', 'nobody')], 'PLAYER_NOT_IN_LINEUP'],
        [[goal('g1', '10'), goal('g2', '11', 'nobody')], 'PLAYER_NOT_IN_LINEUP'],
        [[goal('e1', '10')], 'DUPLICATE_EVENT_ID'],
        [[{ id: 'x', type: 'periodStarted', at: { period: 3, ms: 0 } }], 'PERIOD_OUT_OF_ORDER'],
        [
          [
            JSON.parse(
              '{"id":"p","type":"goal","at":{"period":1,"ms":1},"team":"home","scorerTeam":"home","penalty":false,"ownGoal":false,"__proto__":{"polluted":true}}',
            ) as MatchEvent,
          ],
          'SCHEMA_INVALID',
        ],
        [
          [
            JSON.parse(
              '{"id":"c","type":"goal","at":{"period":1,"ms":1},"team":"home","scorerTeam":"home","penalty":false,"ownGoal":false,"constructor":{"prototype":{"polluted":true}}}',
            ) as MatchEvent,
          ],
          'SCHEMA_INVALID',
        ],
        [
          [{ id: 'big', type: 'matchAbandoned', at: at('10'), reason: 'x'.repeat(100_000) }],
          'SCHEMA_INVALID',
        ],
      ];
      for (const [events, code] of bad) {
        expect(await codeOf(store.append('m', events))).toBe(code);
        expect(await store.read('m')).toEqual(before);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // The stream still takes a good append afterwards.
      expect(await store.append('m', [goal('g1', '10')])).toMatchObject({ version: 4 });
    });

    it('rejects hostile stream ids', async () => {
      const store = await make();
      for (const id of [
        '../x',
        '/etc/passwd',
        'a/b',
        '',
        'x'.repeat(10_000),
        'a\u0000b',
        '..',
        '.hidden',
        'a\\b',
      ]) {
        expect(await codeOf(store.append(id, opening())), JSON.stringify(id.slice(0, 20))).toBe(
          'INVALID_STREAM_ID',
        );
        expect(await codeOf(store.read(id))).toBe('INVALID_STREAM_ID');
      }
      expect(await store.list()).toEqual([]);
    });

    it('reading a missing stream is STREAM_NOT_FOUND', async () => {
      const store = await make();
      expect(await codeOf(store.read('nothing'))).toBe('STREAM_NOT_FOUND');
    });

    it('idempotent imports: same or older source versions are ignored, a newer one becomes an amendment', async () => {
      const store = await make();
      await store.append('m', opening());
      const g = goal('sb-1', '10', 'h9', { source: { provider: 'statsbomb', id: 'abc', version: 1 } });
      expect(await store.append('m', [g])).toMatchObject({ appended: 1, ignored: 0 });
      expect(await store.append('m', [{ ...g, id: 'again' }])).toMatchObject({
        appended: 0,
        ignored: 1,
        version: 4,
      });
      expect(
        await store.append('m', [
          { ...g, id: 'old', source: { provider: 'statsbomb', id: 'abc', version: 0 } },
        ]),
      ).toMatchObject({ ignored: 1 });
      const newer = {
        ...g,
        id: 'newer',
        scorer: 'h10',
        source: { provider: 'statsbomb', id: 'abc', version: 2 },
      } as MatchEvent;
      expect(await store.append('m', [newer])).toMatchObject({ appended: 1, amended: 1, version: 5 });
      const events = await store.read('m');
      expect(events.at(-1)).toMatchObject({
        type: 'eventAmended',
        target: 'sb-1',
        patch: { scorer: 'h10' },
        reason: 'feedCorrection',
      });
      // The same newer version again is ignored.
      expect(await store.append('m', [newer])).toMatchObject({ appended: 0, ignored: 1 });
    });

    it('global positions: increasing across streams in commit order, returned by append, never reused', async () => {
      const store = await make();
      const a = await store.append('a', opening());
      const b = await store.append('b', opening());
      expect(await codeOf(store.append('a', [goal('bad', '10', 'nobody')]))).toBe('PLAYER_NOT_IN_LINEUP');
      const c = await store.append('a', [goal('g1', '10')]);
      const all = await store.readAll();
      expect(all.map((s) => `${s.streamId}:${s.version}:${s.event.id}`)).toEqual([
        'a:1:e0',
        'a:2:e1',
        'a:3:e2',
        'b:1:e0',
        'b:2:e1',
        'b:3:e2',
        'a:4:g1',
      ]);
      const positions = all.map((s) => s.position);
      for (let i = 1; i < positions.length; i++) expect(positions[i]!).toBeGreaterThan(positions[i - 1]!);
      expect(positions[0]!).toBeGreaterThanOrEqual(1);
      expect(new Set(positions).size).toBe(positions.length);
      // Each append reports the position of the last event it wrote.
      expect([a.position, b.position, c.position]).toEqual([positions[2], positions[5], positions[6]]);
      // After a reopen the same positions, and new events get greater ones.
      const again = await reopen(store);
      expect((await again.readAll()).map((s) => s.position)).toEqual(positions);
      const d = await again.append('b', [goal('g2', '11')]);
      expect(d.position!).toBeGreaterThan(positions.at(-1)!);
    });

    it('readAll resumes after a position, with a limit, without gap or double', async () => {
      const store = await make();
      await store.append('a', opening());
      await store.append('b', opening());
      await store.append('a', [goal('g1', '10')]);
      const all = await store.readAll();
      const pages: string[] = [];
      let after = 0;
      for (;;) {
        const page = await store.readAll({ after, limit: 2 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(2);
        pages.push(...page.map((s) => `${s.streamId}:${s.version}`));
        after = page.at(-1)!.position;
      }
      expect(pages).toEqual(all.map((s) => `${s.streamId}:${s.version}`));
      expect(await store.readAll({ after: all.at(-1)!.position })).toEqual([]);
      expect(await store.readAll({ after: all[3]!.position })).toEqual(all.slice(4));
    });

    it('bad API input is USAGE and writes nothing; an empty append writes nothing', async () => {
      const store = await make();
      for (const events of [undefined, null, 'abc', {}, 42, [], [1], [null], ['x'], [[]]]) {
        expect(await codeOf(store.append('m', events as never)), JSON.stringify(events)).toBe('USAGE');
      }
      expect(await store.exists('m')).toBe(false);
      expect(await store.list()).toEqual([]);
      await store.append('m', opening());
      const before = await store.readAll();
      expect(await codeOf(store.append('m', []))).toBe('USAGE');
      for (const expectedVersion of [-1, 1.5, 'soon', null, NaN])
        expect(
          await codeOf(store.append('m', [goal('g1', '10')], { expectedVersion } as never)),
          String(expectedVersion),
        ).toBe('USAGE');
      expect(await codeOf(store.append('m', [goal('g1', '10')], 'any' as never))).toBe('USAGE');
      expect(await store.readAll()).toEqual(before);
      expect(await codeOf(store.readAll({ after: -1 }))).toBe('USAGE');
      expect(await codeOf(store.readAll({ after: 'x' } as never))).toBe('USAGE');
      expect(await codeOf(store.readAll({ limit: 1.5 }))).toBe('USAGE');
      expect(await codeOf(store.read('m', { from: -2 }))).toBe('USAGE');
      expect(await codeOf(store.read('m', { to: 'end' } as never))).toBe('USAGE');
      expect(() => store.subscribeAll({ after: -5 })).toThrow(/after/);
    });

    it('a generated amendment passes the event schema, and the stream stays readable after a reopen', async () => {
      const store = await make();
      await store.append('m', opening());
      const g = goal('sb-1', '10', 'h9', { source: { provider: 'statsbomb', id: 'abc', version: 1 } });
      await store.append('m', [g]);
      await store.append('m', [
        {
          ...g,
          id: 'sb-1b',
          scorer: 'h10',
          source: { provider: 'statsbomb', id: 'abc', version: 2 },
        } as MatchEvent,
      ]);
      const amendment = (await store.read('m')).at(-1)!;
      expect(amendment.type).toBe('eventAmended');
      expect(checkEvent(amendment)).toBeNull();
      const again = await reopen(store);
      expect((await again.read('m')).map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'sb-1', amendment.id]);
      expect(await again.append('m', [goal('g2', '20')])).toMatchObject({ version: 6 });
    });

    it('subscribe: the stored events, the caught-up marker, then new appends', async () => {
      const store = await make();
      await store.append('m', opening());
      const items = firstValueFrom(store.subscribe('m').pipe(take(6), toArray()));
      await new Promise((r) => setTimeout(r, 10));
      await store.append('m', [goal('g1', '10')]);
      await store.append('m', [goal('g2', '11')]);
      const got = await items;
      expect(got.map((i) => (isCaughtUp(i) ? 'caughtUp' : i.id))).toEqual([
        'e0',
        'e1',
        'e2',
        'caughtUp',
        'g1',
        'g2',
      ]);
    });

    it('subscribeAll follows every stream, with positions', async () => {
      const store = await make();
      await store.append('a', opening());
      const items = firstValueFrom(store.subscribeAll().pipe(take(5), toArray()));
      await new Promise((r) => setTimeout(r, 10));
      await store.append('b', opening());
      const got = await items;
      expect(got.map((i) => (isCaughtUp(i) ? 'caughtUp' : `${i.streamId}:${i.version}`))).toEqual([
        'a:1',
        'a:2',
        'a:3',
        'caughtUp',
        'b:1',
      ]);
      const stored = await store.readAll();
      expect(got.filter((i) => !isCaughtUp(i))).toEqual(stored.slice(0, 4));
    });

    it('subscribeAll resumes after a position: no gap, no double', async () => {
      const store = await make();
      await store.append('a', opening());
      await store.append('b', opening());
      const all = await store.readAll();
      const checkpoint = all[3]!.position; // a consumer stopped after b:1
      const items = firstValueFrom(store.subscribeAll({ after: checkpoint }).pipe(take(4), toArray()));
      await new Promise((r) => setTimeout(r, 10));
      const g = await store.append('a', [goal('g1', '10')]);
      const got = await items;
      expect(got.map((i) => (isCaughtUp(i) ? 'caughtUp' : `${i.streamId}:${i.version}`))).toEqual([
        'b:2',
        'b:3',
        'caughtUp',
        'a:4',
      ]);
      expect((got[3] as StoredEvent).position).toBe(g.position);
    });

    it('concurrent appends with the same expected version: exactly one wins', async () => {
      const store = await make();
      await store.append('m', opening());
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map((k) => store.append('m', [goal(`g${k}`, '10')], { expectedVersion: 3 })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results)
        if (r.status === 'rejected')
          expect((r.reason as { code: string }).code).toBe('WRONG_EXPECTED_VERSION');
      expect(await store.read('m')).toHaveLength(4);
    });
  });
}
