/**
 * Chart-ready series behind the pictures: a match's timeline on a minute axis split by period
 * (stoppage and extra time included), and table positions by matchday. Plain data, exported for
 * people who draw their own charts; src/render/svg.ts draws them, and so does the match centre.
 */
import type { MatchEvent, Side } from '../events/index.js';
import type { MatchState, TimelineStatus } from '../match/state.js';
import { periodLength, MS_PER_MINUTE } from '../time/index.js';
import { positionsByMatchday, type MatchResult, type TableOptions } from '../competition/index.js';

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
    /** Rank after each matchday (1 = top); null before the team's first match. */
    readonly ranks: readonly (number | null)[];
  }[];
}

/** Table positions after each matchday (the competition module's series, labelled for drawing). */
export function positionsSeries(
  results: readonly MatchResult[],
  options: TableOptions = {},
): PositionsSeries {
  const { matchdays, series } = positionsByMatchday(results, options);
  return {
    matchdays: matchdays.map((md) => `MD${md}`),
    teams: [...series].map(([teamId, t]) => ({ teamId, team: t.team, ranks: t.ranks })),
  };
}
