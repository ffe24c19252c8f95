/**
 * Group and league tables (rulebook §1.2, R-TAB-1..5). Tie-break rule sets are data: ordered
 * criteria with a scope; head-to-head is re-applied recursively to a still-level subset, and overall
 * criteria then apply to that subset only.
 */
import type { MatchResult, TeamRef } from './result.js';

export type StatKey =
  | 'points'
  | 'goalDifference'
  | 'goalsFor'
  | 'awayGoalsFor'
  | 'wins'
  | 'awayWins'
  | 'disciplinaryPoints'
  | 'opponentsPoints'
  | 'opponentsGoalDifference'
  | 'opponentsGoalsFor'
  | 'coefficient';

export interface Criterion {
  readonly stat: StatKey;
  /** h2h: matches among the tied teams; all: every match given; external: an input (coefficient). */
  readonly scope: 'h2h' | 'all' | 'external';
  readonly lowerIsBetter?: boolean;
}

export interface TieBreakRules {
  readonly id: string;
  readonly description: string;
  readonly criteria: readonly Criterion[];
  /** Re-apply the head-to-head criteria to a subset that is still level (G1/G2 step e). */
  readonly reapplyHeadToHead: boolean;
}

const h2h = (stat: StatKey): Criterion => ({ stat, scope: 'h2h' });
const all = (stat: StatKey, lowerIsBetter = false): Criterion => ({ stat, scope: 'all', lowerIsBetter });
const coefficient: Criterion = { stat: 'coefficient', scope: 'external' };

const G1_CRITERIA: readonly Criterion[] = [
  h2h('points'),
  h2h('goalDifference'),
  h2h('goalsFor'),
  h2h('awayGoalsFor'),
  all('goalDifference'),
  all('goalsFor'),
  all('awayGoalsFor'),
  all('wins'),
  all('awayWins'),
  all('disciplinaryPoints', true),
  coefficient,
];

export const TIE_BREAK_RULES: Readonly<Record<string, TieBreakRules>> = {
  'uefa-2018': {
    id: 'uefa-2018',
    description:
      'UEFA group stage 2018-19 to 2020-21 (G1): head-to-head incl. away goals, re-applied, then overall',
    criteria: G1_CRITERIA,
    reapplyHeadToHead: true,
  },
  'uefa-2021': {
    id: 'uefa-2021',
    description: 'UEFA group stage 2021-22 to 2023-24 (G2): as G1 without head-to-head away goals',
    criteria: G1_CRITERIA.filter((c) => !(c.scope === 'h2h' && c.stat === 'awayGoalsFor')),
    reapplyHeadToHead: true,
  },
  'uefa-2024': {
    id: 'uefa-2024',
    description: 'UEFA league phase from 2024-25 (L1): no head-to-head; opponents’ collective results',
    criteria: [
      all('goalDifference'),
      all('goalsFor'),
      all('awayGoalsFor'),
      all('wins'),
      all('awayWins'),
      all('opponentsPoints'),
      all('opponentsGoalDifference'),
      all('opponentsGoalsFor'),
      all('disciplinaryPoints', true),
      coefficient,
    ],
    reapplyHeadToHead: false,
  },
  domestic: {
    id: 'domestic',
    description: 'A plain league: points, goal difference, goals scored',
    criteria: [all('goalDifference'), all('goalsFor')],
    reapplyHeadToHead: false,
  },
};

/** The rule set a season's group stage used (R-TAB-1). */
export function defaultTableRules(season: string | undefined): TieBreakRules {
  const year = season ? Number(season.slice(0, 4)) : NaN;
  if (Number.isNaN(year)) return TIE_BREAK_RULES.domestic!;
  if (year >= 2024) return TIE_BREAK_RULES['uefa-2024']!;
  if (year >= 2021) return TIE_BREAK_RULES['uefa-2021']!;
  return TIE_BREAK_RULES['uefa-2018']!;
}

export interface TeamStats {
  played: number;
  won: number;
  drawn: number;
  lost: number;
  goalsFor: number;
  goalsAgainst: number;
  goalDifference: number;
  points: number;
  awayGoalsFor: number;
  wins: number;
  awayWins: number;
  disciplinaryPoints: number;
}

export interface TableRow extends TeamStats {
  readonly team: string;
  readonly teamId: string;
  readonly rank: number;
  /** The criterion that separated this team from those level with it on points, or null. */
  readonly separatedBy: string | null;
}

export interface TableOptions {
  readonly rules?: TieBreakRules;
  /** UEFA club coefficients by team id or name (the last external criterion). */
  readonly coefficients?: Readonly<Record<string, number>>;
}

function emptyStats(): TeamStats {
  return {
    played: 0,
    won: 0,
    drawn: 0,
    lost: 0,
    goalsFor: 0,
    goalsAgainst: 0,
    goalDifference: 0,
    points: 0,
    awayGoalsFor: 0,
    wins: 0,
    awayWins: 0,
    disciplinaryPoints: 0,
  };
}

function statsOf(
  matches: readonly MatchResult[],
  teamIds: ReadonlySet<string> | null,
): Map<string, TeamStats> {
  const table = new Map<string, TeamStats>();
  const get = (id: string): TeamStats => {
    let s = table.get(id);
    if (!s) table.set(id, (s = emptyStats()));
    return s;
  };
  for (const m of matches) {
    if (teamIds && !(teamIds.has(m.home.id) && teamIds.has(m.away.id))) continue;
    const h = get(m.home.id);
    const a = get(m.away.id);
    const { home: hg, away: ag } = m.score; // never the shoot-out (R-TIE-3)
    h.played++;
    a.played++;
    h.goalsFor += hg;
    h.goalsAgainst += ag;
    a.goalsFor += ag;
    a.goalsAgainst += hg;
    a.awayGoalsFor += ag;
    h.disciplinaryPoints += m.discipline.home;
    a.disciplinaryPoints += m.discipline.away;
    if (hg > ag) {
      h.won++;
      a.lost++;
      h.points += 3;
    } else if (ag > hg) {
      a.won++;
      h.lost++;
      a.points += 3;
      a.awayWins++;
    } else {
      h.drawn++;
      a.drawn++;
      h.points++;
      a.points++;
    }
  }
  for (const s of table.values()) {
    s.goalDifference = s.goalsFor - s.goalsAgainst;
    s.wins = s.won;
  }
  return table;
}

interface Context {
  readonly matches: readonly MatchResult[];
  readonly overall: Map<string, TeamStats>;
  readonly rules: TieBreakRules;
  readonly coefficients: Readonly<Record<string, number>>;
  readonly names: Map<string, string>;
  readonly separatedBy: Map<string, string>;
}

function opponentsValue(
  ctx: Context,
  teamId: string,
  stat: 'points' | 'goalDifference' | 'goalsFor',
): number {
  let total = 0;
  for (const m of ctx.matches) {
    const opponent = m.home.id === teamId ? m.away.id : m.away.id === teamId ? m.home.id : null;
    if (opponent) total += ctx.overall.get(opponent)?.[stat] ?? 0;
  }
  return total;
}

function value(ctx: Context, c: Criterion, teamId: string, mini: Map<string, TeamStats>): number {
  let v: number;
  if (c.scope === 'external')
    v = ctx.coefficients[teamId] ?? ctx.coefficients[ctx.names.get(teamId) ?? ''] ?? 0;
  else if (c.stat === 'opponentsPoints') v = opponentsValue(ctx, teamId, 'points');
  else if (c.stat === 'opponentsGoalDifference') v = opponentsValue(ctx, teamId, 'goalDifference');
  else if (c.stat === 'opponentsGoalsFor') v = opponentsValue(ctx, teamId, 'goalsFor');
  else v = (c.scope === 'h2h' ? mini : ctx.overall).get(teamId)?.[c.stat as keyof TeamStats] ?? 0;
  return c.lowerIsBetter ? -v : v;
}

function label(c: Criterion): string {
  const scope = c.scope === 'h2h' ? 'head-to-head ' : c.scope === 'external' ? '' : '';
  const names: Record<StatKey, string> = {
    points: 'points',
    goalDifference: 'goal difference',
    goalsFor: 'goals scored',
    awayGoalsFor: 'away goals scored',
    wins: 'wins',
    awayWins: 'away wins',
    disciplinaryPoints: 'disciplinary points',
    opponentsPoints: 'opponents’ points',
    opponentsGoalDifference: 'opponents’ goal difference',
    opponentsGoalsFor: 'opponents’ goals scored',
    coefficient: 'club coefficient',
  };
  return scope + names[c.stat];
}

/** Splits blocks of level teams by each criterion in turn; records which criterion separated whom. */
function splitBy(
  ctx: Context,
  blocks: string[][],
  criteria: readonly Criterion[],
  mini: Map<string, TeamStats>,
): string[][] {
  let current = blocks;
  for (const c of criteria) {
    const next: string[][] = [];
    for (const block of current) {
      if (block.length < 2) {
        next.push(block);
        continue;
      }
      const byValue = new Map<number, string[]>();
      for (const id of block) {
        const v = value(ctx, c, id, mini);
        byValue.set(v, [...(byValue.get(v) ?? []), id]);
      }
      if (byValue.size === 1) {
        next.push(block);
        continue;
      }
      for (const [, ids] of [...byValue.entries()].sort((x, y) => y[0] - x[0])) {
        for (const id of ids) ctx.separatedBy.set(id, label(c));
        next.push(ids);
      }
    }
    current = next;
  }
  return current;
}

/** Orders teams level on points (R-TAB-2). */
function orderLevel(ctx: Context, group: string[]): string[] {
  if (group.length < 2) return group;
  const h2hCriteria = ctx.rules.criteria.filter((c) => c.scope === 'h2h');
  const otherCriteria = ctx.rules.criteria.filter((c) => c.scope !== 'h2h');
  const mini = statsOf(ctx.matches, new Set(group));
  const blocks = splitBy(ctx, [group], h2hCriteria, mini);
  const ordered: string[] = [];
  for (const block of blocks) {
    if (block.length < 2) ordered.push(...block);
    else if (ctx.rules.reapplyHeadToHead && h2hCriteria.length > 0 && block.length < group.length) {
      ordered.push(...orderLevel(ctx, block)); // re-apply head-to-head to the still-level subset only
    } else {
      for (const rest of splitBy(ctx, [block], otherCriteria, mini)) {
        if (rest.length > 1)
          for (const id of rest) ctx.separatedBy.set(id, 'alphabetical order (still level)');
        ordered.push(
          ...[...rest].sort((x, y) => (ctx.names.get(x) ?? x).localeCompare(ctx.names.get(y) ?? y)),
        );
      }
    }
  }
  return ordered;
}

/** A table from any set of matches; only completed matches count (R-TAB-3). */
export function buildTable(matches: readonly MatchResult[], options: TableOptions = {}): TableRow[] {
  const counted = matches.filter((m) => m.completed);
  const rules = options.rules ?? defaultTableRules(matches[0]?.fixture.season);
  const names = new Map<string, string>();
  for (const m of matches) {
    names.set(m.home.id, m.home.name);
    names.set(m.away.id, m.away.name);
  }
  const overall = statsOf(counted, null);
  for (const id of names.keys()) if (!overall.has(id)) overall.set(id, emptyStats());
  const ctx: Context = {
    matches: counted,
    overall,
    rules,
    coefficients: options.coefficients ?? {},
    names,
    separatedBy: new Map(),
  };
  const byPoints = new Map<number, string[]>();
  for (const [id, s] of overall) byPoints.set(s.points, [...(byPoints.get(s.points) ?? []), id]);
  const order: string[] = [];
  for (const [, group] of [...byPoints.entries()].sort((a, b) => b[0] - a[0])) {
    order.push(
      ...orderLevel(
        ctx,
        group.sort((x, y) => (names.get(x) ?? x).localeCompare(names.get(y) ?? y)),
      ),
    );
  }
  return order.map((id, i) => ({
    team: names.get(id) ?? id,
    teamId: id,
    rank: i + 1,
    separatedBy: ctx.separatedBy.get(id) ?? null,
    ...overall.get(id)!,
  }));
}

export type { TeamRef };
