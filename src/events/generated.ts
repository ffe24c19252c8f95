/* Generated from schemas/ by `npm run gen:types`. Do not edit by hand. */
/* eslint-disable */

/**
 * Any match event. Documentation and type generation only: validators dispatch on `type` to the per-type schema.
 */
export type MatchEvent =
  | FixtureEvent
  | LineupsEvent
  | PeriodStartedEvent
  | PeriodEndedEvent
  | GoalEvent
  | PenaltyMissedEvent
  | SubstitutionEvent
  | BookingEvent
  | AddedTimeEvent
  | ShootoutKickEvent
  | VarReviewStartedEvent
  | VarReviewCompletedEvent
  | EventAmendedEvent
  | EventRetractedEvent
  | CardRescindedEvent
  | MatchEndedEvent
  | MatchAbandonedEvent
  | ResultAwardedEvent
  | ResultRecordedEvent
  | ActionEvent;

/**
 * The fixture: who plays whom, where, when and under which rules. Pre-match.
 */
export interface FixtureEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'fixture';
  at?: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  competition: string;
  season: string;
  round: string;
  group?: string;
  leg: 1 | 2 | 'single';
  home: Team;
  away: Team;
  venue?: string;
  /**
   * The match officials (referee, assistants, fourth official, VAR), as the source names them.
   *
   * @maxItems 16
   */
  officials?:
    | []
    | [MatchOfficial]
    | [MatchOfficial, MatchOfficial]
    | [MatchOfficial, MatchOfficial, MatchOfficial]
    | [MatchOfficial, MatchOfficial, MatchOfficial, MatchOfficial]
    | [MatchOfficial, MatchOfficial, MatchOfficial, MatchOfficial, MatchOfficial]
    | [MatchOfficial, MatchOfficial, MatchOfficial, MatchOfficial, MatchOfficial, MatchOfficial]
    | [
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
      ]
    | [
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
      ]
    | [
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
      ]
    | [
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
      ]
    | [
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
      ]
    | [
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
      ]
    | [
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
      ]
    | [
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
      ]
    | [
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
      ]
    | [
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
        MatchOfficial,
      ];
  kickoff: string;
  rules: Rules;
  /**
   * What the stream records completely; false where the source was partial.
   */
  coverage?: {
    substitutions?: boolean;
    bookings?: boolean;
    /**
     * false when period lengths are the nominal or announced minimum, not measured
     */
    stoppageTime?: boolean;
  };
  notes?: string;
}
/**
 * A moment of the match: period and milliseconds since that period kicked off.
 */
export interface Instant {
  /**
   * 1-2 halves, 3-4 extra time, 5 shoot-out.
   */
  period: number;
  ms: number;
}
/**
 * Provenance for idempotent imports.
 */
export interface Source {
  provider: string;
  id: string;
  version?: number;
}
export interface Team {
  id: string;
  name: string;
  country?: string;
}
export interface MatchOfficial {
  role: 'referee' | 'assistant' | 'fourthOfficial' | 'var' | 'assistantVar' | 'other';
  name: string;
  id?: string;
  nationality?: string;
}
/**
 * The rules preset that governs a match (rulebook R-SUB-1, R-TIE-1).
 */
export interface Rules {
  maxSubs: number;
  /**
   * null = unlimited
   */
  maxOpportunities: number | null;
  /**
   * Extra time may be played (a second leg or single match).
   */
  extraTime: boolean;
  shootout: boolean;
  extraTimeExtraSub: boolean;
  concussionSubs: boolean;
  awayGoals: 'none' | 'afterNormalTime' | 'afterNormalTimeAndExtraTime';
  shootoutOrder?: 'AB' | 'ABBA';
}
/**
 * Starting elevens and named substitutes. Pre-match.
 */
export interface LineupsEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'lineups';
  at?: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  home: TeamSheet;
  away: TeamSheet;
}
export interface TeamSheet {
  /**
   * @maxItems 11
   */
  starting:
    | []
    | [Player]
    | [Player, Player]
    | [Player, Player, Player]
    | [Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player, Player, Player, Player, Player];
  /**
   * @maxItems 23
   */
  substitutes: Player[];
  /**
   * @maxItems 16
   */
  officials?:
    | []
    | [Player]
    | [Player, Player]
    | [Player, Player, Player]
    | [Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player, Player, Player, Player, Player, Player]
    | [Player, Player, Player, Player, Player, Player, Player, Player, Player, Player, Player, Player, Player]
    | [
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
      ]
    | [
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
      ]
    | [
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
        Player,
      ];
}
export interface Player {
  id: string;
  /**
   * The name the player is known by (a nickname or common name when the source has one).
   */
  name: string;
  /**
   * The full or legal name, when the source gives one that differs from name.
   */
  fullName?: string;
  shirt?: number;
  position?: string;
}
/**
 * Kick-off of the period in `at.period` (ms is 0).
 */
export interface PeriodStartedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'periodStarted';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
}
/**
 * End of the period in `at.period`; `at.ms` is its actual length.
 */
export interface PeriodEndedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'periodEnded';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
}
/**
 * A goal. `team` is the side credited (benefiting); own goal iff scorerTeam differs.
 */
export interface GoalEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'goal';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * The team by fixture designation, never by venue.
   */
  team: 'home' | 'away';
  scorer?: string;
  /**
   * The team by fixture designation, never by venue.
   */
  scorerTeam: 'home' | 'away';
  assist?: string;
  penalty: boolean;
  ownGoal: boolean;
  /**
   * The scorer's name as the source gave it, for sources without player ids.
   */
  scorerName?: string;
}
/**
 * A penalty in play that was not scored.
 */
export interface PenaltyMissedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'penaltyMissed';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * The team by fixture designation, never by venue.
   */
  team: 'home' | 'away';
  taker: string;
  outcome: 'saved' | 'offTarget' | 'woodwork';
}
/**
 * A substitution; `atInterval` when made before the kick-off of `at.period`.
 */
export interface SubstitutionEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'substitution';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * The team by fixture designation, never by venue.
   */
  team: 'home' | 'away';
  playerOff: string;
  playerOn: string;
  kind: 'normal' | 'concussion' | 'additional';
  atInterval: boolean;
  opportunityId?: string;
}
/**
 * A card to a player, substitute or team official. Exactly one of player and official.
 */
export interface BookingEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'booking';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * The team by fixture designation, never by venue.
   */
  team: 'home' | 'away';
  player?: string;
  official?: string;
  card: 'yellow' | 'secondYellow' | 'red';
  reason?: string;
  atInterval?: boolean;
}
/**
 * Added time announced (+N minutes). Informational; never ends a period.
 */
export interface AddedTimeEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'addedTime';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  minutes: number;
}
/**
 * A kick from the penalty mark (period 5). Never a goal.
 */
export interface ShootoutKickEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'shootoutKick';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * The team by fixture designation, never by venue.
   */
  team: 'home' | 'away';
  taker: string;
  outcome: 'scored' | 'saved' | 'missed' | 'woodwork';
}
/**
 * A VAR review begins (informational; facts stand until corrected).
 */
export interface VarReviewStartedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'varReviewStarted';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * Unique within its stream.
   */
  target?: string;
  category: 'goal' | 'penalty' | 'redCard' | 'mistakenIdentity';
}
/**
 * A VAR review ends. An overturn is applied by an eventAmended/eventRetracted event.
 */
export interface VarReviewCompletedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'varReviewCompleted';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * Unique within its stream.
   */
  target?: string;
  category: 'goal' | 'penalty' | 'redCard' | 'mistakenIdentity';
  outcome: 'upheld' | 'overturned';
}
/**
 * A correction: the target event with some fields replaced, folded at the target instant.
 */
export interface EventAmendedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'eventAmended';
  at?: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * Unique within its stream.
   */
  target: string;
  patch: {
    /**
     * The team by fixture designation, never by venue.
     */
    team?: 'home' | 'away';
    scorer?: string;
    /**
     * The team by fixture designation, never by venue.
     */
    scorerTeam?: 'home' | 'away';
    assist?: string;
    penalty?: boolean;
    ownGoal?: boolean;
    card?: 'yellow' | 'secondYellow' | 'red';
    player?: string;
    playerOff?: string;
    playerOn?: string;
    at?: Instant;
  };
  reason: 'var' | 'feedCorrection' | 'scoutError' | 'goalPanel' | 'other';
}
/**
 * A correction: the target event never counted.
 */
export interface EventRetractedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'eventRetracted';
  at?: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * Unique within its stream.
   */
  target: string;
  reason: 'var' | 'feedDeletion' | 'scoutError' | 'other';
}
/**
 * A card rescinded on appeal after the match: discipline only, never on-pitch history.
 */
export interface CardRescindedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'cardRescinded';
  at?: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * Unique within its stream.
   */
  target: string;
  reason?: string;
}
/**
 * Full time (after the last period played).
 */
export interface MatchEndedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'matchEnded';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
}
/**
 * The match was abandoned; the result stays pending until awarded.
 */
export interface MatchAbandonedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'matchAbandoned';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  reason: string;
}
/**
 * An administrative result (forfeit). Counts in tables and aggregates, credits no player.
 */
export interface ResultAwardedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'resultAwarded';
  at?: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  home: number;
  away: number;
  reason: string;
}
/**
 * The official scores of a match: alone for a historical match known only by its scores, or after a played stream to confirm it (and to add a shoot-out known only by its score).
 */
export interface ResultRecordedEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'resultRecorded';
  at?: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  fullTime: Score;
  halfTime?: Score;
  afterExtraTime?: Score;
  shootout?: Score;
}
export interface Score {
  home: number;
  away: number;
}
/**
 * An on-ball action kept from a provider feed (pass, carry, pressure, ...). It changes no state but marks play: it keeps time order and separates substitution opportunities.
 */
export interface ActionEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'action';
  at: Instant;
  /**
   * The minute label as the source gave it, e.g. "45+2'"; display only.
   */
  clock?: string;
  source?: Source;
  /**
   * The team by fixture designation, never by venue.
   */
  team: 'home' | 'away';
  player?: string;
  /**
   * The provider's action type, e.g. Pass.
   */
  kind: string;
  outcome?: string;
}

/**
 * A decision of the competition, kept in a competition stream (not a match stream): a points deduction, a match cancelled, or a result awarded. Tables apply it from its date. Which fields a decision needs (team and points, match, the awarded score) is checked by checkDecision.
 */
export interface CompetitionDecisionEvent {
  /**
   * Unique within its stream.
   */
  id: string;
  type: 'competitionDecision';
  source?: Source;
  competition: string;
  season: string;
  decision: 'pointsDeduction' | 'matchCancelled' | 'resultAwarded';
  /**
   * The day the decision takes effect in the table.
   */
  date: string;
  team?: Team;
  /**
   * pointsDeduction: how many points are deducted.
   */
  points?: number;
  /**
   * matchCancelled, resultAwarded: the match's fixture event id (or its stream id).
   */
  match?: string;
  /**
   * resultAwarded: the awarded score of the designated home team.
   */
  home?: number;
  away?: number;
  reason: string;
}
