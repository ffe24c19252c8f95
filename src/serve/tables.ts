/**
 * Live tables: a competition, season and group, recomputed from the hub's folds as goals land and
 * corrections arrive. A match being played counts at its current score (a live table); rows say
 * which criterion decided their place.
 */
import type { FixtureEvent } from '../events/index.js';
import {
  computeTable,
  toMatchResult,
  type MatchResult,
  type RuleSet,
  type TableRow,
} from '../competition/index.js';
import type { MatchState } from '../match/index.js';
import type { Hub, LiveStream } from './hub.js';

export interface GroupKey {
  readonly competition: string;
  readonly season: string;
  readonly group: string | null;
}

export function groupKeyOf(fixture: FixtureEvent): GroupKey {
  return { competition: fixture.competition, season: fixture.season, group: fixture.group ?? null };
}

export function sameGroup(a: GroupKey, b: GroupKey): boolean {
  return a.competition === b.competition && a.season === b.season && a.group === b.group;
}

/** A match as a live table counts it (a match in progress at its current score), once it has a fixture. */
export function liveResult(state: MatchState, id: string): MatchResult | null {
  return state.fixture ? toMatchResult(state, id) : null;
}

export interface LiveTable extends GroupKey {
  readonly rules: { readonly id: string; readonly description: string };
  readonly rows: readonly TableRow[];
  /** Live matches, awarded results, deductions: lines to show under the table. */
  readonly notes: readonly string[];
  /** The matches counted, with whether each is still being played. */
  readonly matches: readonly {
    readonly streamId: string;
    readonly status: MatchState['status'];
    readonly home: string;
    readonly away: string;
    readonly score: { readonly home: number; readonly away: number };
  }[];
  /** Results of every counted match, for clients that recompute the table (e.g. while replaying). */
  readonly results: readonly MatchResult[];
}

function streamsOf(hub: Hub, key: GroupKey): LiveStream[] {
  return hub.all().filter((s) => s.state.fixture !== null && sameGroup(groupKeyOf(s.state.fixture), key));
}

export function liveTable(hub: Hub, key: GroupKey, rules?: RuleSet): LiveTable {
  const counted: { stream: LiveStream; result: MatchResult }[] = [];
  for (const stream of streamsOf(hub, key)) {
    const result = liveResult(stream.state, stream.id);
    if (result) counted.push({ stream, result });
  }
  const results = counted.map((c) => c.result);
  const table = computeTable(results, { live: true, ...(rules ? { rules } : {}) });
  return {
    ...key,
    rules: { id: table.rules.id, description: table.rules.description },
    rows: table.rows,
    notes: table.notes,
    matches: counted.map(({ stream, result }) => ({
      streamId: stream.id,
      status: stream.state.status,
      home: result.home.name,
      away: result.away.name,
      score: result.score,
    })),
    results,
  };
}

/** Every competition, season and group the store holds, with its streams. */
export function groupsOf(hub: Hub): (GroupKey & { readonly streams: readonly string[] })[] {
  const groups: (GroupKey & { streams: string[] })[] = [];
  for (const stream of hub.all()) {
    if (!stream.state.fixture) continue;
    const key = groupKeyOf(stream.state.fixture);
    const known = groups.find((g) => sameGroup(g, key));
    if (known) known.streams.push(stream.id);
    else groups.push({ ...key, streams: [stream.id] });
  }
  return groups;
}
