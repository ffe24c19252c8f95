/** Single schema-valid events of every type. */
import fc from 'fast-check';
import type { MatchEvent } from '../events/index.js';
import { PERIOD_LENGTH, type Instant } from '../time/index.js';
import { DEFAULT_TEST_RULES } from './arbitraries.js';

const id = fc.stringMatching(/^[A-Za-z0-9._:-]{1,24}$/);
const side = fc.constantFrom('home' as const, 'away' as const);
const name = fc.string({ minLength: 1, maxLength: 30 });

/** An instant inside periods 1-4, up to `maxAddedMinutes` beyond the nominal length. */
export function arbInstant(maxAddedMinutes = 10): fc.Arbitrary<Instant> {
  return fc.integer({ min: 1, max: 4 }).chain((period) =>
    fc.record({
      period: fc.constant(period),
      ms: fc.integer({ min: 0, max: ((PERIOD_LENGTH[period] ?? 45) + maxAddedMinutes) * 60_000 }),
    }),
  );
}

export function arbSide(): fc.Arbitrary<'home' | 'away'> {
  return side;
}

const player = fc.record({ id, name, shirt: fc.integer({ min: 1, max: 99 }) });
const sheet = fc.record({
  starting: fc.array(player, { minLength: 7, maxLength: 11 }),
  substitutes: fc.array(player, { maxLength: 12 }),
});
const score = fc.record({ home: fc.nat(9), away: fc.nat(9) });
const at = arbInstant();

/** One schema-valid event of any type (not necessarily valid in a match: use arbMatch for that). */
export function arbEvent(): fc.Arbitrary<MatchEvent> {
  const withEnvelope = <T extends object>(type: string, payload: fc.Arbitrary<T>, timed = true) =>
    fc
      .record({ id, payload, at: timed ? at : fc.constant(undefined) })
      .map(
        ({ id: eid, payload: p, at: instant }) =>
          ({ id: eid, type, ...(instant ? { at: instant } : {}), ...p }) as unknown as MatchEvent,
      );
  return fc.oneof(
    withEnvelope(
      'fixture',
      fc.record({
        competition: name,
        season: fc.constantFrom('2020-21', '2023-24', '2024'),
        round: name,
        leg: fc.constantFrom(1, 2, 'single'),
        home: fc.record({ id, name }),
        away: fc.record({ id, name }),
        kickoff: fc.constant('2024-05-01T19:00:00Z'),
        rules: fc.constant(DEFAULT_TEST_RULES),
      }),
      false,
    ),
    withEnvelope('lineups', fc.record({ home: sheet, away: sheet }), false),
    withEnvelope('periodStarted', fc.constant({})),
    withEnvelope('periodEnded', fc.constant({})),
    withEnvelope(
      'goal',
      fc
        .record({ team: side, scorer: id, scorerTeam: side, penalty: fc.boolean() })
        .map((g) => ({ ...g, ownGoal: g.team !== g.scorerTeam })),
    ),
    withEnvelope(
      'penaltyMissed',
      fc.record({ team: side, taker: id, outcome: fc.constantFrom('saved', 'offTarget', 'woodwork') }),
    ),
    withEnvelope(
      'substitution',
      fc.record({
        team: side,
        playerOff: id,
        playerOn: id,
        kind: fc.constantFrom('normal', 'concussion', 'additional'),
        atInterval: fc.boolean(),
      }),
    ),
    withEnvelope(
      'booking',
      fc.record({ team: side, player: id, card: fc.constantFrom('yellow', 'secondYellow', 'red') }),
    ),
    withEnvelope('addedTime', fc.record({ minutes: fc.integer({ min: 0, max: 15 }) })),
    withEnvelope(
      'shootoutKick',
      fc.record({ team: side, taker: id, outcome: fc.constantFrom('scored', 'saved', 'missed', 'woodwork') }),
    ),
    withEnvelope(
      'varReviewStarted',
      fc.record({ target: id, category: fc.constantFrom('goal', 'penalty', 'redCard', 'mistakenIdentity') }),
    ),
    withEnvelope(
      'varReviewCompleted',
      fc.record({
        category: fc.constantFrom('goal', 'penalty', 'redCard', 'mistakenIdentity'),
        outcome: fc.constantFrom('upheld', 'overturned'),
      }),
    ),
    withEnvelope(
      'eventAmended',
      fc.record({
        target: id,
        patch: fc.record({ scorer: id }),
        reason: fc.constantFrom('var', 'scoutError', 'goalPanel'),
      }),
    ),
    withEnvelope(
      'eventRetracted',
      fc.record({ target: id, reason: fc.constantFrom('var', 'feedDeletion', 'scoutError') }),
    ),
    withEnvelope('cardRescinded', fc.record({ target: id }), false),
    withEnvelope('matchEnded', fc.constant({})),
    withEnvelope('matchAbandoned', fc.record({ reason: name })),
    withEnvelope('resultAwarded', fc.record({ home: fc.nat(5), away: fc.nat(5), reason: name }), false),
    withEnvelope('resultRecorded', fc.record({ fullTime: score, halfTime: score }), false),
    withEnvelope(
      'action',
      fc.record({ team: side, player: id, kind: fc.constantFrom('Pass', 'Carry', 'Pressure', 'Duel') }),
    ),
  );
}
