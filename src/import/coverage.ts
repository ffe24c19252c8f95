/**
 * What each provider importer gives the engine, as data (kloppy keeps such a matrix too): for every
 * event type, and the fields that vary most between feeds, whether the importer reads it from the
 * feed (`parsed`), derives it by a rule (`inferred`), leaves out something the feed has
 * (`not-read`), or cannot have it because the feed does not carry it (`not-in-feed`). A `parsed`
 * cell names the fixture (under test/fixtures/) that has one; test/import-coverage.test.ts imports
 * it with the real importer and checks. `npm run gen:coverage` writes the table in docs/import.md.
 */
import type { EventType, MatchEvent } from '../events/index.js';

export type CoverageStatus = 'parsed' | 'inferred' | 'not-read' | 'not-in-feed';

export interface CoverageFeature {
  /** `goal`, or `goal.assist` for a field. */
  readonly key: string;
  readonly type: EventType;
  /** A field of the event that must be present (not undefined, not false, not empty). */
  readonly field?: string;
  /** The value the field must have, when the feature is one value (a second yellow card). */
  readonly value?: string;
}

export interface CoverageCell {
  readonly status: CoverageStatus;
  /** One short sentence: where it comes from, or why it is not there. */
  readonly rule: string;
  /** A file under test/fixtures/ whose import has one (every `parsed` cell that a fixture exercises). */
  readonly fixture?: string;
}

const f = (type: EventType, field?: string, value?: string): CoverageFeature => ({
  key: field ? `${type}.${field}${value ? `=${value}` : ''}` : type,
  type,
  ...(field ? { field } : {}),
  ...(value ? { value } : {}),
});

export const COVERAGE_FEATURES = [
  f('fixture'),
  f('fixture', 'venue'),
  f('fixture', 'group'),
  f('lineups'),
  f('lineups', 'shirt'),
  f('lineups', 'position'),
  f('lineups', 'officials'),
  f('periodStarted'),
  f('periodEnded'),
  f('goal'),
  f('goal', 'assist'),
  f('goal', 'penalty'),
  f('goal', 'ownGoal'),
  f('penaltyMissed'),
  f('substitution'),
  f('booking'),
  f('booking', 'card', 'secondYellow'),
  f('booking', 'reason'),
  f('addedTime'),
  f('shootoutKick'),
  f('varReviewStarted'),
  f('varReviewCompleted'),
  f('eventAmended'),
  f('eventRetracted'),
  f('cardRescinded'),
  f('matchEnded'),
  f('matchAbandoned'),
  f('resultAwarded'),
  f('resultRecorded'),
  f('action'),
] as const satisfies readonly CoverageFeature[];

export const COVERAGE_PROVIDERS = [
  'statsbomb',
  'opta',
  'statsperform',
  'wyscout',
  'datafactory',
  'metrica',
  'sportec',
  'openfootball',
] as const;
export type CoverageProvider = (typeof COVERAGE_PROVIDERS)[number];

const present = (value: unknown) =>
  value !== undefined && value !== null && value !== false && !(Array.isArray(value) && value.length === 0);

/** Whether one event shows the feature (for a line-ups field: any player or team sheet has it). */
export function showsFeature(event: MatchEvent, feature: CoverageFeature): boolean {
  if (event.type !== feature.type) return false;
  const { field, value } = feature;
  if (!field) return true;
  if (event.type === 'lineups') {
    const sheets = [event.home, event.away];
    if (field === 'officials') return sheets.some((s) => present(s.officials));
    return sheets.some((s) =>
      [...s.starting, ...s.substitutes].some((p) =>
        present((p as unknown as Record<string, unknown>)[field]),
      ),
    );
  }
  const v = (event as unknown as Record<string, unknown>)[field];
  return value === undefined ? present(v) : v === value;
}

const SB1 = 'statsbomb/events/3788741.json';
const SB3 = 'statsbomb/excerpts/3869685-events-4371-4407.json';
const OPTA = 'providers/opta/opta_f24.xml';
const SP = 'providers/statsperform/statsperform_event_ma3.json';
const WY2 = 'providers/wyscout/wyscout_events_v2.json';
const WY3 = 'providers/wyscout/v3/pr_393/wyscout_events_v3.json';
const DF = 'providers/datafactory/datafactory_events.json';
const MT = 'providers/metrica/metrica_events.json';
const DFL = 'providers/sportec/sportec_events.xml';
const OF = 'openfootball/worldcup/2018--russia/cup.txt';
const OF_EL = 'openfootball/champions-league/2020-21/el.txt';

const parsed = (rule: string, fixture?: string): CoverageCell => ({
  status: 'parsed',
  rule,
  ...(fixture ? { fixture } : {}),
});
const inferred = (rule: string, fixture?: string): CoverageCell => ({
  status: 'inferred',
  rule,
  ...(fixture ? { fixture } : {}),
});
const notRead = (rule: string): CoverageCell => ({ status: 'not-read', rule });
const none = (rule: string): CoverageCell => ({ status: 'not-in-feed', rule });

const noVar = none('the feed has no VAR review records');
const reimport = inferred(
  'changesSince: a newer snapshot compared by provider id (a changed goal, card, change or action)',
);
const noRescind = none('the feed has no record of a card withdrawn');
const noAbandon = none('the feed has no abandoned-match status the importer could read');
const noAward = none('the feed has no awarded result');

export const COVERAGE: Record<CoverageProvider, Readonly<Record<string, CoverageCell>>> = {
  statsbomb: {
    fixture: parsed('the two teams of the lineups file; date, round and venue from matches.json', SB1),
    'fixture.venue': parsed('matches.json stadium.name (no fixture ships a matches file)'),
    'fixture.group': none('matches.json has competition_stage, no group'),
    lineups: parsed('the lineups file; starters are the Starting XI positions', SB1),
    'lineups.shirt': parsed('jersey_number', SB1),
    'lineups.position': parsed("the starter's Starting XI position", SB1),
    'lineups.officials': notRead('matches.json managers are not read'),
    periodStarted: parsed('Half Start (type 18), one per period', SB1),
    periodEnded: parsed('Half End (type 34), one per period', SB1),
    goal: parsed('Shot with outcome Goal, and Own Goal Against', SB1),
    'goal.assist': notRead('shot.key_pass_id / pass.goal_assist are not read'),
    'goal.penalty': parsed('shot.type Penalty (no fixture has a penalty goal)'),
    'goal.ownGoal': parsed('Own Goal Against (type 20)', SB1),
    penaltyMissed: parsed('a Penalty shot that is not a goal, outside period 5 (no fixture has one)'),
    substitution: parsed('Substitution events, with interval changes and opportunities', SB1),
    booking: parsed('foul_committed.card / bad_behaviour.card', SB1),
    'booking.card=secondYellow': parsed('card Second Yellow (no fixture has one)'),
    'booking.reason': parsed('the event type name (Foul Committed, Bad Behaviour)', SB1),
    addedTime: none('StatsBomb has no added-time announcement'),
    shootoutKick: parsed('shots in period 5, outcome from shot.outcome', SB3),
    varReviewStarted: noVar,
    varReviewCompleted: noVar,
    eventAmended: reimport,
    eventRetracted: inferred('changesSince: an event id the newer snapshot no longer has'),
    cardRescinded: noRescind,
    matchEnded: inferred('after the last Half End', SB1),
    matchAbandoned: noAbandon,
    resultAwarded: noAward,
    resultRecorded: parsed(
      'matches.json home_score/away_score when the events agree (no fixture ships a matches file)',
    ),
    action: parsed('every other event with a team, with keepActions', SB1),
  },
  opta: {
    fixture: parsed('F7 teams, kick-off with its offset, competition and season', OPTA),
    'fixture.venue': parsed('F7 Venue Name (the fixture F7 has none)'),
    'fixture.group': none('F7/F24 name no group'),
    lineups: parsed('F7 TeamData PlayerLineUp, Start/Sub status', OPTA),
    'lineups.shirt': parsed('F7 ShirtNumber', OPTA),
    'lineups.position': parsed('F7 Position', OPTA),
    'lineups.officials': parsed('F7 TeamOfficial', OPTA),
    periodStarted: parsed('F24 type 32 (start)', OPTA),
    periodEnded: parsed('F24 type 30 (end)', OPTA),
    goal: parsed('F24 type 16', OPTA),
    'goal.assist': parsed('the F7 Goal record’s assist (the fixture F7 has none)'),
    'goal.penalty': parsed('qualifier 9 on type 16', OPTA),
    'goal.ownGoal': parsed('qualifier 28 on type 16', OPTA),
    penaltyMissed: parsed('qualifier 9 on a missed, saved or post shot (types 13-15; no fixture has one)'),
    substitution: parsed('type 18 (off) paired with type 19 (on)', OPTA),
    booking: parsed('type 17, card from qualifiers 31/32/33', OPTA),
    'booking.card=secondYellow': parsed('qualifier 32 (no fixture has one)'),
    'booking.reason': notRead('card reason qualifiers are not read'),
    addedTime: notRead('no added-time coding is read (what the F24 carries for it was not checked)'),
    shootoutKick: parsed('type 16 and shot types in period 5 (the fixture has none)'),
    varReviewStarted: notRead('no VAR coding is read (what the F24 carries for it was not checked)'),
    varReviewCompleted: notRead('no VAR coding is read (what the F24 carries for it was not checked)'),
    eventAmended: reimport,
    eventRetracted: inferred('changesSince: a type 43 deletion in a newer snapshot, listed in `deleted`'),
    cardRescinded: noRescind,
    matchEnded: inferred('after the last period end', OPTA),
    matchAbandoned: noAbandon,
    resultAwarded: noAward,
    resultRecorded: notRead('the F7 score is a checkpoint only (it has no half-time split to record)'),
    action: parsed('every other F24 record, by Opta type name, with keepActions', OPTA),
  },
  statsperform: {
    fixture: parsed('MA1 matchInfo: contestants, date and time (UTC), competition, week', SP),
    'fixture.venue': parsed('MA1 venue.longName', SP),
    'fixture.group': none('MA1 names a stage and week, no group'),
    lineups: parsed('MA1 lineUp players; a starter is any position but Substitute', SP),
    'lineups.shirt': parsed('shirtNumber', SP),
    'lineups.position': parsed('position (subPosition for a substitute)', SP),
    'lineups.officials': parsed('lineUp teamOfficial, and officials the MA1 books', SP),
    periodStarted: parsed('MA1/MA3 matchDetails.period, one per period', SP),
    periodEnded: parsed('the period’s lengthMin/lengthSec', SP),
    goal: parsed('MA3 type 16 (MA1 goal without an MA3)', SP),
    'goal.assist': parsed('MA1 goal assistPlayerId', SP),
    'goal.penalty': parsed('qualifier 9 / MA1 goal type PG', SP),
    'goal.ownGoal': parsed('qualifier 28 / MA1 goal type OG (no fixture has one)'),
    penaltyMissed: parsed('qualifier 9 on a missed shot (no fixture has one)'),
    substitution: parsed('MA3 types 18/19 (MA1 substitute without an MA3)', SP),
    booking: parsed('MA3 type 17 (MA1 card without an MA3)', SP),
    'booking.card=secondYellow': parsed('qualifier 32 / MA1 card Y2C', SP),
    'booking.reason': parsed('MA1 card cardReason, when the MA1 alone is read (no fixture)'),
    addedTime: notRead('no added-time coding is read (what the MA3 carries for it was not checked)'),
    shootoutKick: parsed('MA3 shots in period 5 (no fixture has a shoot-out)'),
    varReviewStarted: notRead('no VAR record is read (what the MA1/MA3 carry for it was not checked)'),
    varReviewCompleted: notRead('no VAR record is read (what the MA1/MA3 carry for it was not checked)'),
    eventAmended: reimport,
    eventRetracted: inferred('changesSince: a type 43 deletion in a newer snapshot, listed in `deleted`'),
    cardRescinded: noRescind,
    matchEnded: inferred('after the last period end', SP),
    matchAbandoned: notRead('matchStatus other than Played is not read'),
    resultAwarded: noAward,
    resultRecorded: parsed('MA1 scores (ht, ft, et) when the events agree', SP),
    action: parsed('every other MA3 record, by Opta type name, with keepActions', SP),
  },
  wyscout: {
    fixture: parsed('v2 match sheet teams and dateutc (or options); v3 match and teams', WY2),
    'fixture.venue': parsed('v2 match sheet venue', WY2),
    'fixture.group': none('neither version names a group'),
    lineups: parsed('v2 match sheet formation lineup/bench; v3 formations', WY2),
    'lineups.shirt': parsed('v3 shirtNumber (v2 has none)', WY3),
    'lineups.position': parsed('v2 players role; v3 position', WY2),
    'lineups.officials': notRead('the coachId is not read'),
    periodStarted: inferred('no period events: each period starts at its kick-off (0:00)', WY2),
    periodEnded: inferred('no period events: at the period’s last event', WY2),
    goal: parsed('v2 tag 101 on a shot (or tag 102 own goal); v3 shot.isGoal / own_goal', WY2),
    'goal.assist': notRead('v2 tag 301 / v3 assist fields are not read'),
    'goal.penalty': parsed('v2 free kick subtype 35; v3 type penalty (no fixture has a penalty goal)'),
    'goal.ownGoal': parsed('v2 tag 102; v3 own_goal', WY3),
    penaltyMissed: parsed('v2 subtype 35 without tag 101; v3 penalty not a goal', WY2),
    substitution: parsed('v2 match sheet substitutions, by minute after the last touch off', WY2),
    booking: parsed('v2 tags 1702/1701/1703; v3 infraction', WY2),
    'booking.card=secondYellow': parsed('v2 tag 1703; v3 second_yellow_card (no fixture has one)'),
    'booking.reason': none('Wyscout gives the foul, not a card reason'),
    addedTime: none('Wyscout has no added-time record'),
    shootoutKick: parsed('shots in period P (5), tag 101 scored (no fixture has a shoot-out)'),
    varReviewStarted: none('Wyscout v2/v3 events have no VAR review'),
    varReviewCompleted: none('Wyscout v2/v3 events have no VAR review'),
    eventAmended: reimport,
    eventRetracted: inferred('changesSince: an event id the newer snapshot no longer has'),
    cardRescinded: noRescind,
    matchEnded: inferred('after the last period end', WY2),
    matchAbandoned: noAbandon,
    resultAwarded: noAward,
    resultRecorded: parsed('v2 match sheet score / scoreHT / scoreP when the events agree', WY2),
    action: parsed('every other event, by Wyscout type name, with keepActions', WY2),
  },
  datafactory: {
    fixture: parsed('match teams, local date and time with the stadium offset, week', DF),
    'fixture.venue': parsed('venueInformation.venue.venueName', DF),
    'fixture.group': none('the feed names a week, no group'),
    lineups: parsed('players (the coach aside), starters where substitute is false', DF),
    'lineups.shirt': parsed('squadNo', DF),
    'lineups.position': notRead('posnId is used for the coach only'),
    'lineups.officials': parsed('the coach (posnId 5)', DF),
    periodStarted: parsed('status incidences (start types)', DF),
    periodEnded: parsed('status incidences (end types, type 2 match end)', DF),
    goal: parsed('goals incidences (types 9-13)', DF),
    'goal.assist': parsed('goal assBy', DF),
    'goal.penalty': parsed('goal type 13', DF),
    'goal.ownGoal': parsed('goal type 10', DF),
    penaltyMissed: parsed('shots incidences of a missed-penalty type (no fixture has one)'),
    substitution: parsed('substitutions incidences', DF),
    booking: parsed('yellowCards / redCards incidences', DF),
    'booking.card=secondYellow': parsed('card type 4 (no fixture has one)'),
    'booking.reason': none('the card incidences give no reason'),
    addedTime: none('the feed has no added-time incidence'),
    shootoutKick: parsed('penaltyShootout incidences (no fixture has a shoot-out)'),
    varReviewStarted: notRead('no VAR incidence is read (whether the feed has one was not checked)'),
    varReviewCompleted: notRead('no VAR incidence is read (whether the feed has one was not checked)'),
    eventAmended: reimport,
    eventRetracted: inferred('changesSince: deletedIncidences in a newer snapshot, listed in `deleted`'),
    cardRescinded: noRescind,
    matchEnded: inferred('after the last period end', DF),
    matchAbandoned: noAbandon,
    resultAwarded: noAward,
    resultRecorded: parsed('scoreStatus when the events agree', DF),
    action: parsed('the on-ball incidence classes, with keepActions', DF),
  },
  metrica: {
    fixture: parsed(
      'the two teams of the events (home: the first, or the one given); the kick-off is given, the file has no date',
      MT,
    ),
    'fixture.venue': none('no match sheet: no venue'),
    'fixture.group': none('no match sheet: no competition, round or group'),
    lineups: inferred('who appears: each team in order of first appearance, the first eleven start', MT),
    'lineups.shirt': none('no metadata file: players are the anonymised "Player N" with an id'),
    'lineups.position': none('no metadata file: no positions'),
    'lineups.officials': none('no officials in the events'),
    periodStarted: parsed(
      'the period field; its clock starts at its first event (the KICK OFF set piece)',
      MT,
    ),
    periodEnded: parsed('the end.time of the END HALF subtype (else of the period’s last event)', MT),
    goal: parsed('SHOT with subtype GOAL (a GOAL subtype on another type is not a goal)', MT),
    'goal.assist': none('no assist field (the pass before a shot is not taken as one)'),
    'goal.penalty': parsed(
      'a SHOT with subtype PENALTY or after its team’s SET PIECE PENALTY (no fixture has one)',
    ),
    'goal.ownGoal': none('the file’s metadata lists no own-goal type or subtype'),
    penaltyMissed: parsed('a penalty SHOT without GOAL (no fixture has one)'),
    substitution: none(
      'no substitution events: players who come on just appear (fixture coverage.substitutions false)',
    ),
    booking: parsed('CARD with subtype YELLOW or RED', MT),
    'booking.card=secondYellow': inferred('a second YELLOW CARD for the same player (no fixture has one)'),
    'booking.reason': none('CARD has no reason'),
    addedTime: none('no added-time record'),
    shootoutKick: parsed('SHOTs in period 5, GOAL subtype scored (no fixture has a shoot-out)'),
    varReviewStarted: noVar,
    varReviewCompleted: noVar,
    eventAmended: reimport,
    eventRetracted: none(
      'the feed marks no deletions (changesSince retracts listed deletions only, not an index a newer snapshot lacks)',
    ),
    cardRescinded: noRescind,
    matchEnded: inferred('after the last period end', MT),
    matchAbandoned: noAbandon,
    resultAwarded: noAward,
    resultRecorded: none('no match sheet: the score is the goals’ sum, nothing records or checks it'),
    action: parsed('every other event, kind "TYPE: SUBTYPES", with keepActions', MT),
  },
  sportec: {
    fixture: parsed(
      'MatchInformation General: teams (Role home/guest), planned kick-off with its offset, competition, season, matchday',
      DFL,
    ),
    'fixture.venue': parsed('Environment StadiumName', DFL),
    'fixture.group': none('a league feed: MatchDay, no group'),
    lineups: parsed('Teams Players with Starting true/false; name Shortname, full name First and Last', DFL),
    'lineups.shirt': parsed('ShirtNumber', DFL),
    'lineups.position': parsed('PlayingPosition', DFL),
    'lineups.officials': parsed('TrainerStaff Trainer Role headcoach', DFL),
    periodStarted: parsed('KickOff with a GameSection', DFL),
    periodEnded: parsed('FinalWhistle of the GameSection (else the sheet’s TotalTime of the half)', DFL),
    goal: parsed('ShotAtGoal > SuccessfulShot, and OwnGoal (TeamOwnGoalCountsFor credited)', DFL),
    'goal.assist': parsed('SuccessfulShot Assist', DFL),
    'goal.penalty': parsed('a SuccessfulShot inside a Penalty set piece (no fixture has one)'),
    'goal.ownGoal': parsed(
      'OwnGoal (the fixture’s only one contradicts the sheet and is left out, so none is written)',
    ),
    penaltyMissed: parsed(
      'a Penalty set piece whose shot is saved, wide or hits the woodwork (no fixture has one)',
    ),
    substitution: parsed('Substitution PlayerOut / PlayerIn (the fixture excerpt has none)'),
    booking: parsed('Caution CardColor yellow / yellowRed / red', DFL),
    'booking.card=secondYellow': parsed('CardColor yellowRed, or a second yellow (no fixture has one)'),
    'booking.reason': none('Caution gives a colour and a rating, no reason'),
    addedTime: notRead('no added-time announcement is read (whether the feed has one was not checked)'),
    shootoutKick: notRead('penaltyShootout sections are placed as period 5 but kicks are not read'),
    varReviewStarted: notRead('no VAR element is read (whether the feed has one was not checked)'),
    varReviewCompleted: notRead('no VAR element is read (whether the feed has one was not checked)'),
    eventAmended: reimport,
    eventRetracted: none(
      'the feed marks no deletions (changesSince retracts listed deletions only, not an id a newer snapshot lacks)',
    ),
    cardRescinded: noRescind,
    matchEnded: inferred('after the last period end', DFL),
    matchAbandoned: notRead('FinalWhistle BreakingOff="true" is not read'),
    resultAwarded: noAward,
    resultRecorded: parsed(
      'the sheet’s Result with the first half’s FinalResult, when the events agree',
      DFL,
    ),
    action: parsed(
      'every other Event, kind its element chain ("KickOff > Play > Pass"), with keepActions',
      DFL,
    ),
  },
  openfootball: {
    fixture: parsed('the match line: date, time, teams, round', OF),
    'fixture.venue': parsed('the @ venue of the match line', OF),
    'fixture.group': parsed('the Group header the match is under', OF),
    lineups: none('Football.TXT and JSON carry no line-ups'),
    'lineups.shirt': none('no line-ups'),
    'lineups.position': none('no line-ups'),
    'lineups.officials': none('no line-ups'),
    periodStarted: inferred('periods 1-2 (1-4 after extra time) when the file lists the scorers', OF),
    periodEnded: inferred('at its nominal length, or 30 s after a later goal minute', OF),
    goal: parsed('the goal lines: scorer name and minute', OF),
    'goal.assist': none('no assists in the goal lines'),
    'goal.penalty': parsed('(pen.) after the minute', OF),
    'goal.ownGoal': parsed('(o.g.) after the minute', OF),
    penaltyMissed: none('the goal lines list goals only'),
    substitution: none('no substitutions'),
    booking: none('no bookings (cards for fair play come from elsewhere)'),
    'booking.card=secondYellow': none('no bookings'),
    'booking.reason': none('no bookings'),
    addedTime: none('no added time'),
    shootoutKick: none('only the shoot-out score, kept in resultRecorded'),
    varReviewStarted: none('no VAR'),
    varReviewCompleted: none('no VAR'),
    eventAmended: none('one file state, no ids to compare'),
    eventRetracted: none('one file state, no ids to compare'),
    cardRescinded: none('no bookings'),
    matchEnded: inferred('after the last period, when the file lists the scorers', OF),
    matchAbandoned: notRead('[abandoned] is reported as a problem, no stream written'),
    resultAwarded: parsed('[awarded] after the score', OF_EL),
    resultRecorded: parsed('the score (ht, ft, aet, pen.)', OF),
    action: none('no on-ball events'),
  },
};

/** One cell of the matrix (every provider has a cell for every feature; test/import-coverage.test.ts checks). */
export function coverageCell(provider: CoverageProvider, key: string): CoverageCell {
  const cell = COVERAGE[provider][key];
  if (!cell) throw new Error(`the coverage matrix has no ${provider} cell for ${key}`);
  return cell;
}
