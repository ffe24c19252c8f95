/**
 * Qualification: for each team of a group or league with fixtures still to play, whether a place in
 * the top k is clinched, lost or open, and what the team needs. Found by enumerating the remaining
 * results (win, draw, defeat) and ranking each outcome under the competition's own tie-breakers; where
 * teams level on points straddle a boundary, the scorelines are enumerated too, up to a bound of goals
 * a side (the answer then says so). Too many remaining matches: points bounds only, and it says so.
 */
import { MatchlineError } from '../events/errors.js';
import type { MatchResult } from './result.js';
import { computeTable, type TableOptions, type TableRow } from './table.js';

export type PlaceStatus = 'clinched' | 'lost' | 'open';

export interface PlaceOutlook {
  /** The top `k` places (1: first place; 2: the top two). */
  readonly top: number;
  readonly status: PlaceStatus;
  /** For an open place: the smallest sets of the team's own results that are enough, in words. */
  readonly enough: readonly string[];
  /** A sentence: "a win in either remaining match is enough", "cannot be reached", ... */
  readonly needs: string;
}

export interface TeamOutlook {
  readonly team: string;
  readonly teamId: string;
  readonly points: number;
  readonly rank: number;
  readonly remaining: number;
  /** Best and worst final rank over every outcome enumerated. */
  readonly best: number;
  readonly worst: number;
  readonly places: readonly PlaceOutlook[];
}

export type QualificationMethod =
  /** Every outcome enumerated; ties on points across a boundary resolved by scorelines up to the bound. */
  | 'scorelines'
  /** Every outcome enumerated; ties across a boundary left open (too many scorelines to enumerate). */
  | 'results'
  /** Too many remaining matches: only what points alone decide. */
  | 'points';

export interface Qualification {
  readonly method: QualificationMethod;
  /** The goals-a-side bound of the scoreline enumeration (scorelines method). */
  readonly goalBound: number;
  readonly remaining: readonly MatchResult[];
  readonly teams: readonly TeamOutlook[];
  /** What the answers rest on, for the reader. */
  readonly note: string;
}

export interface QualificationOptions extends TableOptions {
  /** The places asked about (default [1, 2]). */
  readonly places?: readonly number[];
  /** Goals a side enumerated where a tie on points crosses a boundary (default 3). */
  readonly goalBound?: number;
  /** Most result outcomes enumerated (3^remaining); beyond it points bounds only (default 3^9). */
  readonly maxOutcomes?: number;
  /** Most tables ranked for scorelines in all (default 200,000); beyond it ties stay open. */
  readonly maxTables?: number;
}

type Result = 0 | 1 | 2; // home win, draw, away win
const RESULTS: readonly Result[] = [0, 1, 2];

function hypothetical(m: MatchResult, home: number, away: number): MatchResult {
  const score = { home, away };
  return { ...m, score, normalTime: score, completed: true, standing: 'finished', awarded: false };
}

function scorelines(r: Result, bound: number): [number, number][] {
  const out: [number, number][] = [];
  for (let h = 0; h <= bound; h++)
    for (let a = 0; a <= bound; a++)
      if ((r === 0 && h > a) || (r === 1 && h === a) || (r === 2 && a > h)) out.push([h, a]);
  return out;
}

/** Rank ranges (best, worst) of each team in a ranked table; teams left level may finish anywhere in their block. */
function ranges(rows: readonly TableRow[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const r of rows) {
    const size = rows.filter((x) => x.rank === r.rank).length;
    out.set(r.teamId, [r.rank, r.rank + size - 1]);
  }
  return out;
}

function merge(into: Map<string, [number, number]>, from: Map<string, [number, number]>): void {
  for (const [id, [b, w]] of from) {
    const cur = into.get(id);
    into.set(id, cur ? [Math.min(cur[0], b), Math.max(cur[1], w)] : [b, w]);
  }
}

function outcomeWord(m: MatchResult, teamId: string, r: Result): string {
  const home = m.home.id === teamId;
  const opponent = home ? m.away.name : m.home.name;
  const won = (home && r === 0) || (!home && r === 2);
  const word = r === 1 ? 'a draw' : won ? 'a win' : 'a defeat';
  return `${word} ${home ? 'v' : 'at'} ${opponent}`;
}

/** The qualification picture of one group or league: `matches` holds played and remaining matches. */
export function qualification(
  matches: readonly MatchResult[],
  options: QualificationOptions = {},
): Qualification {
  const places = options.places ?? [1, 2];
  const bound = options.goalBound ?? 3;
  // A bound of 0 has no winning scoreline, so a win would rank no table at all.
  for (const [name, value, least] of [
    ['goalBound', bound, 1],
    ['maxOutcomes', options.maxOutcomes ?? 1, 1],
    ['maxTables', options.maxTables ?? 0, 0],
  ] as const) {
    if (Number.isNaN(value) || value < least || (!Number.isInteger(value) && value !== Infinity))
      throw new MatchlineError({
        code: 'USAGE',
        message: `qualification: ${name} must be a whole number of at least ${least}, not ${String(value)}`,
      });
  }
  const now = computeTable(matches, options);
  // Everything not counted is still to play at the cut (a match played later is a fixture then).
  const remaining = now.remaining.filter((m) => m.standing !== 'abandoned');
  const counted = now.counted;
  // Counted matches already carry their decisions (awarded, cancelled): only deductions in force remain.
  const cut = options.until?.slice(0, 10);
  const deductions = (options.decisions ?? []).filter(
    (d) => d.decision === 'pointsDeduction' && (!cut || d.date <= cut),
  );
  const tableOptions: TableOptions = {
    ...options,
    rules: now.rules,
    decisions: deductions,
    until: undefined,
    untilMatchday: undefined,
    live: false,
  };
  const remainingOf = (id: string) => remaining.filter((m) => m.home.id === id || m.away.id === id);

  const maxOutcomes = options.maxOutcomes ?? 3 ** 9;
  if (3 ** remaining.length > maxOutcomes) return pointsBounds(now.rows, remaining, places, bound);

  // Every outcome: the rank range of every team.
  let tablesLeft = options.maxTables ?? 200_000;
  let exhaustedScorelines = false;
  const outcomes: { results: Result[]; ranges: Map<string, [number, number]> }[] = [];
  const total = 3 ** remaining.length;
  for (let code = 0; code < total; code++) {
    const results: Result[] = [];
    for (let i = 0, c = code; i < remaining.length; i++, c = Math.floor(c / 3))
      results.push((c % 3) as Result);
    // Points alone first: a representative scoreline per result.
    const simple = remaining.map((m, i) =>
      hypothetical(m, results[i] === 0 ? 1 : 0, results[i] === 2 ? 1 : 0),
    );
    const rows = computeTable([...counted, ...simple], tableOptions).rows;
    const range = new Map<string, [number, number]>();
    for (const r of rows) {
      const above = rows.filter((x) => x.points > r.points).length;
      const level = rows.filter((x) => x.points === r.points).length;
      range.set(r.teamId, [above + 1, above + level]);
    }
    const crosses = [...range.values()].some(([b, w]) => b !== w && places.some((k) => b <= k && w > k));
    if (crosses) {
      const options_ = results.map((r) => scorelines(r, bound));
      const count = options_.reduce((n, o) => n * o.length, 1);
      if (count <= tablesLeft) {
        tablesLeft -= count;
        const exact = new Map<string, [number, number]>();
        const pick = new Array<number>(remaining.length).fill(0);
        for (let n = 0; n < count; n++) {
          let c = n;
          for (let i = 0; i < remaining.length; i++) {
            const choices = options_[i]!.length;
            pick[i] = c % choices;
            c = Math.floor(c / choices);
          }
          const ms = remaining.map((m, i) => hypothetical(m, ...options_[i]![pick[i]!]!));
          merge(exact, ranges(computeTable([...counted, ...ms], tableOptions).rows));
        }
        outcomes.push({ results, ranges: exact });
        continue;
      }
      exhaustedScorelines = true;
    }
    outcomes.push({ results, ranges: range });
  }

  const teams: TeamOutlook[] = now.rows.map((row) => {
    const id = row.teamId;
    let best = Infinity;
    let worst = 0;
    for (const o of outcomes) {
      const [b, w] = o.ranges.get(id)!;
      best = Math.min(best, b);
      worst = Math.max(worst, w);
    }
    const own = remaining.map((m, i) => ({ m, i })).filter(({ m }) => m.home.id === id || m.away.id === id);
    const placesOut = places.map((k): PlaceOutlook => {
      if (worst <= k) return { top: k, status: 'clinched', enough: [], needs: `top ${k} secured` };
      if (best > k) return { top: k, status: 'lost', enough: [], needs: `top ${k} can no longer be reached` };
      const enough = sufficientResults(outcomes, own, id, k);
      return { top: k, status: 'open', enough, needs: describeNeeds(enough, own.length, k) };
    });
    return {
      team: row.team,
      teamId: id,
      points: row.points,
      rank: row.rank,
      remaining: remainingOf(id).length,
      best,
      worst,
      places: placesOut,
    };
  });
  const method: QualificationMethod = exhaustedScorelines ? 'results' : 'scorelines';
  const note =
    remaining.length === 0
      ? 'no matches remain'
      : method === 'scorelines'
        ? `every result of the ${remaining.length} remaining matches enumerated (${total} outcomes); where teams level on points straddle a place, every scoreline up to ${bound} goals a side was ranked under ${now.rules.id}`
        : `every result of the ${remaining.length} remaining matches enumerated; some ties on points across a place were too many scorelines to rank and are left open`;
  return { method, goalBound: bound, remaining, teams, note };
}

/** The smallest sets of a team's own results that keep it in the top k in every outcome. */
function sufficientResults(
  outcomes: readonly { results: Result[]; ranges: Map<string, [number, number]> }[],
  own: readonly { m: MatchResult; i: number }[],
  id: string,
  k: number,
): string[] {
  const found: Map<number, Result>[] = [];
  const enough = (fixed: Map<number, Result>) =>
    outcomes.every((o) => [...fixed].some(([i, r]) => o.results[i] !== r) || o.ranges.get(id)![1] <= k);
  // Partial assignments by size: a set is kept when it is enough and no smaller kept set is inside it.
  const assign = (from: number, fixed: Map<number, Result>, size: number): void => {
    if (fixed.size === size) {
      const inside = found.some((f) => [...f].every(([i, r]) => fixed.get(i) === r));
      if (!inside && enough(fixed)) found.push(new Map(fixed));
      return;
    }
    for (let j = from; j < own.length; j++) {
      for (const r of RESULTS) {
        fixed.set(own[j]!.i, r);
        assign(j + 1, fixed, size);
        fixed.delete(own[j]!.i);
      }
    }
  };
  for (let size = 1; size <= own.length; size++) assign(0, new Map(), size);
  return found.map((f) =>
    [...f].map(([i, r]) => outcomeWord(own.find((o) => o.i === i)!.m, id, r)).join(' and '),
  );
}

function describeNeeds(enough: readonly string[], ownRemaining: number, k: number): string {
  if (enough.length === 0)
    return ownRemaining === 0
      ? `depends on other results for the top ${k}`
      : `no result of its own is enough for the top ${k}: it depends on others`;
  const wins = enough.filter((e) => /^a win [^&]*$/.test(e) && !e.includes(' and '));
  const rest = enough.filter((e) => !wins.includes(e));
  const parts: string[] = [];
  if (wins.length > 1 && wins.length === ownRemaining)
    parts.push(`a win in ${ownRemaining === 2 ? 'either' : 'any'} remaining match`);
  else parts.push(...wins);
  parts.push(...rest);
  return `${parts.join(', or ')} is enough for the top ${k}`;
}

function pointsBounds(
  rows: readonly TableRow[],
  remaining: readonly MatchResult[],
  places: readonly number[],
  bound: number,
): Qualification {
  const left = (id: string) => remaining.filter((m) => m.home.id === id || m.away.id === id).length;
  const teams = rows.map((row): TeamOutlook => {
    const max = row.points + 3 * left(row.teamId);
    const canCatch = rows.filter(
      (o) => o.teamId !== row.teamId && o.points + 3 * left(o.teamId) >= row.points,
    ).length;
    const surelyAbove = rows.filter((o) => o.teamId !== row.teamId && o.points > max).length;
    const best = surelyAbove + 1;
    const worst = canCatch + 1;
    return {
      team: row.team,
      teamId: row.teamId,
      points: row.points,
      rank: row.rank,
      remaining: left(row.teamId),
      best,
      worst,
      places: places.map((k) =>
        worst <= k
          ? { top: k, status: 'clinched', enough: [], needs: `top ${k} secured on points alone` }
          : best > k
            ? { top: k, status: 'lost', enough: [], needs: `top ${k} can no longer be reached on points` }
            : {
                top: k,
                status: 'open',
                enough: [],
                needs: 'open (too many remaining matches to enumerate; points bounds only)',
              },
      ),
    };
  });
  return {
    method: 'points',
    goalBound: bound,
    remaining,
    teams,
    note: `${remaining.length} remaining matches are too many to enumerate: clinched and lost come from points bounds alone (a tie on points counts as possibly lost)`,
  };
}
