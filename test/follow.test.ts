/**
 * The private fold that stores, live() and replay keep per stream (src/match/follow.ts): corrections
 * resume from checkpoints, refused batches roll back, snapshots share the append-only parts. Each
 * is checked against the plain definition: folding the prefix from the empty state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  createState,
  evolve,
  fold,
  live,
  stateAt,
  withHistory,
  type MatchEvent,
  type MatchState,
} from '../src/index.js';
import { importStatsBomb, type SbEvent, type SbLineupTeam } from '../src/import/statsbomb/index.js';
import { Follower } from '../src/match/follow.js';
import { MemoryEventStore } from '../src/store/index.js';
import { arbInvalidMatch, arbMatch } from 'matchline/testing';
import { ROOT } from './helpers.js';

const numRuns = Math.max(20, Math.floor(Number(process.env.MATCHLINE_PROP_RUNS ?? 200) / 4));
const rich = { var: true, corrections: true, abandonment: true };

describe('a followed stream', () => {
  it('event by event (checkpoints before every correctable event) equals folding the prefix', () => {
    fc.assert(
      fc.property(arbMatch(rich), (events) => {
        const follower = new Follower({ dense: true });
        for (let i = 0; i < events.length; i++) {
          follower.apply([events[i]!]);
          if (
            events[i]!.type === 'eventAmended' ||
            events[i]!.type === 'eventRetracted' ||
            i === events.length - 1
          )
            expect(follower.snapshot()).toEqual(stateAt(events, i + 1));
        }
      }),
      { numRuns },
    );
  });

  it('a refused batch leaves the state as it was, and the stream goes on as if it never came', () => {
    fc.assert(
      fc.property(arbInvalidMatch({ var: true, corrections: true }), fc.nat(), ({ events, index }, cut) => {
        const follower = new Follower({ dense: true });
        const before = cut % (index + 1);
        follower.apply(events.slice(0, before));
        expect(() => follower.apply(events.slice(before, index + 1))).toThrow();
        expect(follower.snapshot()).toEqual(fold(events.slice(0, before)));
        // The valid events after the refused ones fold as if the batch had never been offered.
        follower.apply(events.slice(before, index));
        expect(follower.snapshot()).toEqual(fold(events.slice(0, index)));
      }),
      { numRuns },
    );
  });

  it('an earlier snapshot does not change when later events and corrections arrive', () => {
    fc.assert(
      fc.property(arbMatch(rich), fc.nat(), (events, at) => {
        const cut = at % (events.length + 1);
        const follower = new Follower({ dense: true });
        follower.apply(events.slice(0, cut));
        const early = follower.snapshot();
        follower.apply(events.slice(cut));
        expect(early).toEqual(fold(events.slice(0, cut)));
        expect(follower.snapshot()).toEqual(fold(events));
      }),
      { numRuns },
    );
  });
});

describe('store appends on the followed stream', () => {
  it('one event at a time ends where one append of the whole match does; a refused append changes nothing', async () => {
    const samples = fc.sample(arbInvalidMatch({ var: true, corrections: true }), { numRuns: 30, seed: 7 });
    for (const { events, index, code } of samples) {
      const store = new MemoryEventStore();
      for (const e of events.slice(0, index)) await store.append('m', [e]);
      await expect(store.append('m', events.slice(index))).rejects.toMatchObject({ code });
      expect(await store.read('m')).toEqual(events.slice(0, index));
      // Offered again, it fails for the same reason: the refused append claimed no ids, moved no clock.
      await expect(store.append('m', events.slice(index))).rejects.toMatchObject({ code });
    }
  });
});

describe('evolve chains share one private fold', () => {
  it('a chain, and a branch from any earlier state, each equal folding their own prefix', () => {
    fc.assert(
      fc.property(arbMatch(rich), fc.nat(), (events, at) => {
        const states: MatchState[] = [createState()];
        for (const e of events) states.push(evolve(states.at(-1)!, e));
        expect(states.at(-1)).toEqual(fold(events));
        // Evolving an older state again starts a branch: the chain after it must not change.
        const cut = at % events.length;
        const branch = evolve(states[cut]!, events[cut]!);
        expect(branch).toEqual(fold(events.slice(0, cut + 1)));
        expect(evolve(branch, events[cut + 1] ?? events[cut]!, { mode: 'lenient' })).toEqual(
          fold([...events.slice(0, cut + 1), events[cut + 1] ?? events[cut]!], undefined, {
            mode: 'lenient',
          }),
        );
        expect(states.at(-1)).toEqual(fold(events));
        expect(states[cut + 1]).toEqual(fold(events.slice(0, cut + 1)));
      }),
      { numRuns },
    );
  });

  it('a refused event throws and leaves the chain where it was', () => {
    fc.assert(
      fc.property(arbInvalidMatch({ var: true, corrections: true }), ({ events, index, code }) => {
        let state = createState();
        for (const e of events.slice(0, index)) state = evolve(state, e);
        expect(() => evolve(state, events[index]!)).toThrow(expect.objectContaining({ code }));
        expect(state).toEqual(fold(events.slice(0, index)));
        // The chain goes on from the same state: the refused event, now lenient, becomes a warning.
        const lenient = { mode: 'lenient' } as const;
        expect(evolve(state, events[index]!, lenient)).toEqual(
          fold(events.slice(0, index + 1), undefined, lenient),
        );
      }),
      { numRuns },
    );
  });
});

/** StatsBomb 15986 (Barcelona 2-2 Girona, with its 3,998 actions), from the real open-data files. */
function barcelonaGirona(): MatchEvent[] {
  const dir = join(ROOT, 'test/fixtures/statsbomb');
  const read = <T>(path: string): T => JSON.parse(readFileSync(join(dir, path), 'utf8')) as T;
  return importStatsBomb({
    events: read<SbEvent[]>('events/15986.json'),
    lineups: read<SbLineupTeam[]>('lineups/15986.json'),
    fixture: { home: 'Barcelona', kickoff: '2021-06-11T19:00:00Z' },
    keepActions: true,
  }).events;
}

describe('a real provider match followed event by event', () => {
  const events = barcelonaGirona();
  const firstGoal = fold(events).goals[0]!;
  const lastGoal = fold(events).goals.at(-1)!;
  // Late in the second half, a retraction of Barcelona's 19th-minute goal and a re-credit of the
  // 63rd-minute one (to the goalkeeper, so the change is visible).
  const cut = 3000;
  const at = events[cut - 1]!.at!;
  const corrected: MatchEvent[] = [
    ...events.slice(0, cut),
    { id: 'fix-1', type: 'eventRetracted', at, target: firstGoal.eventId, reason: 'var' },
    ...events.slice(cut, cut + 200),
    {
      id: 'fix-2',
      type: 'eventAmended',
      at: events[cut + 199]!.at!,
      target: lastGoal.eventId,
      patch: { scorer: 'sb-20055' },
      reason: 'goalPanel',
    },
    ...events.slice(cut + 200),
  ];

  it('folds to the real result, and to 1-2 with the retraction', () => {
    expect(fold(events).score).toEqual({ home: 2, away: 2 });
    const state = fold(corrected);
    expect(state.score).toEqual({ home: 1, away: 2 });
    expect(state.goals.at(-1)!.scorer).toBe('sb-20055');
  });

  it('live(): the frame after each correction and the last frame equal folding the prefix', () => {
    const next = new Subject<MatchEvent>();
    const frames: MatchState[] = [];
    const subscription = live(withHistory(corrected.slice(0, 1500), next)).subscribe((item) => {
      if ('state' in item) frames.push(item.state);
    });
    const caughtUp = frames.length;
    for (const e of corrected.slice(1500)) next.next(e);
    subscription.unsubscribe();
    const after = (id: string) => caughtUp + corrected.findIndex((e) => e.id === id) - 1500;
    for (const id of ['fix-1', 'fix-2']) {
      const version = corrected.findIndex((e) => e.id === id) + 1;
      expect(frames[after(id)]).toEqual(stateAt(corrected, version));
    }
    expect(frames.at(-1)).toEqual(fold(corrected));
    expect(frames.at(-1)!.score).toEqual({ home: 1, away: 2 });
  });

  it('an evolve chain and a store fed one event at a time end where one fold does', async () => {
    let state = createState();
    for (const e of corrected) state = evolve(state, e);
    expect(state).toEqual(fold(corrected));
    const store = new MemoryEventStore();
    for (const e of corrected) await store.append('m', [e]);
    expect(fold(await store.read('m'))).toEqual(state);
  });
});
