/**
 * The conformance suite every EventStore must pass. Call it with a factory; a PostgreSQL store can
 * run the same suite by importing this file.
 */
import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { isCaughtUp, isMatchlineError, type MatchEvent } from '../src/index.js';
import type { EventStore } from '../src/store/index.js';
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

export function storeConformance(name: string, make: () => Promise<EventStore>): void {
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

    it('readAll returns every stream', async () => {
      const store = await make();
      await store.append('b', opening());
      await store.append('a', opening());
      expect((await store.readAll()).map((s) => [s.streamId, s.events.length])).toEqual([
        ['a', 3],
        ['b', 3],
      ]);
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

    it('subscribeAll follows every stream', async () => {
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
