/**
 * Chart-ready series behind the pictures: a match's timeline on a minute axis split by period
 * (stoppage and extra time included), and table positions by matchday. Plain data, exported for
 * people who draw their own charts; src/render/svg.ts draws them, and so does the match centre.
 */
import type { MatchEvent, Side } from '../events/index.js';
import type { MatchState, TimelineStatus } from '../match/state.js';
import { periodLength, MS_PER_MINUTE } from '../time/index.js';
import { buildTable, type MatchResult, type TableOptions } from '../competition/index.js';

export interface AxisSegment {
  readonly period: number;
  /** "1st half", "2nd half", "ET 1", "ET 2", "Pens". */
  readonly label: string;
  /** Where the segment begins on the axis, in axis minutes from kick-off (periods laid end to end). */
  readonly start: number;
  /** The nominal length in minutes (45, 15; 0 for the shoot-out). */
  readonly nominal: number;
  /** The length drawn: the period as played, stoppage included (never shorter than nominal). */
  readonly length: number;
  /** Minutes of stoppage played beyond the nominal length, when known. */
  readonly stoppage: number;
}

export type MarkKind =
  | 'goal'
  | 'penaltyGoal'
  | 'ownGoal'
  | 'penaltyMissed'
  | 'yellow'
  | 'secondYellow'
  | 'red'
  | 'substitution'
  | 'var'
  | 'kickScored'
  | 'kickMissed';

export interface TimelineMark {
  readonly eventId: string;
  readonly kind: MarkKind;
  readonly side: Side | null;
  /** Display minute ("45+2'"). */
  readonly minute: string;
  /** Position on the axis, in axis minutes. */
  readonly x: number;
  /** Retracted or amended marks stay on the picture, drawn as corrected. */
  readonly status: TimelineStatus;
  readonly text: string;
}

export interface TimelineSeries {
  readonly home: string;
  readonly away: string;
  readonly score: { readonly home: number; readonly away: number };
  readonly segments: readonly AxisSegment[];
  /** The axis length in minutes (end of the last segment). */
  readonly length: number;
  readonly marks: readonly TimelineMark[];
}

const PERIOD_LABEL: Record<number, string> = {
  1: '1st half',
  2: '2nd half',
  3: 'ET 1',
  4: 'ET 2',
  5: 'Pens',
};
/** Axis width given to a shoot-out (it has no clock). */
const SHOOTOUT_WIDTH = 10;

function markKind(event: MatchEvent): MarkKind | null {
  switch (event.type) {
    case 'goal':
      return event.ownGoal ? 'ownGoal' : event.penalty ? 'penaltyGoal' : 'goal';
    case 'penaltyMissed':
      return 'penaltyMissed';
    case 'booking':
      return event.card;
    case 'substitution':
      return 'substitution';
    case 'varReviewStarted':
    case 'varReviewCompleted':
      return 'var';
    case 'shootoutKick':
      return event.outcome === 'scored' ? 'kickScored' : 'kickMissed';
    default:
      return null;
  }
}

/** The periods played (or being played) by a state, as axis segments. */
export function axisSegments(state: MatchState): AxisSegment[] {
  const played = new Set<number>();
  for (const e of state.log) if (e.at && e.at.period >= 1 && e.at.period <= 5) played.add(e.at.period);
  for (const p of state.periodLengths.keys()) played.add(p);
  // Draw both halves even before the second starts: the axis of a live match does not jump.
  played.add(1);
  played.add(2);
  const segments: AxisSegment[] = [];
  let start = 0;
  for (const period of [1, 2, 3, 4, 5]) {
    if (!played.has(period)) continue;
    if (period === 5) {
      segments.push({
        period,
        label: PERIOD_LABEL[5]!,
        start,
        nominal: 0,
        length: SHOOTOUT_WIDTH,
        stoppage: 0,
      });
      start += SHOOTOUT_WIDTH;
      continue;
    }
    const nominal = periodLength(period);
    const ended = state.periodLengths.get(period);
    const current = state.lastAt && state.lastAt.period === period ? state.lastAt.ms : 0;
    const playedMinutes = (ended ?? current) / MS_PER_MINUTE;
    const length = Math.max(nominal, playedMinutes);
    segments.push({
      period,
      label: PERIOD_LABEL[period]!,
      start,
      nominal,
      length,
      stoppage: length - nominal,
    });
    start += length;
  }
  return segments;
}

/** The timeline series of a folded match: every goal, card, substitution, VAR decision and kick. */
export function timelineSeries(state: MatchState): TimelineSeries {
  const segments = axisSegments(state);
  const byPeriod = new Map(segments.map((s) => [s.period, s]));
  const byId = new Map(state.log.map((e) => [e.id, e]));
  const marks: TimelineMark[] = [];
  let kicks = 0;
  const shootoutKicks = state.log.filter((e) => e.type === 'shootoutKick').length;
  for (const entry of state.timeline) {
    const event = byId.get(entry.eventId);
    if (!event) continue;
    const kind = markKind(event);
    if (!kind || !event.at) continue;
    const segment = byPeriod.get(event.at.period);
    if (!segment) continue;
    let x: number;
    if (event.at.period === 5) {
      kicks++;
      x = segment.start + (segment.length * kicks) / (shootoutKicks + 1);
    } else {
      const atInterval = 'atInterval' in event && event.atInterval === true;
      x = segment.start + (atInterval ? 0 : Math.min(segment.length, event.at.ms / MS_PER_MINUTE));
    }
    marks.push({
      eventId: entry.eventId,
      kind,
      side: entry.side,
      minute: entry.minute,
      x,
      status: entry.status,
      text: entry.text,
    });
  }
  const last = segments.at(-1)!;
  return {
    home: state.teams.home.name,
    away: state.teams.away.name,
    score: { home: state.score.home, away: state.score.away },
    segments,
    length: last.start + last.length,
    marks,
  };
}

export interface PositionsSeries {
  /** Matchday labels ("MD1"...), in order. */
  readonly matchdays: readonly string[];
  readonly teams: readonly {
    readonly teamId: string;
    readonly team: string;
    /** Rank after each matchday (1 = top); null before the team has a table row. */
    readonly ranks: readonly (number | null)[];
    readonly points: readonly (number | null)[];
  }[];
}

const MATCHDAY = /matchday\s*(\d+)/i;

/**
 * The matchday of each result: the number in its round ("Group stage matchday 3") when it has
 * one, otherwise one more than the most games either team had played before it (by kick-off).
 */
export function matchdaysOf(results: readonly MatchResult[]): Map<MatchResult, number> {
  const out = new Map<MatchResult, number>();
  const played = new Map<string, number>();
  const ordered = [...results].sort((a, b) => Date.parse(a.kickoff) - Date.parse(b.kickoff));
  for (const r of ordered) {
    const named = MATCHDAY.exec(r.fixture.round ?? '');
    const derived = Math.max(played.get(r.home.id) ?? 0, played.get(r.away.id) ?? 0) + 1;
    const day = named ? Number(named[1]) : derived;
    out.set(r, day);
    played.set(r.home.id, Math.max(played.get(r.home.id) ?? 0, day));
    played.set(r.away.id, Math.max(played.get(r.away.id) ?? 0, day));
  }
  return out;
}

/** Table positions after each matchday, by the same tie-breaks as the table itself. */
export function positionsSeries(
  results: readonly MatchResult[],
  options: TableOptions = {},
): PositionsSeries {
  const days = matchdaysOf(results);
  const last = Math.max(0, ...days.values());
  const teams = new Map<string, { team: string; ranks: (number | null)[]; points: (number | null)[] }>();
  for (const r of results)
    for (const t of [r.home, r.away])
      if (!teams.has(t.id)) teams.set(t.id, { team: t.name, ranks: [], points: [] });
  const matchdays: string[] = [];
  for (let day = 1; day <= last; day++) {
    matchdays.push(`MD${day}`);
    const upTo = results.filter((r) => (days.get(r) ?? 0) <= day);
    const rows = buildTable(upTo, options);
    for (const [id, t] of teams) {
      const row = rows.find((x) => x.teamId === id);
      t.ranks.push(row ? row.rank : null);
      t.points.push(row ? row.points : null);
    }
  }
  return {
    matchdays,
    teams: [...teams].map(([teamId, t]) => ({ teamId, team: t.team, ranks: t.ranks, points: t.points })),
  };
}
