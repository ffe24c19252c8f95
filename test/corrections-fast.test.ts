/**
 * The re-credit shortcut (issue 20): an amendment of a goal's scorer or assist is applied where it
 * stands instead of re-folding the stream after the goal. It must give exactly the state the re-fold
 * gives: generated matches with re-credits anywhere after their goals (also of players substituted
 * since, or not on the pitch at all, which the shortcut leaves to the re-fold), folded both ways.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventOf, MatchEvent } from '../src/events/index.js';
import { fastCorrections } from '../src/match/apply.js';
import { evolve, fold } from '../src/match/fold.js';
import { toPlain } from '../src/match/plain.js';
import { arbMatch } from '../src/testing/index.js';

const numRuns = Number(process.env.MATCHLINE_PROP_RUNS ?? 200);

/** The match with re-credits of its goals inserted after them; picks are indexes chosen by fast-check. */
function withRecredits(
  events: MatchEvent[],
  picks: { goal: number; player: number; after: number; assist: boolean }[],
) {
  const players = [...fold(events, undefined, { mode: 'lenient' }).players.values()].filter(
    (p) => !p.official,
  );
  const out = events.slice();
  picks.forEach((pick, n) => {
    const goals = out.flatMap((e, i) => (e.type === 'goal' ? [[e, i] as const] : []));
    if (goals.length === 0) return;
    const [goal, at] = goals[pick.goal % goals.length]!;
    const side = pick.assist ? goal.team : goal.scorerTeam;
    const mine = players.filter((p) => p.team === side);
    const player = mine[pick.player % mine.length]!.id;
    const amendment: EventOf<'eventAmended'> = {
      id: `recredit-${n}`,
      type: 'eventAmended',
      target: goal.id,
      patch: pick.assist ? { assist: player } : { scorer: player },
      reason: 'scoutError',
    };
    out.splice(at + 1 + (pick.after % (out.length - at)), 0, amendment);
  });
  return out;
}

const pick = fc.record({ goal: fc.nat(), player: fc.nat(), after: fc.nat(), assist: fc.boolean() });
const matches = fc.tuple(
  arbMatch({ var: true, corrections: true }),
  fc.array(pick, { minLength: 1, maxLength: 5 }),
);

const foldBoth = (events: MatchEvent[]) => {
  fastCorrections.recredit = false;
  const refolded = fold(events, undefined, { mode: 'lenient' });
  fastCorrections.recredit = true;
  const shortcut = fold(events, undefined, { mode: 'lenient' });
  return { refolded, shortcut };
};

describe('re-credits without a re-fold', () => {
  afterEach(() => {
    fastCorrections.recredit = true;
  });

  it('fold: the same state as the re-fold (scores, players, goals, timeline, warnings)', () => {
    fc.assert(
      fc.property(matches, ([match, picks]) => {
        const events = withRecredits(match, picks);
        const { refolded, shortcut } = foldBoth(events);
        expect(toPlain(shortcut)).toEqual(toPlain(refolded));
        expect(shortcut.timeline).toEqual(refolded.timeline);
        expect(shortcut.warnings).toEqual(refolded.warnings);
        expect(shortcut.goals).toEqual(refolded.goals);
      }),
      { numRuns },
    );
  });

  it('evolve event by event, with a later correction re-folding across the re-credit', () => {
    fc.assert(
      fc.property(matches, ([match, picks]) => {
        const events = withRecredits(match, picks);
        let state = fold([]);
        for (const event of events) state = evolve(state, event, { mode: 'lenient' });
        const { refolded } = foldBoth(events);
        expect(toPlain(state)).toEqual(toPlain(refolded));
        expect(state.timeline).toEqual(refolded.timeline);
      }),
      { numRuns },
    );
  });
});
