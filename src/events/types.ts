/** Event types, generated from schemas/ (the single source of truth), plus a few derived helpers. */
// Instant and Score are also generated; the time and match modules own their public names.
export type {
  MatchEvent,
  FixtureEvent,
  LineupsEvent,
  PeriodStartedEvent,
  PeriodEndedEvent,
  GoalEvent,
  PenaltyMissedEvent,
  SubstitutionEvent,
  BookingEvent,
  AddedTimeEvent,
  ShootoutKickEvent,
  VarReviewStartedEvent,
  VarReviewCompletedEvent,
  EventAmendedEvent,
  EventRetractedEvent,
  CardRescindedEvent,
  MatchEndedEvent,
  MatchAbandonedEvent,
  ResultAwardedEvent,
  ResultRecordedEvent,
  ActionEvent,
  CompetitionDecisionEvent,
  Rules,
  Team,
  Player,
  TeamSheet,
  Source,
  MatchOfficial,
} from './generated.js';
import type { MatchEvent } from './generated.js';

export type EventType = MatchEvent['type'];
export type EventOf<T extends EventType> = Extract<MatchEvent, { type: T }>;
export type Side = 'home' | 'away';

export const EVENT_TYPES = [
  'fixture',
  'lineups',
  'periodStarted',
  'periodEnded',
  'goal',
  'penaltyMissed',
  'substitution',
  'booking',
  'addedTime',
  'shootoutKick',
  'varReviewStarted',
  'varReviewCompleted',
  'eventAmended',
  'eventRetracted',
  'cardRescinded',
  'matchEnded',
  'matchAbandoned',
  'resultAwarded',
  'resultRecorded',
  'action',
] as const satisfies readonly EventType[];

export function otherSide(side: Side): Side {
  return side === 'home' ? 'away' : 'home';
}
