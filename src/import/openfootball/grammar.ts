/**
 * The Football.TXT match-line grammar: a tokenizer, the score expression (every notation the
 * openfootball repositories use) and scorer lists. Pure; knows nothing about files or streams.
 */
import type { Side } from '../../events/index.js';

export type Score = [number, number];

export interface OfGoal {
  readonly team: Side;
  readonly name: string;
  readonly minute: number;
  readonly offset: number;
  readonly penalty: boolean;
  readonly ownGoal: boolean;
}

export type TokKind =
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
export interface Tok {
  readonly kind: TokKind;
  readonly text: string;
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

export function tokenize(text: string): Tok[] {
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

export interface ScoreExpr {
  /** Index of the first token after the expression. */
  readonly end: number;
  /** After 90 minutes. */
  readonly ft: Score;
  readonly ht: Score | null;
  /** After extra time (cumulative); null when none was played. */
  readonly aet: Score | null;
  readonly pens: Score | null;
}

/**
 * `[P pen.] S [a.e.t] [(S[, S])] [, P pen.]`. With extra time the bracket holds (after 90, half time);
 * with kicks but no `a.e.t.` (League Cup: kicks straight after 90 minutes) the main score is the
 * shoot-out and the bracket holds (after 90, half time); otherwise the bracket is the half time.
 */
export function parseScoreExpr(toks: readonly Tok[], start: number): ScoreExpr | null {
  let i = start;
  let pens: Score | null = null;
  if (toks[i]?.kind === 'score' && toks[i + 1]?.kind === 'pen') {
    pens = score(toks[i]!.text);
    i += 2;
  }
  let main: Score | null = null;
  if (toks[i]?.kind === 'score') {
    main = score(toks[i]!.text);
    i++;
  }
  let aet = false;
  if (main && toks[i]?.kind === 'aet') {
    aet = true;
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
  if (pens && !main && !aet) {
    // "5-4 pen. (5-5, 2-3)": no extra time; the bracket is (after 90, half time).
    const ft = inner[0];
    if (!ft) return null;
    return { end: i, ft, ht: inner[1] ?? zeroHalfTime(ft), aet: null, pens };
  }
  if (!main) return null;
  const ft = aet ? (inner[0] ?? main) : main;
  const ht = (aet ? inner[1] : inner[0]) ?? zeroHalfTime(ft);
  return { end: i, ft, ht, aet: aet ? main : null, pens };
}

/** A 0-0 half-time may be omitted; otherwise a missing half-time is unknown. */
const zeroHalfTime = (ft: Score): Score | null => (ft[0] + ft[1] === 0 ? [0, 0] : null);

/** Scorer lists: `(A 10' B 45+1', 50'(pen.); C 76'(o.g.))`. */
export function parseGoals(toks: readonly Tok[], firstSide: Side): { goals: OfGoal[]; ok: boolean } {
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
        if (team === 'away') return { goals, ok: false };
        team = 'away';
        name = [];
        last = null;
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
        if (m < 1 || m > 120 || (o ?? 0) > 30) return { goals, ok: false };
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
