/**
 * Time model: an instant is (period, ms since that period's kick-off), as in StatsBomb and kloppy.
 * Display minutes ("45+2'") and nominal minutes are derived here and never used for ordering
 * (rulebook §3.1, §3.3).
 */
export type Period = 1 | 2 | 3 | 4 | 5;

export interface Instant {
  readonly period: number;
  readonly ms: number;
}

const MINUTE_MS = 60_000;
/** Nominal start minute S and nominal length L of each period (rulebook §3.3). */
export const PERIOD_START: Readonly<Record<number, number>> = { 1: 0, 2: 45, 3: 90, 4: 105, 5: 120 };
export const PERIOD_LENGTH: Readonly<Record<number, number>> = { 1: 45, 2: 45, 3: 15, 4: 15, 5: 0 };

export function periodStart(period: number): number {
  return PERIOD_START[period] ?? 0;
}

export function periodLength(period: number): number {
  return PERIOD_LENGTH[period] ?? 0;
}

/** Orders instants: by period, then elapsed time. */
export function compareInstants(a: Instant, b: Instant): number {
  return a.period - b.period || a.ms - b.ms;
}

/** The n-th minute of the period the instant falls in: max(1, ceil(ms / 60 s)) (Opta F7 `Time` rule). */
export function ordinal(at: Instant): number {
  return Math.max(1, Math.ceil(at.ms / MINUTE_MS));
}

/** Display minute: "61'", "45+2'", "105+1'"; interval events show as the next period's first minute. */
export function displayMinute(at: Instant, atInterval = false): string {
  const start = periodStart(at.period);
  if (at.period === 5) return 'pens';
  if (atInterval) return `${start + 1}'`;
  const n = ordinal(at);
  const length = periodLength(at.period);
  return n <= length ? `${start + n}'` : `${start + length}+${n - length}'`;
}

/** Nominal match minute of an instant: stoppage time is folded into the period's last minute. */
export function nominalAt(at: Instant, atInterval = false): number {
  const start = periodStart(at.period);
  if (at.period === 5) return start;
  if (atInterval) return start;
  return start + Math.min(ordinal(at), periodLength(at.period));
}

/** Nominal minute at which a period ends (90 after the second half, 120 after extra time). */
export function nominalEnd(period: number): number {
  return periodStart(period) + periodLength(period);
}

/**
 * Actual elapsed ms since the match kicked off: the real lengths of earlier periods plus `ms`.
 * `lengths[p]` is period p's actual length in ms (from its periodEnded event); missing lengths
 * fall back to the nominal length.
 */
export function actualAt(at: Instant, lengths: ReadonlyMap<number, number>): number {
  let total = 0;
  const last = Math.min(at.period, 5);
  for (let p = 1; p < last; p++) total += lengths.get(p) ?? periodLength(p) * MINUTE_MS;
  return at.period >= 5 ? total : total + at.ms;
}

export interface MinutePoint {
  /** The period the minute belongs to. */
  readonly period: number;
  /** Its ordinal within the period (1-based; beyond the nominal length in added time). */
  readonly ordinal: number;
}

const MINUTE_PATTERN = /^\s*(\d{1,3})(?:\s*\+\s*(\d{1,2}))?\s*'?\s*$/;

/**
 * Parses a display minute ("67'", "45+2'", "90+3", "105+1'") into the period and ordinal it names.
 * "46'" is the second half's first minute; "45+1'" is the first half's 46th. Returns null when not a minute.
 */
export function parseDisplayMinute(text: string): MinutePoint | null {
  const m = MINUTE_PATTERN.exec(text);
  if (!m) return null;
  const base = Number(m[1]);
  const extra = m[2] === undefined ? 0 : Number(m[2]);
  if (base < 1 || base > 120) return null;
  if (extra > 0) {
    for (const period of [1, 2, 3, 4]) {
      if (nominalEnd(period) === base) return { period, ordinal: periodLength(period) + extra };
    }
    return null;
  }
  for (const period of [1, 2, 3, 4]) {
    if (base > periodStart(period) && base <= nominalEnd(period)) {
      return { period, ordinal: base - periodStart(period) };
    }
  }
  return null;
}

/** The last instant inside a display minute (its end), for "state at minute m" queries. */
export function endOfMinute(point: MinutePoint): Instant {
  return { period: point.period, ms: point.ordinal * MINUTE_MS };
}

/** Formats an instant's elapsed time as mm:ss.mmm within its period (for messages). */
export function formatElapsed(at: Instant): string {
  const totalSeconds = Math.floor(at.ms / 1000);
  const mm = String(Math.floor(totalSeconds / 60)).padStart(2, '0');
  const ss = String(totalSeconds % 60).padStart(2, '0');
  const mmm = String(at.ms % 1000).padStart(3, '0');
  return `P${at.period} ${mm}:${ss}.${mmm}`;
}

export const MS_PER_MINUTE = MINUTE_MS;
