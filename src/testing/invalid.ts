/** Valid matches with one deliberate fault, paired with the error code the engine must report. */
import fc from 'fast-check';
import type { ErrorCode } from '../events/errors.js';
import type { MatchEvent } from '../events/index.js';
import { arbMatch, type MatchOptions } from './arbitraries.js';

export interface InvalidMatch {
  readonly events: MatchEvent[];
  readonly code: ErrorCode;
  /** Index of the faulty event in `events`. */
  readonly index: number;
  readonly fault: string;
}

type Fault = (events: MatchEvent[], n: number) => InvalidMatch | null;

const inMatch = (events: MatchEvent[]) =>
  events
    .map((e, i) => ({ e, i }))
    .filter(
      ({ e }) =>
        e.at !== undefined &&
        e.type !== 'periodStarted' &&
        e.type !== 'periodEnded' &&
        e.type !== 'matchEnded' &&
        !(e.at.period === 5),
    );

function insert(
  events: MatchEvent[],
  index: number,
  event: Record<string, unknown>,
  code: ErrorCode,
  fault: string,
): InvalidMatch {
  const copy = [...events];
  copy.splice(index, 0, event as unknown as MatchEvent);
  return { events: copy, code, index, fault };
}

/** Inserts an event right after the first kick-off (instant P1 00:00). */
function afterKickoff(
  events: MatchEvent[],
  event: Record<string, unknown>,
  code: ErrorCode,
  fault: string,
): InvalidMatch {
  const kickoff = events.findIndex((e) => e.type === 'periodStarted');
  return insert(events, kickoff + 1, { id: 'fault', at: { period: 1, ms: 0 }, ...event }, code, fault);
}

const FAULTS: Fault[] = [
  // A goal by somebody who is not on either team sheet, right after the kick-off.
  (events) =>
    afterKickoff(
      events,
      { type: 'goal', team: 'home', scorer: 'stranger', scorerTeam: 'home', penalty: false, ownGoal: false },
      'PLAYER_NOT_IN_LINEUP',
      'a scorer not in the line-up',
    ),
  // A goal before the kick-off.
  (events) => {
    const kickoff = events.findIndex((e) => e.type === 'periodStarted');
    return insert(
      events,
      kickoff,
      { id: 'fault', type: 'addedTime', at: { period: 1, ms: 0 }, minutes: 1 },
      'EVENT_BEFORE_KICKOFF',
      'an event before the kick-off',
    );
  },
  // An event id used twice.
  (events, n) => {
    const candidates = inMatch(events);
    if (candidates.length === 0) return null;
    const { e, i } = candidates[n % candidates.length]!;
    return insert(
      events,
      i + 1,
      { id: e.id, type: 'addedTime', at: e.at, minutes: 1 },
      'DUPLICATE_EVENT_ID',
      'a duplicate event id',
    );
  },
  // Time going backwards inside a period.
  (events, n) => {
    const candidates = inMatch(events).filter(
      ({ e }) => (e.at?.ms ?? 0) > 0 && !('atInterval' in e && e.atInterval),
    );
    if (candidates.length === 0) return null;
    const { e, i } = candidates[n % candidates.length]!;
    return insert(
      events,
      i + 1,
      { id: 'fault', type: 'addedTime', at: { period: e.at!.period, ms: e.at!.ms - 1 }, minutes: 1 },
      'TIME_WENT_BACKWARDS',
      'an instant earlier than the one before',
    );
  },
  // A goal after full time.
  (events) => {
    const end = events.findIndex((e) => e.type === 'matchEnded');
    if (end < 0) return null;
    const at = events[end]!.at!;
    return insert(
      events,
      end + 1,
      { id: 'fault', type: 'addedTime', at, minutes: 1 },
      'EVENT_AFTER_FULL_TIME',
      'an event after full time',
    );
  },
  // A retraction of an id that does not exist.
  (events) =>
    afterKickoff(
      events,
      { type: 'eventRetracted', target: 'no-such-event', reason: 'var' },
      'UNKNOWN_TARGET',
      'a correction of an unknown id',
    ),
  // A substituted player coming back on.
  (events) => {
    const i = events.findIndex((e) => e.type === 'substitution' && !e.atInterval);
    if (i < 0) return null;
    const sub = events[i] as Extract<MatchEvent, { type: 'substitution' }>;
    return insert(
      events,
      i + 1,
      {
        id: 'fault',
        type: 'substitution',
        at: sub.at,
        team: sub.team,
        playerOff: sub.playerOn,
        playerOn: sub.playerOff,
        kind: 'normal',
        atInterval: false,
      },
      'PLAYER_ALREADY_SUBSTITUTED',
      'a substituted player returning',
    );
  },
];

/** A valid match with one fault inserted, and the code strict mode must throw for it. */
export function arbInvalidMatch(options: MatchOptions = {}): fc.Arbitrary<InvalidMatch> {
  return fc
    .tuple(arbMatch({ ...options, abandonment: false }), fc.nat(FAULTS.length - 1), fc.nat(1000))
    .map(([events, f, n]) => {
      for (let k = 0; k < FAULTS.length; k++) {
        const made = FAULTS[(f + k) % FAULTS.length]!(events, n);
        if (made) return made;
      }
      throw new Error('unreachable: the first fault always applies');
    });
}
