/**
 * What the server says about each stored event: a delta by event id (`add`, `amend`, `retract`)
 * and the frame after it (a scoreboard: period, minute, added time, score). Pure functions of the
 * event and the state; the hub encodes each once and every client shares the bytes.
 */
import type { MatchEvent, Side } from '../events/index.js';
import { displayMinute } from '../time/index.js';
import type { MatchState } from '../match/state.js';
import { minuteOf } from '../match/describe.js';

export type DeltaOp = 'add' | 'amend' | 'retract';

export interface Delta {
  /** The stream version after this event (also the SSE id). */
  readonly version: number;
  readonly op: DeltaOp;
  /** The id of the event the delta is about: the new event, or the corrected one. */
  readonly eventId: string;
  /** The event as stored (for amend/retract, the correction itself). */
  readonly event: MatchEvent;
  /** For amend: the fields that changed. */
  readonly patch?: Readonly<Record<string, unknown>>;
}

export function deltaOf(version: number, event: MatchEvent): Delta {
  switch (event.type) {
    case 'eventAmended':
      return { version, op: 'amend', eventId: event.target, event, patch: event.patch };
    case 'cardRescinded':
      return { version, op: 'amend', eventId: event.target, event, patch: { rescinded: true } };
    case 'eventRetracted':
      return { version, op: 'retract', eventId: event.target, event };
    default:
      return { version, op: 'add', eventId: event.id, event };
  }
}

export interface Scoreboard {
  readonly version: number;
  readonly status: MatchState['status'];
  readonly period: number;
  /** The display minute of the last timed event ("45+2'"), or "pre" before kick-off. */
  readonly minute: string;
  /** Added time announced for the current period, in minutes (null when none was announced). */
  readonly addedTime: number | null;
  readonly home: { readonly id: string; readonly name: string; readonly score: number };
  readonly away: { readonly id: string; readonly name: string; readonly score: number };
  readonly shootout: { readonly home: number; readonly away: number } | null;
}

export function scoreboardOf(state: MatchState): Scoreboard {
  const at = state.lastAt;
  return {
    version: state.version,
    status: state.status,
    period: state.period,
    minute: at ? displayMinute(at) : state.status === 'scheduled' ? 'pre' : 'post',
    addedTime: state.addedTime.get(state.period) ?? null,
    home: { id: state.teams.home.id, name: state.teams.home.name, score: state.score.home },
    away: { id: state.teams.away.id, name: state.teams.away.name, score: state.score.away },
    shootout: state.shootout ? { home: state.shootout.score.home, away: state.shootout.score.away } : null,
  };
}

/** What a filter looks at: the type and team of the event a delta is about. */
export interface DeltaMeta {
  readonly type: MatchEvent['type'];
  readonly side: Side | null;
  /** The display minute of the event (for frames per minute). */
  readonly minute: string;
}

export function metaOf(event: MatchEvent, state: MatchState): DeltaMeta {
  // A correction is filed under the event it corrects, so a goal filter sees a goal's retraction.
  const targetId =
    event.type === 'eventAmended' || event.type === 'eventRetracted' || event.type === 'cardRescinded'
      ? event.target
      : null;
  const index = targetId === null ? undefined : state.eventIndex.get(targetId);
  const subject = index === undefined ? event : (state.log[index] ?? event);
  const side =
    'team' in subject && (subject.team === 'home' || subject.team === 'away') ? subject.team : null;
  return { type: subject.type, side, minute: minuteOf(event) };
}

export interface DeltaFilter {
  /** Event types to deliver (all when empty). */
  readonly types: ReadonlySet<string>;
  /** home, away, or a team id (all when null). */
  readonly team: string | null;
}

export function passes(filter: DeltaFilter, meta: DeltaMeta, state: MatchState): boolean {
  if (filter.types.size > 0 && !filter.types.has(meta.type)) return false;
  if (filter.team === null) return true;
  if (meta.side === null) return false;
  return filter.team === meta.side || filter.team === state.teams[meta.side].id;
}
