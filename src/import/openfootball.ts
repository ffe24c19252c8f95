/**
 * openfootball (football.db) to matchline streams. Football.TXT is read with a small grammar: each
 * line is tokenised, classified (title, round header, date, match, scorer list) and match lines are
 * parsed by recursive descent over their tokens. JSON files map directly. Pure: text in, streams out.
 */
import type { MatchEvent, Rules, Side } from '../events/index.js';
import type { Problem } from '../events/errors.js';
import { periodLength, periodStart } from '../time/index.js';

export type Score = [number, number];

export interface OfGoal {
  readonly team: Side;
  readonly name: string;
  readonly minute: number;
  readonly offset: number;
  readonly penalty: boolean;
  readonly ownGoal: boolean;
}

export interface OfMatch {
  /** Line of the match in a TXT file (0 for JSON). */
  readonly line: number;
  readonly round: string;
  readonly group: string | null;
  readonly date: string | null;
  readonly time: string | null;
  readonly home: string;
  readonly away: string;
  /** After 90 minutes. */
  readonly ft: Score | null;
  readonly ht: Score | null;
  /** After extra time (cumulative). */
  readonly aet: Score | null;
  readonly pens: Score | null;
  readonly goals: OfGoal[] | null;
  readonly venue: string | null;
}

export interface OfParseResult {
  readonly title: string | null;
  readonly matches: OfMatch[];
  readonly problems: Problem[];
}

/* ---------- tokens ---------- */

type TokKind =
  | 'score'
  | 'time'
  | 'minute'
  | 'word'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'semi'
  | 'at'
  | 'v'
  | 'aet'
  | 'pen'
  | 'og'
  | 'penMark';
interface Tok {
  kind: TokKind;
  text: string;
}

const TOKEN_RULES: [TokKind, RegExp][] = [
  ['penMark', /^\(pen\.?\)/],
  ['og', /^\(o\.g\.?\)/],
  ['aet', /^a\.e\.t\.?/],
  ['pen', /^pen\.?/],
  ['score', /^\d{1,2}-\d{1,2}(?![\d'])/],
  ['time', /^\d{1,2}[.:]\d{2}(?!\d)/],
  ['minute', /^\d{1,3}(?:\+\d{1,2})?'/],
  ['lparen', /^\(/],
  ['rparen', /^\)/],
  ['comma', /^,/],
  ['semi', /^;/],
  ['at', /^@/],
  ['word', /^[^\s(),;@]+/],
];

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    let matched = false;
    for (const [kind, re] of TOKEN_RULES) {
      const m = re.exec(rest);
      if (!m) continue;
      const t = m[0];
      toks.push({ kind: kind === 'word' && t === 'v' ? 'v' : kind, text: t });
      rest = rest.slice(t.length).trimStart();
      matched = true;
      break;
    }
    if (!matched) rest = rest.slice(1).trimStart();
  }
  return toks;
}

const score = (t: string): Score => t.split('-').map(Number) as Score;
const stripCountry = (name: string) => name.replace(/\s*\(\s*[A-Z]{3}\s*\)\s*$/, '').trim();
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
  june: 6,
  july: 7,
};
const WEEKDAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/* ---------- score expression:  [P pen.] S [a.e.t] [(S[, S])] [, P pen.] ---------- */

interface ScoreExpr {
  end: number;
  ft: Score;
  ht: Score | null;
  aet: Score | null;
  pens: Score | null;
}

function parseScoreExpr(toks: Tok[], start: number): ScoreExpr | null {
  let i = start;
  let pens: Score | null = null;
  if (toks[i]?.kind === 'score' && toks[i + 1]?.kind === 'pen') {
    pens = score(toks[i]!.text);
    i += 2;
  }
  if (toks[i]?.kind !== 'score') return null;
  const main = score(toks[i]!.text);
  i++;
  let aet: Score | null = null;
  if (toks[i]?.kind === 'aet') {
    aet = main;
    i++;
  }
  const inner: Score[] = [];
  if (toks[i]?.kind === 'lparen' && toks[i + 1]?.kind === 'score') {
    i++;
    while (toks[i]?.kind === 'score') {
      inner.push(score(toks[i]!.text));
      i++;
      if (toks[i]?.kind === 'comma') i++;
    }
    if (toks[i]?.kind !== 'rparen') return null;
    i++;
  }
  if (toks[i]?.kind === 'comma' && toks[i + 1]?.kind === 'score' && toks[i + 2]?.kind === 'pen') {
    pens = score(toks[i + 1]!.text);
    i += 3;
  }
  // With extra time the bracket holds (after 90, half time); otherwise (half time).
  const ft = aet ? (inner[0] ?? main) : main;
  // A 0-0 half-time may be omitted; otherwise a missing half-time is unknown.
  const ht = (aet ? inner[1] : inner[0]) ?? (ft[0] + ft[1] === 0 ? ([0, 0] as Score) : null);
  return { end: i, ft, ht, aet, pens };
}

/* ---------- scorer lists: (A 10' B 45+1', 50'(pen.); C 76'(o.g.)) ---------- */

function parseGoals(toks: Tok[], firstSide: Side): { goals: OfGoal[]; ok: boolean } {
  const goals: OfGoal[] = [];
  let team: Side = firstSide;
  let name: string[] = [];
  let last: string | null = null;
  for (const t of toks) {
    switch (t.kind) {
      case 'lparen':
      case 'rparen':
      case 'comma':
        break;
      case 'semi':
        team = 'away';
        name = [];
        break;
      case 'word':
      case 'v':
        name.push(t.text);
        last = null;
        break;
      case 'minute': {
        const who: string | null = name.length > 0 ? name.join(' ') : last;
        if (!who) return { goals, ok: false };
        const [m, o] = t.text.replace("'", '').split('+').map(Number) as [number, number | undefined];
        goals.push({ team, name: who, minute: m, offset: o ?? 0, penalty: false, ownGoal: false });
        last = who;
        name = [];
        break;
      }
      case 'penMark':
      case 'og': {
        const g = goals.pop();
        if (!g) return { goals, ok: false };
        goals.push(t.kind === 'og' ? { ...g, ownGoal: true } : { ...g, penalty: true });
        break;
      }
      default:
        return { goals, ok: false };
    }
  }
  return { goals, ok: true };
}

/* ---------- lines ---------- */

function parseDate(toks: Tok[], year: number | null): { date: string; year: number } | null {
  const words = toks.map((t) => t.text.toLowerCase());
  let i = 0;
  if (WEEKDAYS.has(words[0]?.slice(0, 3) ?? '')) i = 1;
  const rest = words.slice(i).join(' ');
  const m = /^([a-z]+)[/ ]?(\d{1,2})(?: (\d{4}))?$/.exec(rest);
  if (!m || MONTHS[m[1]!] === undefined) return null;
  const y = m[3] ? Number(m[3]) : year;
  if (y === null) return null;
  return { date: `${y}-${String(MONTHS[m[1]!]).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`, year: y };
}

/** Parses a Football.TXT file. Lines it cannot read are reported with their line numbers. */
export function parseFootballTxt(text: string, options: { year?: number } = {}): OfParseResult {
  const lines = text.split(/\r?\n/);
  const matches: OfMatch[] = [];
  const problems: Problem[] = [];
  let title: string | null = null;
  let round = '';
  let group: string | null = null;
  let date: string | null = null;
  let year: number | null = options.year ?? null;
  let lastTime: string | null = null;
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
    if (!ok)
      problems.push({ code: 'IMPORT_NOTE', message: 'unreadable scorer list', line: pendingGoals.line });
    matches[pendingGoals.index] = { ...m, goals };
    pendingGoals = null;
  };
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!.replace(/#.*$/, '').trimEnd();
    const lineNo = n + 1;
    const trimmed = raw.trim();
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
      if (y && year === null) year = Number(y[1]);
      continue;
    }
    if (trimmed.startsWith('»') || trimmed.startsWith('▪')) {
      const header = trimmed
        .replace(/^[»▪]\s*/, '')
        .split('|')[0]!
        .trim();
      round = header;
      const g = /^Group ([A-Z])\b/.exec(header);
      group = g ? g[1]! : null;
      continue;
    }
    if (/^Group [A-Z]\s*\|/.test(trimmed)) continue; // group composition lines
    if (trimmed.startsWith('(')) {
      const index = matches.length - 1;
      if (index < 0) {
        problems.push({
          code: 'IMPORT_NOTE',
          message: `a scorer list before any match: ${trimmed.slice(0, 60)}`,
          line: lineNo,
        });
        continue;
      }
      pendingGoals = { index, toks: tokenize(trimmed), line: lineNo, depth: depthOf(trimmed) };
      if (pendingGoals.depth <= 0) flushGoals();
      continue;
    }
    const toks = tokenize(trimmed);
    const asDate = parseDate(toks, year);
    if (asDate) {
      date = asDate.date;
      year = asDate.year;
      lastTime = null;
      continue;
    }
    // A match line: [time [(local)]] home [v] away score | home score away, [@ venue]
    let i = 0;
    if (toks[0]?.kind === 'time') {
      lastTime = toks[0].text.replace('.', ':');
      i = 1;
      if (toks[1]?.kind === 'lparen') {
        while (i < toks.length && toks[i]!.kind !== 'rparen') i++;
        i++;
      }
      // "17:00 UTC+3": the offset belongs to the time.
      if (/^UTC[+-]\d+$/.test(toks[i]?.text ?? '')) i++;
    }
    const at = toks.findIndex((t) => t.kind === 'at');
    const body = toks.slice(i, at === -1 ? undefined : at);
    const venue =
      at === -1
        ? null
        : toks
            .slice(at + 1)
            .map((t) => t.text)
            .join(' ');
    const firstScore = body.findIndex((t, k) => t.kind === 'score' && k > 0);
    const expr = firstScore === -1 ? null : parseScoreExpr(body, firstScore);
    if (!expr) {
      problems.push({
        code: 'IMPORT_NOTE',
        message: `unparsable line: ${trimmed.slice(0, 80)}`,
        line: lineNo,
      });
      continue;
    }
    const words = (ts: Tok[]) => ts.map((t) => t.text).join(' ');
    const vAt = body.findIndex((t) => t.kind === 'v');
    let home: string;
    let away: string;
    if (vAt !== -1 && vAt < firstScore) {
      home = words(body.slice(0, vAt));
      away = words(body.slice(vAt + 1, firstScore));
    } else {
      home = words(body.slice(0, firstScore));
      away = words(body.slice(expr.end));
    }
    if (!home || !away) {
      problems.push({
        code: 'IMPORT_NOTE',
        message: `a match line without two teams: ${trimmed.slice(0, 80)}`,
        line: lineNo,
      });
      continue;
    }
    matches.push({
      line: lineNo,
      round,
      group,
      date,
      time: lastTime,
      home: stripCountry(home),
      away: stripCountry(away),
      ft: expr.ft,
      ht: expr.ht,
      aet: expr.aet,
      pens: expr.pens,
      goals: null,
      venue,
    });
  }
  flushGoals();
  return { title, matches, problems };
}

/* ---------- JSON ---------- */

interface JsonGoal {
  name: string;
  minute: number;
  offset?: number;
  penalty?: boolean;
  owngoal?: boolean;
}
interface JsonMatch {
  round?: string;
  group?: string;
  date?: string;
  time?: string;
  team1: string | { name: string };
  team2: string | { name: string };
  score?: { ft?: Score; ht?: Score; et?: Score; p?: Score };
  goals1?: JsonGoal[];
  goals2?: JsonGoal[];
  ground?: string;
}

/** Reads worldcup.json, euro.json (rounds[].matches[]) and football.json (uefa.cl.json). */
export function parseFootballJson(text: string): OfParseResult {
  const doc = JSON.parse(text) as {
    name?: string;
    matches?: JsonMatch[];
    rounds?: { name: string; matches: JsonMatch[] }[];
  };
  const list: JsonMatch[] =
    doc.matches ?? (doc.rounds ?? []).flatMap((r) => r.matches.map((m) => ({ round: r.name, ...m })));
  const name = (t: string | { name: string }) => stripCountry(typeof t === 'string' ? t : t.name);
  const goals = (m: JsonMatch): OfGoal[] | null => {
    if (!m.goals1 && !m.goals2) return null;
    const one = (g: JsonGoal, team: Side): OfGoal => ({
      team,
      name: g.name,
      minute: g.minute,
      offset: g.offset ?? 0,
      penalty: g.penalty === true,
      ownGoal: g.owngoal === true,
    });
    return [...(m.goals1 ?? []).map((g) => one(g, 'home')), ...(m.goals2 ?? []).map((g) => one(g, 'away'))];
  };
  const matches: OfMatch[] = list.map((m) => ({
    line: 0,
    round: m.round ?? '',
    group: m.group
      ? (/Group ([A-Z])/.exec(m.group)?.[1] ?? null)
      : (/^Group ([A-Z])$/.exec(m.round ?? '')?.[1] ?? null),
    date: m.date ?? null,
    time: m.time ? m.time.slice(0, 5) : null,
    home: name(m.team1),
    away: name(m.team2),
    ft: m.score?.ft ?? null,
    ht: m.score?.ht ?? null,
    aet: m.score?.et ?? null,
    pens: m.score?.p ?? null,
    goals: goals(m),
    venue: m.ground ?? null,
  }));
  return { title: doc.name ?? null, matches, problems: [] };
}

/* ---------- streams ---------- */

export interface StreamOptions {
  readonly competition: string;
  /** "2020-21" or "2022". */
  readonly season: string;
  /** Knockout rounds need a winner (extra time, kicks); group matches do not. */
  readonly isKnockout?: (round: string) => boolean;
  readonly awayGoals?: Rules['awayGoals'];
}

export interface OfStream {
  readonly id: string;
  readonly match: OfMatch;
  readonly events: MatchEvent[];
  /** What the importer noticed about this match (goals listed under the wrong team, ...). */
  readonly notes: Problem[];
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const GROUPISH = /group|matchday|gruppe|spieltag/i;

/** Which matches of a round are first and second legs: the same pair of teams, home and away swapped. */
function legsOf(
  matches: readonly OfMatch[],
  isKnockout: (round: string) => boolean,
): Map<OfMatch, 1 | 2 | 'single'> {
  const legs = new Map<OfMatch, 1 | 2 | 'single'>();
  const byRound = new Map<string, OfMatch[]>();
  for (const m of matches) byRound.set(m.round, [...(byRound.get(m.round) ?? []), m]);
  for (const [round, list] of byRound) {
    for (const m of list) {
      if (!isKnockout(round)) {
        legs.set(m, 'single');
        continue;
      }
      const other = list.find((x) => x !== m && x.home === m.away && x.away === m.home);
      legs.set(m, other ? (list.indexOf(m) < list.indexOf(other) ? 1 : 2) : 'single');
    }
  }
  return legs;
}

/** One stream per match: goals at their minutes where the source has them, else the recorded result. */
export function toStreams(parsed: OfParseResult, options: StreamOptions): OfStream[] {
  const isKnockout = options.isKnockout ?? ((round: string) => !GROUPISH.test(round));
  const legs = legsOf(parsed.matches, isKnockout);
  const used = new Set<string>();
  return parsed.matches.map((m) => {
    const leg = legs.get(m) ?? 'single';
    const knockout = isKnockout(m.round);
    const rules: Rules = {
      maxSubs: 5,
      maxOpportunities: 3,
      extraTime: knockout && leg !== 1,
      shootout: knockout && leg !== 1,
      extraTimeExtraSub: true,
      concussionSubs: false,
      awayGoals: options.awayGoals ?? 'none',
    };
    let id = `${m.date ?? 'undated'}-${slug(m.home)}-${slug(m.away)}`;
    while (used.has(id)) id += '-b';
    used.add(id);
    const events: Record<string, unknown>[] = [
      {
        id: `${id}-fixture`,
        type: 'fixture',
        competition: options.competition,
        season: options.season,
        round: m.round || 'Unknown',
        ...(m.group ? { group: m.group } : {}),
        leg,
        home: { id: slug(m.home), name: m.home },
        away: { id: slug(m.away), name: m.away },
        ...(m.venue ? { venue: m.venue.slice(0, 128) } : {}),
        kickoff: `${m.date ?? '1970-01-01'}T${m.time ?? '00:00'}:00Z`,
        rules,
        coverage: { substitutions: false, bookings: false, stoppageTime: false },
        notes: `openfootball${m.line ? `, line ${m.line}` : ''}; kick-off times are local; goal instants are 30 s into the stated minute`,
        source: { provider: 'openfootball', id: `${options.season}/${id}` },
      },
    ];
    const result = {
      id: `${id}-result`,
      type: 'resultRecorded',
      fullTime: { home: m.ft?.[0] ?? 0, away: m.ft?.[1] ?? 0 },
      ...(m.ht ? { halfTime: { home: m.ht[0], away: m.ht[1] } } : {}),
      ...(m.aet ? { afterExtraTime: { home: m.aet[0], away: m.aet[1] } } : {}),
      ...(m.pens ? { shootout: { home: m.pens[0], away: m.pens[1] } } : {}),
    };
    const notes: Problem[] = [];
    if (!m.goals || m.ft === null) {
      events.push(result);
      return { id, match: m, events: events as unknown as MatchEvent[], notes };
    }
    // Goals listed under the wrong team (seen in euro.json): the counts fit the score only swapped.
    const final = m.aet ?? m.ft;
    const count = (side: Side) => m.goals!.filter((g) => g.team === side).length;
    let goals = m.goals;
    if (
      (count('home') !== final[0] || count('away') !== final[1]) &&
      count('away') === final[0] &&
      count('home') === final[1]
    ) {
      goals = goals.map((g) => ({ ...g, team: g.team === 'home' ? 'away' : 'home' }));
      notes.push({
        code: 'IMPORT_NOTE',
        message: `${m.home} v ${m.away}: the goals are listed under the wrong teams (${count('home')}-${count('away')} against ${final[0]}-${final[1]}); swapped`,
        ...(m.line ? { line: m.line } : {}),
      });
    }
    // Goals at their minutes; the recorded scores then confirm them (a contradiction is a RESULT_CONFLICT).
    const lastPeriod = m.aet ? 4 : 2;
    const placed = goals
      .map((g) => {
        const base = g.minute <= 45 ? 1 : g.minute <= 90 ? 2 : g.minute <= 105 ? 3 : 4;
        const period = g.offset > 0 ? [45, 90, 105, 120].indexOf(g.minute) + 1 || base : base;
        const ordinal = g.minute - periodStart(period) + g.offset;
        return { g, at: { period, ms: (ordinal - 1) * 60_000 + 30_000 } };
      })
      .sort((a, b) => a.at.period - b.at.period || a.at.ms - b.at.ms);
    let k = 0;
    for (let p = 1; p <= lastPeriod; p++) {
      events.push({ id: `${id}-start-${p}`, type: 'periodStarted', at: { period: p, ms: 0 } });
      let end = periodLength(p) * 60_000;
      for (const { g, at } of placed.filter((x) => x.at.period === p)) {
        const scorerTeam: Side = g.ownGoal ? (g.team === 'home' ? 'away' : 'home') : g.team;
        events.push({
          id: `${id}-goal-${k++}`,
          type: 'goal',
          at,
          clock: g.offset ? `${g.minute}+${g.offset}'` : `${g.minute}'`,
          team: g.team,
          scorerName: g.name.slice(0, 128),
          scorerTeam,
          penalty: g.penalty,
          ownGoal: g.ownGoal,
        });
        end = Math.max(end, at.ms + 30_000);
      }
      events.push({ id: `${id}-end-${p}`, type: 'periodEnded', at: { period: p, ms: end } });
    }
    const lastEnd = events[events.length - 1]!.at as { period: number; ms: number };
    events.push({ id: `${id}-full-time`, type: 'matchEnded', at: lastEnd });
    events.push(result);
    return { id, match: m, events: events as unknown as MatchEvent[], notes };
  });
}
