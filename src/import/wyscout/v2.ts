/**
 * Wyscout v2: events with numeric type ids and tags, `eventSec` since the period's kick-off, and no
 * substitution events. The match sheet (an entry of `matches_*.json`, or the API's match object)
 * gives the sides, the scores, the line-ups and the substitutions with their minute; `players.json`
 * and `teams.json` (or the API shape's `players` and `teams`) give the names.
 */
import { PERIOD_START } from '../../time/index.js';
import { clockLabel, formatError, type Card } from '../kit/index.js';
import { idText, isPlain, num, obj, wyPeriod, type Plain, type ShotOutcome, type WyRecord } from './model.js';

/** Tags (Wyscout v2 API; kloppy's wyscout_tags.py). */
const GOAL = 101;
const OWN_GOAL = 102;
const RED = 1701;
const YELLOW = 1702;
const SECOND_YELLOW = 1703;
const ACCURATE = 1801;
const NOT_ACCURATE = 1802;
const onTarget = (t: number) => t >= 1201 && t <= 1209;
const post = (t: number) => t >= 1217 && t <= 1223;

/** The provider's names of its sub-event ids (event ids where a type has no sub-events). */
const NAMES: Record<number, string> = {
  10: 'air duel',
  11: 'ground attacking duel',
  12: 'ground defending duel',
  13: 'ground loose ball duel',
  20: 'foul',
  21: 'hand foul',
  22: 'late card foul',
  23: 'out of game foul',
  24: 'protest',
  25: 'simulation',
  26: 'time lost foul',
  27: 'violent foul',
  30: 'corner',
  31: 'free kick',
  32: 'free kick cross',
  33: 'free kick shot',
  34: 'goal kick',
  35: 'penalty',
  36: 'throw in',
  40: 'goalkeeper leaving line',
  50: 'ball out of the field',
  51: 'whistle',
  70: 'acceleration',
  71: 'clearance',
  72: 'touch',
  80: 'cross',
  81: 'hand pass',
  82: 'head pass',
  83: 'high pass',
  84: 'launch',
  85: 'simple pass',
  86: 'smart pass',
  90: 'reflexes',
  91: 'save attempt',
  100: 'shot',
};
const TYPES: Record<number, string> = {
  1: 'duel',
  2: 'foul',
  3: 'free kick',
  4: 'goalkeeper leaving line',
  5: 'interruption',
  6: 'offside',
  7: 'others on the ball',
  8: 'pass',
  9: 'save attempt',
  10: 'shot',
};
/** Interruptions (5) and offsides (6) are stoppages, not play. */
const NOT_PLAY = new Set([5, 6]);

/** A v2 events file: the API shape `{events, teams, players}` or a plain list of events. */
export function isV2Events(value: unknown): boolean {
  const list = Array.isArray(value) ? value : isPlain(value) ? value.events : undefined;
  if (!Array.isArray(list)) return false;
  if (isPlain(value) && (isPlain(value.match) || isPlain(value.formations))) return false;
  const first: unknown = list[0];
  return isPlain(first) && 'eventSec' in first && 'matchPeriod' in first;
}

/** The type and sub-type ids: numeric `eventName`/`subEventName` (API shape) or `eventId`/`subEventId` beside names. */
function typeIds(e: Plain): { type: number | undefined; sub: number | undefined } {
  const type = typeof e.eventName === 'number' ? e.eventName : num(e.eventId);
  const sub = typeof e.subEventName === 'number' ? e.subEventName : num(e.subEventId);
  return { type, sub };
}

export function readV2Events(
  list: readonly unknown[],
  file: string,
  pointer: string,
  note: (message: string, eventId?: string) => void,
): WyRecord[] {
  const records: WyRecord[] = [];
  let unknownPeriods = 0;
  list.forEach((raw, i) => {
    const where = `${pointer}/${i}`;
    if (!isPlain(raw)) throw formatError(file, `event ${i} is not an object`, { pointer: where });
    const id = idText(raw.id);
    const team = idText(raw.teamId);
    const seconds = num(raw.eventSec);
    if (!id) throw formatError(file, `event ${i} has no id`, { pointer: where });
    if (!team) throw formatError(file, `event ${id} has no teamId`, { pointer: `${where}/teamId` });
    if (seconds === undefined || seconds < 0)
      throw formatError(file, `event ${id} has no eventSec (seconds since the period's kick-off)`, {
        pointer: `${where}/eventSec`,
      });
    const period = wyPeriod(raw.matchPeriod);
    if (period === null) {
      unknownPeriods++;
      return;
    }
    const { type, sub } = typeIds(raw);
    if (type === undefined)
      throw formatError(file, `event ${id} has no type (eventName or eventId)`, { pointer: where });
    const tags = new Set<number>();
    for (const t of Array.isArray(raw.tags) ? raw.tags : []) {
      const tag = num(obj(t).id);
      if (tag !== undefined) tags.add(tag);
    }
    const playerId = idText(raw.playerId);
    const ms = Math.round(seconds * 1000);
    const clockSeconds = (PERIOD_START[period] ?? 0) * 60 + seconds;
    const record: {
      -readonly [K in keyof WyRecord]: WyRecord[K];
    } = {
      id,
      ...(idText(raw.matchId) ? { matchId: idText(raw.matchId)! } : {}),
      period,
      ms,
      clock: clockLabel(Math.floor(clockSeconds / 60), clockSeconds % 60),
      team,
      ...(playerId && playerId !== '0' ? { player: playerId } : {}),
      kind: (sub !== undefined ? NAMES[sub] : undefined) ?? TYPES[type] ?? `wyscout type ${type}`,
      play: !NOT_PLAY.has(type),
      ...(tags.has(ACCURATE)
        ? { outcome: 'successful' as const }
        : tags.has(NOT_ACCURATE)
          ? { outcome: 'unsuccessful' as const }
          : {}),
    };
    // A shot is a shot (10) or a free-kick shot or penalty (3/33, 3/35). The keeper's save attempt
    // (9) carries tag 101 for the goal conceded: it is not a goal.
    const shot = type === 10 || (type === 3 && (sub === 33 || sub === 35));
    const penalty = type === 3 && sub === 35;
    const miss: ShotOutcome = [...tags].some(post)
      ? 'woodwork'
      : [...tags].some(onTarget)
        ? 'saved'
        : 'offTarget';
    if (period === 5 && shot)
      record.kick = tags.has(GOAL)
        ? 'scored'
        : miss === 'offTarget'
          ? 'missed'
          : miss === 'woodwork'
            ? 'woodwork'
            : 'saved';
    else if (tags.has(OWN_GOAL) && type !== 9) record.goal = { penalty: false, ownGoal: true };
    else if (shot && tags.has(GOAL)) record.goal = { penalty, ownGoal: false };
    else if (penalty) record.penaltyMissed = miss;
    const card: Card | undefined = tags.has(SECOND_YELLOW)
      ? 'secondYellow'
      : tags.has(RED)
        ? 'red'
        : tags.has(YELLOW)
          ? 'yellow'
          : undefined;
    if (card) record.card = card;
    records.push(record);
  });
  if (unknownPeriods)
    note(`${unknownPeriods} event(s) have a matchPeriod other than 1H, 2H, E1, E2 or P: left out`);
  return records;
}
