/**
 * Stream versions share one growing buffer (src/store/log.ts): an append prepared and then not
 * committed (a failed write) must leave the committed version exactly as it was, and the next append
 * from it must not see what the abandoned one added.
 */
import { describe, expect, it } from 'vitest';
import type { MatchEvent } from '../src/index.js';
import { fold } from '../src/match/fold.js';
import { EMPTY_SNAPSHOT, prepareAppend, snapshotOf } from '../src/store/store.js';
import { Stream, at } from './helpers.js';

const goal = (id: string, minute: string, scorer: string, source?: MatchEvent['source']) =>
  ({
    id,
    type: 'goal',
    at: at(minute),
    team: 'home',
    scorer,
    scorerTeam: 'home',
    penalty: false,
    ownGoal: false,
    ...(source ? { source } : {}),
  }) as MatchEvent;

describe('shared stream versions', () => {
  const opening = Stream.played().events;

  it('an abandoned prepared append is invisible to the committed version and to the next append', () => {
    const committed = prepareAppend('m', EMPTY_SNAPSHOT, false, opening).next;
    const sb = { provider: 'statsbomb', id: 'g1', version: 1 };
    const abandoned = prepareAppend('m', committed, true, [goal('a', '10', 'h9', sb)]).next;
    expect(abandoned.events.length).toBe(opening.length + 1);
    // The committed version still reads as it was.
    expect(committed.events.slice()).toEqual(opening);
    expect(committed.state).toEqual(fold(opening));
    // Retried from the committed version: the abandoned goal is not there, and its source id is
    // not known (the same provider event is new, not ignored).
    const retried = prepareAppend('m', committed, true, [goal('b', '20', 'h10', sb)]);
    expect(retried.result).toMatchObject({ appended: 1, ignored: 0, version: opening.length + 1 });
    expect(retried.next.events.slice().map((e) => e.id)).toEqual([...opening.map((e) => e.id), 'b']);
    expect(retried.next.state.score).toEqual(fold([...opening, goal('b', '20', 'h10')]).score);
    // Both forks stay readable as they were built.
    expect(abandoned.events.at(opening.length)?.id).toBe('a');
  });

  it('a newer source version amends the stored event found by its index, at any stream length', () => {
    const sb = (version: number) => ({ provider: 'statsbomb', id: 'g1', version });
    const first = snapshotOf([...opening, goal('g', '10', 'h9', sb(1))]);
    const amend = prepareAppend('m', first, true, [goal('g-new', '10', 'h10', sb(2))]);
    expect(amend.toWrite).toEqual([
      expect.objectContaining({ type: 'eventAmended', target: 'g', patch: { scorer: 'h10' } }),
    ]);
    const snapshot = amend.next;
    // The same version again is ignored; an older one too.
    expect(prepareAppend('m', snapshot, true, [goal('x', '10', 'h10', sb(2))]).result.ignored).toBe(1);
    expect(prepareAppend('m', snapshot, true, [goal('y', '10', 'h7', sb(1))]).result.ignored).toBe(1);
    // The version before the amendment shares its buffer but does not see it: it still amends.
    expect(prepareAppend('m', first, true, [goal('z', '10', 'h10', sb(2))]).result.amended).toBe(1);
  });
});
