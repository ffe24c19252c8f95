/**
 * Football.TXT files (cl.txt, cup.txt, euro.txt, the England league and cup files) to matches.
 * Each line is classified (title, round header, date, match, scorer list); match lines go through
 * the grammar. Both layouts are read: `» Round` + `Home v Away  FT (HT)`, and England's
 * `Matchday N` + `[Fri Aug/9]` + `Home  FT (HT)  Away`. A line the grammar cannot read is a
 * PARSE_ERROR with its line number; the rest of the file is still read.
 */
import type { Problem, Side } from '../../events/index.js';
import { Calendar, readDateLine, readDateRange, readUtcOffset } from './calendar.js';
import { parseGoals, parseScoreExpr, tokenize, type OfGoal, type Score, type Tok } from './grammar.js';

export type OfStatus = 'played' | 'scheduled' | 'postponed' | 'cancelled' | 'awarded';

export interface OfMatch {
  /** Line of the match in a TXT file (0 for JSON). */
  readonly line: number;
  /** The round header as written (`Group A`, `Matchday 3`, `Playoffs, Matchday 1`). */
  readonly round: string;
  /** The stage legs are paired within: the header without a trailing `, Matchday N` / `, Leg N`. */
  readonly stage: string;
  readonly group: string | null;
  readonly date: string | null;
  /** Local kick-off `HH:MM`. */
  readonly time: string | null;
  /** Minutes east of UTC when the source wrote the offset (`17:00 UTC+3`). */
  readonly utcOffset: number | null;
  readonly home: string;
  readonly away: string;
  readonly status: OfStatus;
  /** After 90 minutes; null when not played. */
  readonly ft: Score | null;
  readonly ht: Score | null;
  /** After extra time (cumulative). */
  readonly aet: Score | null;
  readonly pens: Score | null;
  /** The score a competition awarded, when `status` is `awarded` and the source gives one. */
  readonly awarded: Score | null;
  readonly goals: OfGoal[] | null;
  readonly venue: string | null;
}

export interface OfParseResult {
  readonly title: string | null;
  readonly matches: OfMatch[];
  /** Lines that could not be read (PARSE_ERROR) and what had to be guessed (IMPORT_NOTE), with lines. */
  readonly problems: Problem[];
}

/** `Real Madrid (ESP)` -> `Real Madrid`. */
export const stripCountry = (name: string): string => name.replace(/\s*\(\s*[A-Z]{3}\s*\)\s*$/, '').trim();

/** `Group A`, `Gruppe G`, `Group A | ...` -> `A`. */
export const groupLetter = (header: string): string | null =>
  /\b(?:Group|Gruppe)\s+([A-Z])\b/i.exec(header)?.[1]?.toUpperCase() ?? null;

/** `Playoffs, Matchday 2` -> `Playoffs`; `Round of 16` unchanged. */
export const stageOf = (round: string): string =>
  round.replace(/,\s*(?:Matchday|Leg)\s+\d+\s*$/i, '').trim() || round;

/** England's bare headers: `Matchday 12`, `Round 3`, `Quarterfinals`. */
const BARE_HEADER =
  /^(?:(?:Matchday|Round|Week|Spieltag)\s+\d+|Round of \d+|Quarter-?finals?|Semi-?finals?|Finals?|Play-?offs?)$/i;
const MARKER = /\[(cancelled|canceled|awarded|postponed|abandoned|annulled)\]\s*$/i;

/** Parses a Football.TXT file; `file` names it in problems. Never throws on content. */
export function parseFootballTxt(
  text: string,
  options: { readonly year?: number; readonly file?: string } = {},
): OfParseResult {
  const file = options.file;
  const lines = text.split(/\r?\n/);
  const matches: OfMatch[] = [];
  const problems: Problem[] = [];
  const problem = (code: 'PARSE_ERROR' | 'IMPORT_NOTE', message: string, line: number) =>
    problems.push({ code, message, line, ...(file ? { file } : {}) });
  const calendar = new Calendar(options.year ?? null);
  let title: string | null = null;
  let round = '';
  let group: string | null = null;
  let date: string | null = null;
  let lastTime: { time: string; offset: number | null } | null = null;
  let pendingGoals: { index: number; toks: Tok[]; line: number; depth: number } | null = null;
  const depthOf = (s: string) => [...s].reduce((d, c) => d + (c === '(' ? 1 : c === ')' ? -1 : 0), 0);
  const flushGoals = () => {
    if (!pendingGoals) return;
    const m = matches[pendingGoals.index]!;
    // Without a ';' the list names one side's scorers: the side that scored.
    const hasSemi = pendingGoals.toks.some((t) => t.kind === 'semi');
    const final = m.aet ?? m.ft;
    const firstSide: Side = hasSemi || !final || final[0] > 0 ? 'home' : 'away';
    const { goals, ok } = parseGoals(pendingGoals.toks, firstSide);
    if (!ok) problem('PARSE_ERROR', 'an unreadable scorer list', pendingGoals.line);
    else matches[pendingGoals.index] = { ...m, goals };
    pendingGoals = null;
  };
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const full = lines[n]!;
    if (/^\s*#\s*Date\b/.test(full)) {
      const range = readDateRange(full);
      if (range) calendar.setRange(range);
      continue;
    }
    const trimmed = full.replace(/#.*$/, '').trim();
    if (pendingGoals) {
      // A scorer list runs on until its outer bracket closes.
      pendingGoals.toks.push(...tokenize(trimmed));
      pendingGoals.depth += depthOf(trimmed);
      if (pendingGoals.depth <= 0 || trimmed === '') flushGoals();
      continue;
    }
    if (trimmed === '') continue;
    if (trimmed.startsWith('=')) {
      title = trimmed.replace(/^=+\s*/, '').trim();
      const y = /\b(\d{4})\b/.exec(title);
      if (y) calendar.setYearIfUnknown(Number(y[1]));
      continue;
    }
    if (trimmed.startsWith('»') || trimmed.startsWith('▪') || BARE_HEADER.test(trimmed)) {
      round = trimmed
        .replace(/^[»▪]\s*/, '')
        .split('|')[0]!
        .trim()
        .slice(0, 64);
      group = groupLetter(round);
      continue;
    }
    if (/^(?:Group|Gruppe) [A-Z]\s*\|/i.test(trimmed)) continue; // group composition lines
    if (trimmed.startsWith('(')) {
      const index = matches.length - 1;
      if (index < 0 || matches[index]!.status !== 'played') {
        problem('PARSE_ERROR', `a scorer list without a played match before it`, lineNo);
        continue;
      }
      pendingGoals = { index, toks: tokenize(trimmed), line: lineNo, depth: depthOf(trimmed) };
      if (pendingGoals.depth <= 0) flushGoals();
      continue;
    }
    const day = readDateLine(trimmed);
    if (day) {
      date = calendar.resolve(day);
      if (date === null) problem('PARSE_ERROR', `a date without a known year or that does not exist`, lineNo);
      lastTime = null;
      continue;
    }
    const parsed = parseMatchLine(trimmed, lastTime);
    if (typeof parsed === 'string') {
      problem('PARSE_ERROR', `${parsed}: ${trimmed.slice(0, 80)}`, lineNo);
      continue;
    }
    lastTime = parsed.time ? { time: parsed.time, offset: parsed.utcOffset } : lastTime;
    if (date === null) {
      problem('PARSE_ERROR', 'a match before any date line', lineNo);
      continue;
    }
    matches.push({
      line: lineNo,
      round: round || 'Unknown',
      stage: stageOf(round || 'Unknown'),
      group,
      date,
      ...parsed,
    });
  }
  flushGoals();
  return { title, matches, problems };
}

type MatchLine = Omit<OfMatch, 'line' | 'round' | 'stage' | 'group' | 'date'>;

/** One match line, or the sentence saying why it is not one. */
function parseMatchLine(
  text: string,
  lastTime: { time: string; offset: number | null } | null,
): MatchLine | string {
  const marker = MARKER.exec(text)?.[1]?.toLowerCase() ?? null;
  const toks = tokenize(marker ? text.replace(MARKER, '') : text);
  let i = 0;
  let time = lastTime?.time ?? null;
  let utcOffset = lastTime?.offset ?? null;
  if (toks[0]?.kind === 'time') {
    time = toks[0].text.replace('.', ':');
    utcOffset = null;
    i = 1;
    if (/^UTC[+-]/.test(toks[i]?.text ?? '')) {
      utcOffset = readUtcOffset(toks[i]!.text);
      if (utcOffset === null) return 'an unreadable UTC offset';
      i++;
    } else if (toks[1]?.kind === 'lparen') {
      // "15:00 (17:00 UTC+4)": the local time and its offset; a bare "(21.45)" is dropped.
      const close = toks.findIndex((t, k) => k > 1 && t.kind === 'rparen');
      if (close === -1) return 'an unclosed bracket after the kick-off time';
      const inner = toks.slice(2, close);
      const offset = inner[1] ? readUtcOffset(inner[1].text) : null;
      if (inner[0]?.kind === 'time' && offset !== null) {
        time = inner[0].text.replace('.', ':');
        utcOffset = offset;
      }
      i = close + 1;
    }
    const [h, m] = time.split(':').map(Number) as [number, number];
    if (h > 23 || m > 59) return 'a kick-off time that does not exist';
  }
  const at = toks.findIndex((t) => t.kind === 'at');
  const body = toks.slice(i, at === -1 ? undefined : at);
  const venue =
    at === -1
      ? null
      : toks
          .slice(at + 1)
          .map((t) => t.text)
          .join(' ')
          .slice(0, 128) || null;
  const words = (ts: readonly Tok[]) =>
    stripCountry(
      ts
        .map((t) => t.text)
        .join(' ')
        .slice(0, 128),
    );
  const vAt = body.findIndex((t) => t.kind === 'v');
  // The score is the first score token after the home team's name; it must read whole.
  const start = body.findIndex((t, k) => k > 0 && t.kind === 'score');
  const expr = start === -1 ? null : parseScoreExpr(body, start);
  if (start !== -1 && !expr) return 'an unreadable score';
  let home: string;
  let away: string;
  if (expr && vAt !== -1 && vAt < start) {
    home = words(body.slice(0, vAt));
    away = words(body.slice(vAt + 1, start));
    if (expr.end < body.length) return 'text after the score';
  } else if (expr) {
    home = words(body.slice(0, start));
    away = words(body.slice(expr.end));
  } else if (
    vAt > 0 &&
    body.slice(vAt + 1).every((t) => ['word', 'v', 'lparen', 'rparen'].includes(t.kind))
  ) {
    // No score: a fixture still to be played, or one the competition cancelled or awarded.
    home = words(body.slice(0, vAt));
    away = words(body.slice(vAt + 1));
  } else {
    return 'not a match line';
  }
  if (!home || !away) return 'a match line without two teams';
  if (/[()]/.test(home + away)) return 'a team name with a stray bracket';
  if (home === away) return 'a team playing itself';
  const base = { time, utcOffset, home, away, goals: null, venue };
  const none = { ft: null, ht: null, aet: null, pens: null, awarded: null };
  if (marker === 'awarded') return { ...base, ...none, status: 'awarded', awarded: expr ? expr.ft : null };
  if (marker === 'cancelled' || marker === 'canceled' || marker === 'annulled')
    return { ...base, ...none, status: 'cancelled' };
  if (marker === 'postponed') return { ...base, ...none, status: 'postponed' };
  if (marker === 'abandoned') return 'an abandoned match (not supported by this importer)';
  if (!expr) return { ...base, ...none, status: 'scheduled' };
  return {
    ...base,
    status: 'played',
    ft: expr.ft,
    ht: expr.ht,
    aet: expr.aet,
    pens: expr.pens,
    awarded: null,
  };
}
