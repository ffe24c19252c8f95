/**
 * One table per group: a tournament's matches split the way a reader expects. The group comes from
 * the fixture's `group`, else from a round named "Group X", else from who played whom (the connected
 * teams of the group-stage matches). Knockout matches (legs, or matches that may go to extra time or
 * kicks) belong to no table.
 */
import type { MatchResult } from './result.js';
import type { RuleSet } from './rules/index.js';
import { computeTable, criterionLabel, type Table, type TableOptions, type TableRow } from './table.js';
import { checkDecisionsAgainst, decidesMatch } from './decisions.js';
import { matchdayOf } from './matchday.js';

export interface GroupMatches {
  /** "A" for Group A; for a single league the competition name. */
  readonly key: string;
  readonly label: string;
  readonly matches: readonly MatchResult[];
}

const GROUP_ROUND = /\b(?:group|gruppe|grupo|girone|groupe)\s+([A-Z0-9]{1,3})\b/i;

/** A match of a group or league stage (not a knockout tie). */
export function isTableMatch(m: MatchResult): boolean {
  if (m.fixture.group) return true;
  if (m.fixture.leg !== 'single') return false;
  return !m.fixture.rules.extraTime && !m.fixture.rules.shootout;
}

function groupKeyOf(m: MatchResult): string | null {
  if (m.fixture.group) return m.fixture.group.replace(/^group\s+/i, '').toUpperCase();
  const named = GROUP_ROUND.exec(m.fixture.round);
  return named ? named[1]!.toUpperCase() : null;
}

/** Splits table matches into groups; matches of one league come back as one group. */
export function groupsOf(matches: readonly MatchResult[]): GroupMatches[] {
  const table = matches.filter(isTableMatch);
  const named = new Map<string, MatchResult[]>();
  const unnamed: MatchResult[] = [];
  for (const m of table) {
    const key = groupKeyOf(m);
    if (key) named.set(key, [...(named.get(key) ?? []), m]);
    else unnamed.push(m);
  }
  const out: GroupMatches[] = [...named.entries()]
    .sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }))
    .map(([key, ms]) => ({ key, label: `Group ${key}`, matches: ms }));
  // Who played whom: union-find over the remaining matches.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let p = parent.get(x) ?? x;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p)!;
    parent.set(x, p);
    return p;
  };
  for (const m of unnamed) {
    const a = find(m.home.id);
    const b = find(m.away.id);
    if (a !== b) parent.set(b, a);
  }
  const components = new Map<string, MatchResult[]>();
  for (const m of unnamed) {
    const root = find(m.home.id);
    components.set(root, [...(components.get(root) ?? []), m]);
  }
  const single = components.size === 1 && out.length === 0;
  let n = 0;
  for (const ms of components.values()) {
    n++;
    const first = ms[0]!.fixture;
    out.push(
      single
        ? { key: first.competition, label: `${first.competition} ${first.season}`, matches: ms }
        : {
            key: String(n),
            label: `Group ${n} (${[...new Set(ms.flatMap((m) => [m.home.name, m.away.name]))].sort().slice(0, 2).join(', ')}, ...)`,
            matches: ms,
          },
    );
  }
  return out;
}

export interface GroupFilter {
  /** A group letter or label ("A", "Group A"). */
  readonly group?: string;
  /** Only matches of rounds whose name contains this (case-insensitive), e.g. "Matchday 3" (not 30). */
  readonly round?: string;
}

export interface GroupTable extends Table {
  readonly key: string;
  readonly label: string;
}

/** The groups (or the one league) that pass the filters. */
export function selectGroups(matches: readonly MatchResult[], filter: GroupFilter = {}): GroupMatches[] {
  const wanted = filter.group?.replace(/^group\s+/i, '').toUpperCase();
  // "Matchday 1" is not "Matchday 10": a needle ending in a digit ends where the number ends.
  const round = filter.round
    ? new RegExp(
        `${filter.round.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${/\d$/.test(filter.round) ? '(?!\\d)' : ''}`,
        'i',
      )
    : null;
  // Groups come from every match (one matchday alone would split a league into pairs); the round
  // filter then keeps that round's matches of each group.
  return groupsOf(matches)
    .filter((g) => !wanted || g.key.toUpperCase() === wanted || g.label.toUpperCase() === wanted)
    .map((g) => (round ? { ...g, matches: g.matches.filter((m) => round.test(m.fixture.round)) } : g))
    .filter((g) => g.matches.length > 0);
}

/** One table per group (or the one league), after the filters. */
export function groupTables(
  matches: readonly MatchResult[],
  options: TableOptions & GroupFilter = {},
): GroupTable[] {
  const decisions = options.decisions ?? [];
  // A decision naming no match or team at all is refused; each group gets the decisions about its own.
  if (decisions.length > 0) checkDecisionsAgainst(matches, decisions);
  return selectGroups(matches, options).map((g) => ({
    key: g.key,
    label: g.label,
    ...computeTable(g.matches, {
      ...options,
      decisions: decisions.filter(
        (d) => d.decision === 'pointsDeduction' || g.matches.some((m) => decidesMatch(m, d)),
      ),
    }),
  }));
}

export interface PositionsByMatchday {
  readonly matchdays: readonly number[];
  /** team id -> its rank after each matchday (null before its first match). */
  readonly series: ReadonlyMap<string, { readonly team: string; readonly ranks: readonly (number | null)[] }>;
}

/** Each team's position after every matchday: the data of a rank-over-time chart. */
export function positionsByMatchday(
  matches: readonly MatchResult[],
  options: TableOptions = {},
): PositionsByMatchday {
  const days = matchdayOf(matches.filter((m) => m.standing === 'finished' || m.standing === 'awarded'));
  const matchdays = [...new Set(days.values())].sort((a, b) => a - b);
  const series = new Map<string, { team: string; ranks: (number | null)[] }>();
  matchdays.forEach((md, i) => {
    const { rows } = computeTable(matches, { ...options, untilMatchday: md });
    for (const r of rows) {
      const s = series.get(r.teamId) ?? {
        team: r.team,
        ranks: new Array<number | null>(matchdays.length).fill(null),
      };
      s.ranks[i] = r.played > 0 ? r.rank : null;
      series.set(r.teamId, s);
    }
  });
  return { matchdays, series };
}

export interface CrossGroupRow {
  readonly group: string;
  readonly row: TableRow;
  readonly rank: number;
  /** What separated this row from the next one, or why it could not be separated. */
  readonly separatedBy: string | null;
  readonly level: boolean;
}

/**
 * Ranks rows taken from different groups (the best third-placed teams): points, then the rule set's
 * criteria over all matches (head-to-head has no meaning across groups), then discipline.
 */
export function rankAcrossGroups(
  entries: readonly { group: string; row: TableRow }[],
  rules: RuleSet,
): CrossGroupRow[] {
  const keys: { label: string; value: (r: TableRow) => number | null }[] = [
    { label: 'points', value: (r) => r.points },
  ];
  for (const c of rules.criteria) {
    if (c.kind === 'stat' && c.scope === 'all')
      keys.push({ label: criterionLabel(c), value: (r) => r[c.stat] });
    if (c.kind === 'discipline')
      keys.push({ label: c.label, value: (r) => (r.disciplinary === null ? null : -r.disciplinary) });
  }
  const sorted = [...entries];
  const out: CrossGroupRow[] = [];
  const compare = (a: TableRow, b: TableRow): { diff: number; label: string | null; missing: boolean } => {
    for (const k of keys) {
      const va = k.value(a);
      const vb = k.value(b);
      if (va === null || vb === null)
        return { diff: 0, label: `not decided: ${k.label} unknown`, missing: true };
      if (va !== vb) return { diff: vb - va, label: k.label, missing: false };
    }
    return { diff: 0, label: null, missing: false };
  };
  sorted.sort((x, y) => compare(x.row, y.row).diff);
  sorted.forEach((e, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const withPrev = prev ? compare(prev.row, e.row) : null;
    const withNext = next ? compare(e.row, next.row) : null;
    const levelPrev = withPrev !== null && withPrev.diff === 0;
    const level = levelPrev || (withNext !== null && withNext.diff === 0);
    const rank = levelPrev ? out[i - 1]!.rank : i + 1;
    const reason = level
      ? ((levelPrev ? withPrev : withNext)!.label ?? exhaustedText(rules))
      : (withNext?.label ?? withPrev?.label ?? null);
    out.push({ group: e.group, row: e.row, rank, separatedBy: reason, level });
  });
  return out;
}

function exhaustedText(rules: RuleSet): string {
  return rules.exhausted.kind === 'lots'
    ? 'not decided by the rules: drawing of lots'
    : 'level on every criterion';
}
