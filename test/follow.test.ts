/**
 * The private fold that stores, live() and replay keep per stream (src/match/follow.ts): corrections
 * resume from checkpoints, refused batches roll back, snapshots share the append-only parts. Each
 * is checked against the plain definition: folding the prefix from the empty state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, stateAt } from '../src/index.js';
import { Follower } from '../src/match/follow.js';
import { MemoryEventStore } from '../src/store/index.js';
import { arbInvalidMatch, arbMatch } from 'matchline/testing';

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
