/**
 * Wyscout v3: one file with `events` (named types: `type.primary` and `type.secondary[]`, a running
 * `minute`/`second` clock), the `match` sheet (`teamsData` with scores, line-ups and substitutions
 * by minute), `substitutions` (the same changes by team, period and second of the half),
 * `formations`, `teams` and `players`.
 */
import { clockLabel, formatError, runningClockMs, type Card, type PlayPeriod } from '../kit/index.js';
import {
  idText,
  isPlain,
  num,
  obj,
  readTeamsData,
  wyPeriod,
  type Plain,
  type ShotOutcome,
  type WyRecord,
  type WySheet,
  type WySheetSub,
} from './model.js';

/** A v3 file: an object whose `events` have `type.primary`, or that carries the `match` sheet. */
export function isV3(value: unknown): boolean {
  if (!isPlain(value) || !Array.isArray(value.events)) return false;
  if (isPlain(value.match) && isPlain(obj(value.match).teamsData)) return true;
  const first: unknown = value.events[0];
  return isPlain(first) && isPlain(first.type) && 'primary' in first.type;
}

/** Types that are stoppages, not play. */
const NOT_PLAY = new Set(['game_interruption', 'offside']);

export function readV3Events(list: readonly unknown[], file: string, note: (m: string) => void): WyRecord[] {
  const records: WyRecord[] = [];
  let unknownPeriods = 0;
  list.forEach((raw, i) => {
    const where = `/events/${i}`;
    if (!isPlain(raw)) throw formatError(file, `event ${i} is not an object`, { pointer: where });
    const id = idText(raw.id) ?? `${i}`;
    const team = idText(obj(raw.team).id);
    const minute = num(raw.minute);
    const second = num(raw.second);
    const primary = typeof obj(raw.type).primary === 'string' ? String(obj(raw.type).primary) : undefined;
    if (!team) throw formatError(file, `event ${id} has no team.id`, { pointer: `${where}/team` });
    if (minute === undefined || second === undefined || minute < 0 || second < 0)
      throw formatError(file, `event ${id} has no minute and second`, { pointer: `${where}/minute` });
    if (!primary) throw formatError(file, `event ${id} has no type.primary`, { pointer: `${where}/type` });
    const period = wyPeriod(raw.matchPeriod);
    if (period === null) {
      unknownPeriods++;
      return;
    }
    const secondary = new Set(
      (Array.isArray(obj(raw.type).secondary) ? (obj(raw.type).secondary as unknown[]) : []).filter(
        (s): s is string => typeof s === 'string',
      ),
    );
    // The running clock to the millisecond when matchTimestamp agrees with minute:second.
    let ms = runningClockMs(minute, second, period);
    const stamp = /^(\d+):(\d\d):(\d\d)\.(\d{1,3})$/.exec(
      typeof raw.matchTimestamp === 'string' ? raw.matchTimestamp : '',
    );
    if (stamp) {
      const whole = Number(stamp[1]) * 3600 + Number(stamp[2]) * 60 + Number(stamp[3]);
      if (whole === minute * 60 + second) ms += Number(stamp[4]!.padEnd(3, '0'));
    }
    const player = idText(obj(raw.player).id);
    const pass = obj(raw.pass);
    const shot = isPlain(raw.shot) ? raw.shot : undefined;
    const record: { -readonly [K in keyof WyRecord]: WyRecord[K] } = {
      id,
      ...(idText(raw.matchId) ? { matchId: idText(raw.matchId)! } : {}),
      period,
      ms,
      clock: clockLabel(minute, second),
      team,
      ...(player && player !== '0' ? { player } : {}),
      ...(typeof obj(raw.player).name === 'string' ? { playerName: String(obj(raw.player).name) } : {}),
      kind: primary.replace(/_/g, ' ').slice(0, 64),
      play: !NOT_PLAY.has(primary),
      ...(pass.accurate === true
        ? { outcome: 'successful' as const }
        : pass.accurate === false
          ? { outcome: 'unsuccessful' as const }
          : {}),
    };
    const miss: ShotOutcome =
      typeof shot?.goalZone === 'string' && shot.goalZone.startsWith('p')
        ? 'woodwork'
        : shot?.onTarget === true
          ? 'saved'
          : 'offTarget';
    if (period === 5 && shot)
      record.kick =
        shot.isGoal === true
          ? 'scored'
          : miss === 'offTarget'
            ? 'missed'
            : miss === 'woodwork'
              ? 'woodwork'
              : 'saved';
    else if (primary === 'own_goal') record.goal = { penalty: false, ownGoal: true };
    else if (shot?.isGoal === true) record.goal = { penalty: primary === 'penalty', ownGoal: false };
    else if (primary === 'penalty' && shot) record.penaltyMissed = miss;
    const infraction = obj(raw.infraction);
    const yellow = secondary.has('yellow_card') || infraction.yellowCard === true;
    const red = secondary.has('red_card') || infraction.redCard === true;
    const card: Card | undefined =
      secondary.has('second_yellow_card') || (yellow && red)
        ? 'secondYellow'
        : red
          ? 'red'
          : yellow
            ? 'yellow'
            : undefined;
    if (card) record.card = card;
    records.push(record);
  });
  if (unknownPeriods)
    note(`${unknownPeriods} event(s) have a matchPeriod other than 1H, 2H, E1, E2 or P: left out`);
  return records;
}

/**
 * The sheet with each change's exact second from the top-level `substitutions` (team → period →
 * second → `in[]`/`out[]`). Who replaced whom comes from `teamsData`: the top-level lists do not
 * keep the pairs in order (Sampdoria's three half-time changes list the players differently).
 */
export function readV3Sheet(file: Plain, fileName: string): WySheet {
  const sheet = readTeamsData(obj(file.match), (message, pointer) => {
    throw formatError(fileName, message, { pointer: `/match${pointer}` });
  });
  const exact = new Map<string, { period: PlayPeriod; ms: number }>();
  for (const [team, periods] of Object.entries(obj(file.substitutions)))
    for (const [code, seconds] of Object.entries(obj(periods))) {
      const period = wyPeriod(code);
      if (period === null) continue;
      for (const [second, change] of Object.entries(obj(seconds))) {
        const s = num(second);
        if (s === undefined) continue;
        for (const p of Array.isArray(obj(change).in) ? (obj(change).in as unknown[]) : []) {
          const id = idText(obj(p).playerId);
          if (id) exact.set(`${team}|${id}`, { period, ms: Math.round(s * 1000) });
        }
      }
    }
  const withExact = (team: WySheet['home']): WySheet['home'] => ({
    ...team,
    substitutions: team.substitutions.map((s): WySheetSub => {
      const at = exact.get(`${team.id}|${s.playerIn}`);
      return at ? { ...s, exact: at } : s;
    }),
  });
  return { ...sheet, home: withExact(sheet.home), away: withExact(sheet.away) };
}

/** Each starter's position at kick-off: the first formation of the first half. */
export function readV3Positions(formations: unknown): Map<string, string> {
  const positions = new Map<string, string>();
  for (const team of Object.values(obj(formations))) {
    const first = Object.entries(obj(obj(team)['1H'])).sort(([a], [b]) => Number(a) - Number(b))[0];
    if (!first) continue;
    for (const scheme of Object.values(obj(first[1])))
      for (const slot of Array.isArray(obj(scheme).players) ? (obj(scheme).players as unknown[]) : [])
        for (const p of Object.values(obj(slot))) {
          const id = idText(obj(p).playerId);
          const position = obj(p).position;
          if (id && typeof position === 'string' && position) positions.set(id, position.toUpperCase());
        }
  }
  return positions;
}
