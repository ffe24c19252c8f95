/**
 * Group and league tables (rulebook §1.2, R-TAB-1..5). The rule set is data (rules/): criteria are
 * applied in order to teams level on points; a head-to-head criterion looks only at the matches among
 * the teams still level, and with re-application a smaller block still level starts the head-to-head
 * steps again. Where the rules end (lots, a play-off) or a criterion lacks its data (no bookings, no
 * coefficient), the teams share the rank and the row says why; nothing is ordered silently.
 */
import type { CompetitionDecisionEvent } from '../events/index.js';
import { applyDecisions, deductionsBy } from './decisions.js';
import type { CardTally, MatchResult, TeamRef } from './result.js';
import {
  GENERIC_LEAGUE,
  rulesFor,
  type CardWeights,
  type Criterion,
  type ExternalInput,
  type RuleSet,
  type StatKey,
  UEFA_CARDS,
  UEFA_2009,
  UEFA_2018,
  UEFA_2021,
  UEFA_2024,
  UEFA_2025,
  RULE_SETS,
} from './rules/index.js';
import { emptyStats, statsOf, type TeamStats } from './stats.js';
import { matchdayOf } from './matchday.js';

export type { TeamStats } from './stats.js';

export interface TableRow extends TeamStats {
  readonly team: string;
  readonly teamId: string;
  readonly rank: number;
  /** The criterion that decided this team's place among those level with it on points, or null. */
  readonly separatedBy: string | null;
  /** True when the rules (or the data given) do not separate this team from the ones sharing its rank. */
  readonly level: boolean;
  /** Fair play / disciplinary points under the rule set's scale (null when it has none). */
  readonly disciplinary: number | null;
}

/** A card from a source outside the streams (a match report), for fair play when streams have none. */
export interface ReportedCard {
  readonly team: string;
  readonly player: string;
  /** The match (any id or label): cards of one player in one match are counted together. */
  readonly match: string;
  readonly card: 'yellow' | 'secondYellow' | 'red';
}

/** The rule-set shape of earlier versions ({stat, scope} criteria); still accepted. */
export interface LegacyTieBreakRules {
  readonly id: string;
  readonly description: string;
  readonly criteria: readonly {
    readonly stat: string;
    readonly scope: 'h2h' | 'all' | 'external';
    readonly lowerIsBetter?: boolean;
  }[];
  readonly reapplyHeadToHead: boolean;
}

export interface TableOptions {
  /** The rule set; by default the one of the matches' competition and season (rulesFor). */
  readonly rules?: RuleSet | LegacyTieBreakRules;
  /** UEFA club coefficients by team id or name (the last external criterion). */
  readonly coefficients?: Readonly<Record<string, number>>;
  /** Other external inputs (FIFA ranking: higher is better, so pass e.g. minus the ranking position). */
  readonly external?: Partial<Record<ExternalInput, Readonly<Record<string, number>>>>;
  /** Cards known from another source, for teams whose streams record no bookings. */
  readonly cards?: readonly ReportedCard[];
  /** Competition decisions (points deductions, cancelled matches, awarded results). */
  readonly decisions?: readonly CompetitionDecisionEvent[];
  /** Only matches (and decisions) up to this instant: an ISO date (the whole day) or date-time. */
  readonly until?: string;
  /** Only matches up to this matchday (from the round name, else each team's n-th match). */
  readonly untilMatchday?: number;
  /** Count matches in progress at their current score (rows say how many). */
  readonly live?: boolean;
}

export interface Table {
  readonly rows: TableRow[];
  readonly rules: RuleSet;
  /** Matches counted, and those left out because they are later than the cut or not finished. */
  readonly counted: readonly MatchResult[];
  readonly remaining: readonly MatchResult[];
  /** Lines a reader should see under the table: awarded results, deductions, live matches. */
  readonly notes: readonly string[];
}

interface Context {
  readonly matches: readonly MatchResult[];
  readonly overall: Map<string, TeamStats>;
  readonly rules: RuleSet;
  readonly criteria: readonly Criterion[];
  readonly names: Map<string, string>;
  readonly options: TableOptions;
  readonly externalCards: Map<string, CardTally>;
  readonly separatedBy: Map<string, string>;
}

/** A value per team, or the reason the criterion cannot be applied to this block. */
type Values = { readonly values: Map<string, number> } | { readonly missing: string };

const STAT_LABEL: Record<string, string> = {
  points: 'points',
  goalDifference: 'goal difference',
  goalsFor: 'goals scored',
  awayGoalsFor: 'away goals scored',
  wins: 'wins',
  awayWins: 'away wins',
};

export function criterionLabel(c: Criterion): string {
  switch (c.kind) {
    case 'stat':
      return (c.scope === 'h2h' ? 'head-to-head ' : '') + STAT_LABEL[c.stat]!;
    case 'opponents':
      return `opponents’ ${STAT_LABEL[c.stat]!}`;
    case 'discipline':
    case 'external':
    case 'alphabetical':
      return c.label;
    case 'lastMatchKicks':
      return 'kicks from the penalty mark at the end of their last group match';
  }
}

function exhaustedLabel(rules: RuleSet): string {
  switch (rules.exhausted.kind) {
    case 'lots':
      return 'not decided by the rules: drawing of lots';
    case 'playoff':
      return `not decided by the rules: a play-off if ${rules.exhausted.when}; otherwise level`;
    case 'shared':
      return 'level on every criterion: they share the place';
  }
}

export function cardPoints(t: CardTally, w: CardWeights): number {
  return (
    t.yellow * w.yellow + t.secondYellow * w.secondYellow + t.red * w.red + t.yellowThenRed * w.yellowThenRed
  );
}

/** Counts external card records per team, one case per player and match (the heaviest). */
export function tallyCards(records: readonly ReportedCard[]): Map<string, CardTally> {
  const byPerson = new Map<string, { team: string; yellows: number; second: boolean; red: boolean }>();
  for (const r of records) {
    const key = `${r.team}\u0000${r.match}\u0000${r.player}`;
    const p = byPerson.get(key) ?? { team: r.team, yellows: 0, second: false, red: false };
    if (r.card === 'yellow') p.yellows++;
    else if (r.card === 'secondYellow') p.second = true;
    else p.red = true;
    byPerson.set(key, p);
  }
  const out = new Map<string, CardTally>();
  for (const p of byPerson.values()) {
    const t = { ...(out.get(p.team) ?? { yellow: 0, secondYellow: 0, red: 0, yellowThenRed: 0 }) };
    if (p.second || p.yellows >= 2) t.secondYellow++;
    else if (p.red) t[p.yellows > 0 ? 'yellowThenRed' : 'red']++;
    else if (p.yellows > 0) t.yellow++;
    out.set(p.team, t);
  }
  return out;
}

function externalValue(ctx: Context, input: ExternalInput, id: string): number | undefined {
  const source =
    input === 'clubCoefficient'
      ? (ctx.options.external?.[input] ?? ctx.options.coefficients)
      : ctx.options.external?.[input];
  if (!source) return undefined;
  return source[id] ?? source[ctx.names.get(id) ?? ''];
}

function disciplineOf(ctx: Context, id: string, weights: CardWeights): number | null {
  const external = ctx.externalCards.get(id) ?? ctx.externalCards.get(ctx.names.get(id) ?? '');
  if (external) return cardPoints(external, weights);
  const s = ctx.overall.get(id)!;
  return s.uncoveredBookings > 0 ? null : cardPoints(s.cards, weights);
}

function opponentsTotal(ctx: Context, id: string, stat: 'points' | 'goalDifference' | 'goalsFor'): number {
  let total = 0;
  for (const m of ctx.matches) {
    const opponent = m.home.id === id ? m.away.id : m.away.id === id ? m.home.id : null;
    if (opponent) total += ctx.overall.get(opponent)?.[stat] ?? 0;
  }
  return total;
}

/** The last group match of a team (by kick-off). */
function lastMatchOf(ctx: Context, id: string): MatchResult | undefined {
  let last: MatchResult | undefined;
  for (const m of ctx.matches)
    if ((m.home.id === id || m.away.id === id) && (!last || m.kickoff > last.kickoff)) last = m;
  return last;
}

/** A criterion's value for each team of `block`; head-to-head figures come from the matches among `among`. */
function evaluate(
  ctx: Context,
  c: Criterion,
  block: readonly string[],
  among: readonly string[] = block,
): Values | null {
  const values = new Map<string, number>();
  switch (c.kind) {
    case 'stat': {
      const source =
        c.scope === 'h2h' ? statsOf(ctx.matches, ctx.rules.pointsForWin, new Set(among)) : ctx.overall;
      for (const id of block) values.set(id, source.get(id)?.[c.stat] ?? 0);
      return { values };
    }
    case 'opponents':
      for (const id of block) values.set(id, opponentsTotal(ctx, id, c.stat));
      return { values };
    case 'discipline':
      for (const id of block) {
        const v = disciplineOf(ctx, id, c.weights);
        if (v === null)
          return {
            missing: `${c.label}: the matches of ${ctx.names.get(id) ?? id} record no bookings (give the cards)`,
          };
        values.set(id, -v); // fewer points is better
      }
      return { values };
    case 'external':
      for (const id of block) {
        const v = externalValue(ctx, c.input, id);
        if (v === undefined) return { missing: `${c.label} not given for ${ctx.names.get(id) ?? id}` };
        values.set(id, v);
      }
      return { values };
    case 'alphabetical': {
      const sorted = [...block].sort((a, b) => (ctx.names.get(a) ?? a).localeCompare(ctx.names.get(b) ?? b));
      sorted.forEach((id, i) => values.set(id, -i));
      return { values };
    }
    case 'lastMatchKicks': {
      if (block.length !== 2) return null; // only between exactly two teams
      const [a, b] = block as [string, string];
      const last = lastMatchOf(ctx, a);
      const met = last && lastMatchOf(ctx, b) === last && [last.home.id, last.away.id].includes(b);
      if (!met) return null;
      if (!last.shootout)
        return { missing: `${criterionLabel(c)}: required, but no kicks are recorded for that match` };
      values.set(last.home.id, last.shootout.home);
      values.set(last.away.id, last.shootout.away);
      return { values };
    }
  }
}

interface Block {
  readonly ids: readonly string[];
  /** Why the teams of a block of several could not be separated. */
  readonly undecided?: string;
}

function byName(ctx: Context, ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => (ctx.names.get(a) ?? a).localeCompare(ctx.names.get(b) ?? b));
}

const isH2h = (c: Criterion | undefined): boolean => c?.kind === 'stat' && c.scope === 'h2h';

/**
 * Orders a block of teams level so far, starting at criterion `from`. A run of head-to-head criteria
 * reads the matches among the teams that entered the run (`among`): the regulations apply a) to c)
 * together to all the teams concerned (EURO 2024 Art. 20.01, FIFA World Cup 26: "if, after having
 * applied criteria a to c, teams still had an equal ranking, criteria a to c are reapplied
 * exclusively to the matches between the teams who are still level"). So a split by head-to-head goal
 * difference goes on to head-to-head goals of the same mini-table; only at the end of the run does a
 * smaller block still level start the run again on its own matches (with re-application).
 */
function order(ctx: Context, block: readonly string[], from: number, among?: readonly string[]): Block[] {
  if (block.length < 2) return [{ ids: block }];
  const firstH2h = ctx.criteria.findIndex((c) => isH2h(c));
  const restart = () =>
    ctx.rules.reapplyHeadToHead && among !== undefined && block.length < among.length && firstH2h >= 0;
  for (let i = from; i < ctx.criteria.length; i++) {
    const c = ctx.criteria[i]!;
    // The end of a head-to-head run: a smaller block still level starts it again on its own matches.
    if (i > 0 && isH2h(ctx.criteria[i - 1]) && !isH2h(c) && restart())
      return order(ctx, block, firstH2h, block);
    const base = isH2h(c) ? (among ?? block) : block;
    const result = evaluate(ctx, c, block, base);
    if (result === null) continue;
    if ('missing' in result)
      return [{ ids: byName(ctx, block), undecided: `not decided: ${result.missing}` }];
    const groups = new Map<number, string[]>();
    for (const id of block) {
      const v = result.values.get(id)!;
      groups.set(v, [...(groups.get(v) ?? []), id]);
    }
    if (groups.size === 1) {
      if (isH2h(c)) among = base;
      continue;
    }
    const out: Block[] = [];
    for (const [, ids] of [...groups.entries()].sort((x, y) => y[0] - x[0])) {
      for (const id of ids) ctx.separatedBy.set(id, criterionLabel(c));
      out.push(...order(ctx, ids, i + 1, isH2h(c) ? base : undefined));
    }
    return out;
  }
  if (isH2h(ctx.criteria[ctx.criteria.length - 1]) && restart()) return order(ctx, block, firstH2h, block);
  return [{ ids: byName(ctx, block), undecided: exhaustedLabel(ctx.rules) }];
}

function endOfCut(until: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(until) ? `${until}T23:59:59.999Z` : until;
}

/** Matches before the cut and finished (or live with `live`) count; the rest remain to be played. */
export function splitByCut(
  matches: readonly MatchResult[],
  options: Pick<TableOptions, 'until' | 'untilMatchday' | 'live'>,
): { counted: MatchResult[]; remaining: MatchResult[] } {
  const cut = options.until ? Date.parse(endOfCut(options.until)) : Infinity;
  const days = options.untilMatchday !== undefined ? matchdayOf(matches) : null;
  const counted: MatchResult[] = [];
  const remaining: MatchResult[] = [];
  for (const m of matches) {
    const inTime =
      Date.parse(m.kickoff) <= cut && (!days || (days.get(m) ?? Infinity) <= options.untilMatchday!);
    const done =
      m.standing === 'finished' ||
      m.standing === 'awarded' ||
      (options.live === true && m.standing === 'live');
    if (inTime && done) counted.push(m);
    else if (m.standing !== 'abandoned' || !inTime) remaining.push(m);
  }
  return { counted, remaining };
}

function fromLegacy(r: LegacyTieBreakRules): RuleSet {
  const criteria = r.criteria.map((c): Criterion => {
    if (c.scope === 'external')
      return { kind: 'external', input: 'clubCoefficient', label: 'club coefficient' };
    if (c.stat === 'disciplinaryPoints')
      return { kind: 'discipline', label: 'disciplinary points', weights: UEFA_CARDS };
    const opp = /^opponents(Points|GoalDifference|GoalsFor)$/.exec(c.stat);
    if (opp) {
      const stat = (opp[1]![0]!.toLowerCase() + opp[1]!.slice(1)) as 'points' | 'goalDifference' | 'goalsFor';
      return { kind: 'opponents', stat };
    }
    return { kind: 'stat', stat: c.stat as StatKey, scope: c.scope };
  });
  return {
    ...GENERIC_LEAGUE,
    id: r.id,
    description: r.description,
    regulation: 'given by the caller',
    criteria,
    reapplyHeadToHead: r.reapplyHeadToHead,
    exhausted: { kind: 'lots' },
  };
}

/** The rule set for a set of matches: the option, else the competition and season of the first match. */
export function tableRulesOf(
  matches: readonly MatchResult[],
  rules?: RuleSet | LegacyTieBreakRules,
): RuleSet {
  if (rules) return 'regulation' in rules ? rules : fromLegacy(rules);
  const first = matches[0]?.fixture;
  return first ? rulesFor(first.competition, first.season) : GENERIC_LEAGUE;
}

/** A table with its rule set, the matches it counted and what is left to play. */
export function computeTable(matches: readonly MatchResult[], options: TableOptions = {}): Table {
  const rules = tableRulesOf(matches, options.rules);
  const decided = applyDecisions(matches, options.decisions ?? [], options.until);
  const { counted, remaining } = splitByCut(decided.matches, options);
  const names = new Map<string, string>();
  for (const m of decided.matches) {
    names.set(m.home.id, m.home.name);
    names.set(m.away.id, m.away.name);
  }
  const overall = statsOf(counted, rules.pointsForWin);
  for (const id of names.keys()) if (!overall.has(id)) overall.set(id, emptyStats());
  const deductions = deductionsBy(options.decisions ?? [], options.until, names);
  const notes = [...decided.notes];
  for (const [id, d] of deductions) {
    const s = overall.get(id);
    if (!s) continue;
    s.deducted += d.points;
    s.points = s.matchPoints - s.deducted;
    notes.push(
      `${names.get(id) ?? id}: ${d.points} point${d.points === 1 ? '' : 's'} deducted (${d.reasons.join('; ')})`,
    );
  }
  for (const m of counted) {
    if (m.awarded)
      notes.push(`${m.home.name} ${m.score.home}-${m.score.away} ${m.away.name}: result awarded`);
    if (m.standing === 'live')
      notes.push(`${m.home.name} ${m.score.home}-${m.score.away} ${m.away.name}: in progress`);
  }
  const played = counted.length === 0 ? 0 : Math.max(...[...matchdayOf(counted).values()]);
  // UEFA's in-progress order applies while the phase is being played (fixtures remain), not to a
  // finished set of matches however short.
  const inProgress = rules.inProgress && remaining.length > 0 && played <= rules.inProgress.untilMatchday;
  const criteria = inProgress ? rules.inProgress.criteria : rules.criteria;
  const ctx: Context = {
    matches: counted,
    overall,
    rules,
    criteria,
    names,
    options,
    externalCards: tallyCards(options.cards ?? []),
    separatedBy: new Map(),
  };
  const byPoints = new Map<number, string[]>();
  for (const [id, s] of overall) byPoints.set(s.points, [...(byPoints.get(s.points) ?? []), id]);
  const blocks: Block[] = [];
  for (const [, group] of [...byPoints.entries()].sort((a, b) => b[0] - a[0]))
    blocks.push(...order(ctx, group, 0));
  const disciplineCriterion = rules.criteria.find((c) => c.kind === 'discipline');
  const rows: TableRow[] = [];
  for (const block of blocks) {
    const rank = rows.length + 1;
    for (const id of block.ids) {
      const level = block.ids.length > 1;
      rows.push({
        team: names.get(id) ?? id,
        teamId: id,
        rank: level ? rank : rows.length + 1,
        separatedBy: level ? block.undecided! : (ctx.separatedBy.get(id) ?? null),
        level,
        disciplinary:
          disciplineCriterion?.kind === 'discipline'
            ? disciplineOf(ctx, id, disciplineCriterion.weights)
            : null,
        ...overall.get(id)!,
      });
    }
  }
  return { rows, rules, counted, remaining, notes };
}

/** The rows of a table (see computeTable for the rule set, remaining matches and notes). */
export function buildTable(matches: readonly MatchResult[], options: TableOptions = {}): TableRow[] {
  return computeTable(matches, options).rows;
}

export type { TeamRef };

/** Every rule set by id (`--rules`). */
export const TIE_BREAK_RULES: Readonly<Record<string, RuleSet>> = Object.fromEntries(
  RULE_SETS.map((r) => [r.id, r]),
);

/**
 * The UEFA club rule set of a season by its year (what this function always returned). Prefer
 * rulesFor(competition, season): a World Cup or a league is not decided by UEFA club rules.
 */
export function defaultTableRules(season: string | undefined): RuleSet {
  const year = season ? Number(season.slice(0, 4)) : NaN;
  if (Number.isNaN(year)) return GENERIC_LEAGUE;
  if (year >= 2025) return UEFA_2025;
  if (year >= 2024) return UEFA_2024;
  if (year >= 2021) return UEFA_2021;
  if (year >= 2018) return UEFA_2018;
  return UEFA_2009;
}
