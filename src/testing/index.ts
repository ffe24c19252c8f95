/**
 * fast-check arbitraries for consumers' property tests (`matchline/testing`). This first cut covers
 * instants and display minutes; whole matches (arbMatch, arbTie, ...) are tracked in their own issue.
 */
import fc from 'fast-check';
import type { Instant } from '../time/index.js';
import { PERIOD_LENGTH } from '../time/index.js';

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
  return fc.constantFrom('home', 'away');
}
