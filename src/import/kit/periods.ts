/** Periods 1-5 and the providers' period codes; clocks that run on across periods. */
import { PERIOD_START } from '../../time/index.js';

export type PlayPeriod = 1 | 2 | 3 | 4 | 5;

/** Opta, Stats Perform, StatsBomb, DataFactory number play 1-5; 14 (post-match) and 16 (pre-match) are not play. */
export function numberedPeriod(value: unknown): PlayPeriod | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return n === 1 || n === 2 || n === 3 || n === 4 || n === 5 ? n : null;
}

/** Wyscout's matchPeriod codes (socceraction's mapping). */
const CODES: Record<string, PlayPeriod> = { '1H': 1, '2H': 2, E1: 3, E2: 4, P: 5 };
export function codedPeriod(value: unknown): PlayPeriod | null {
  return typeof value === 'string' ? (CODES[value] ?? null) : null;
}

/** DFL GameSection names. */
const SECTIONS: Record<string, PlayPeriod> = {
  firstHalf: 1,
  secondHalf: 2,
  firstHalfExtra: 3,
  secondHalfExtra: 4,
  penaltyShootout: 5,
};
export function sectionPeriod(value: unknown): PlayPeriod | null {
  return typeof value === 'string' ? (SECTIONS[value] ?? null) : null;
}

/**
 * Milliseconds since the period's kick-off from a clock that runs on across periods (Opta's 45:00 at
 * the start of period 2): the period's nominal start is subtracted; never negative.
 */
export function runningClockMs(minutes: number, seconds: number, period: PlayPeriod): number {
  const ms = Math.round((minutes * 60 + seconds) * 1000) - (PERIOD_START[period] ?? 0) * 60_000;
  return Math.max(0, ms);
}

/** "mm:ss" label of a running clock, as the provider shows it. */
export function clockLabel(minutes: number, seconds: number): string {
  return `${minutes}:${String(Math.floor(seconds)).padStart(2, '0')}`;
}
