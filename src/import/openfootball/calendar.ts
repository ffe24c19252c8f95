/**
 * Dates and kick-off instants of Football.TXT. Date lines often omit the year (`[Fri Aug/9]`); the
 * file's `# Date  Fri Aug/9 2019 - Sun Jul/26 2020` range, or the last year a date line named, fixes
 * it. Kick-off times are local to the venue: they are written with the offset of the competition's
 * time zone on that day (or the `UTC+3` the source wrote), never as UTC.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const DATE_LINE =
  /^\[?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?([a-z]{3})[a-z]*\.?[/ ]\s*(\d{1,2})(?:,?\s+(\d{4}))?\s*\]?$/i;

export interface DayOfYear {
  readonly month: number;
  readonly day: number;
  readonly year: number | null;
}

/** A date line (`Tue Sep/15 2020`, `[Fri Aug/9]`, `Sat Jun 30`), or null. */
export function readDateLine(text: string): DayOfYear | null {
  const m = DATE_LINE.exec(text.trim());
  if (!m) return null;
  const month = MONTHS[m[1]!.toLowerCase()];
  const day = Number(m[2]);
  if (month === undefined || day < 1 || day > 31) return null;
  return { month, day, year: m[3] ? Number(m[3]) : null };
}

/** `# Date       Fri Aug/9 2019 - Sun Jul/26 2020 (352d)` -> the two ends as YYYYMMDD numbers. */
export function readDateRange(comment: string): { from: number; to: number } | null {
  const m = /^#\s*Date\s+(.+?)\s+-\s+(.+?)(?:\s+\(\d+d\))?\s*$/.exec(comment.trim());
  if (!m) return null;
  const a = readDateLine(m[1]!);
  const b = readDateLine(m[2]!);
  if (!a?.year || !b?.year) return null;
  return { from: ymd(a.year, a.month, a.day), to: ymd(b.year, b.month, b.day) };
}

const ymd = (y: number, m: number, d: number) => y * 10_000 + m * 100 + d;

/** Fills in the year of dates that omit it. */
export class Calendar {
  private range: { from: number; to: number } | null = null;
  private year: number | null;
  private lastMonth = 0;

  constructor(year: number | null) {
    this.year = year;
  }

  setRange(range: { from: number; to: number }): void {
    this.range = range;
    if (this.year === null) this.year = Math.floor(range.from / 10_000);
  }

  setYearIfUnknown(year: number): void {
    if (this.year === null) this.year = year;
  }

  /** The ISO date, or null when no year is known or the day does not exist. */
  resolve(d: DayOfYear): string | null {
    let year = d.year;
    if (year === null && this.range) {
      const first = Math.floor(this.range.from / 10_000);
      for (const y of [first, first + 1, first - 1]) {
        const n = ymd(y, d.month, d.day);
        if (n >= this.range.from && n <= this.range.to) {
          year = y;
          break;
        }
      }
    }
    if (year === null && this.year !== null) {
      // Chronological files name the year when it changes; a jump back of half a year is a new year.
      year = this.lastMonth - d.month > 6 ? this.year + 1 : this.year;
    }
    if (year === null) return null;
    if (!validDay(year, d.month, d.day)) return null;
    this.year = year;
    this.lastMonth = d.month;
    return `${year}-${pad(d.month)}-${pad(d.day)}`;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

export function validDay(year: number, month: number, day: number): boolean {
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}

/** `+01:00` for a whole-hour or minute offset. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `UTC+3`, `UTC-04:30` -> minutes east of UTC, or null. */
export function readUtcOffset(text: string): number | null {
  const m = /^UTC([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return m[1] === '-' ? -minutes : minutes;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The offset of an IANA zone at a UTC instant, in minutes east of UTC. */
function zoneOffsetAt(timeZone: string, utcMs: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name);
  if (!m || !m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The kick-off as an RFC 3339 date-time with the local offset: `2019-08-09T20:00:00+01:00`. The
 * offset is `offsetMinutes` when the source gave one, else that of `timeZone` at that local time.
 */
export function localKickoff(
  date: string,
  time: string | null,
  zone: { readonly offsetMinutes: number } | { readonly timeZone: string },
): string {
  const [h, min] = (time ?? '00:00').split(':').map(Number) as [number, number];
  const local = `${date}T${pad(h)}:${pad(min)}:00`;
  if ('offsetMinutes' in zone) return local + formatOffset(zone.offsetMinutes);
  const wall = Date.parse(`${local}Z`);
  // The offset at the instant the wall time names: guess with the wall time itself, then correct once.
  let offset = zoneOffsetAt(zone.timeZone, wall);
  offset = zoneOffsetAt(zone.timeZone, wall - offset * 60_000);
  return local + formatOffset(offset);
}
