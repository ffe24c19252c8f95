/**
 * Opta-coded event records to matchline events. Opta F24 and Stats Perform MA3 share the type and
 * qualifier ids (16 goal, q28 own goal, q9 penalty, 17 card, 18/19 off/on linked by q55, 30/32
 * period end/start, 43 deleted with q144 the type it replaces, period 5 the shoot-out), so both
 * importers read their files into OptaRecords and map them here.
 */
import type { Side } from '../../events/index.js';
import {
  clockLabel,
  goalSides,
  numberedPeriod,
  optaCard,
  runningClockMs,
  type PlayPeriod,
  type StreamBuilder,
} from '../kit/index.js';

export interface OptaRecord {
  /** The event's global id (unique; a type-43 deletion carries the id of the event it deletes). */
  readonly id: string;
  /** The per-team sequence number that q55 links refer to. */
  readonly eventId: string;
  readonly typeId: number;
  readonly periodId: number;
  readonly min: number;
  readonly sec: number;
  /** The team id as the line-ups name it. */
  readonly team: string;
  /** The player id as the line-ups name it. */
  readonly player?: string;
  readonly outcome?: string;
  /** Wall-clock time, used only to order events within one second of the clock. */
  readonly timestamp?: string;
  readonly version?: number;
  readonly qualifiers: ReadonlyMap<number, string>;
}

export interface OptaMapping {
  readonly builder: StreamBuilder;
  readonly sideOf: (team: string) => Side | null;
  /** Every player id in the line-ups. */
  readonly players: ReadonlySet<string>;
  readonly keepActions: boolean;
  /** The team official a card without a player goes to (from a match sheet), when known. */
  readonly officialOf?: (record: OptaRecord) => string | undefined;
  /** The assist of a goal (from a match sheet), when known. */
  readonly assistOf?: (record: OptaRecord) => string | undefined;
}

export interface OptaMapped {
  /** Provider ids of deleted events (type 43) with the type each replaced (q144). */
  readonly deleted: { id: string; replacesType: number | null }[];
  /** The play periods the records have. */
  readonly periods: Set<PlayPeriod>;
}

/** Type names for the on-ball events kept as actions (Opta's own names). */
const NAMES: Record<number, string> = {
  1: 'pass',
  2: 'offside pass',
  3: 'take on',
  4: 'foul',
  5: 'out',
  6: 'corner awarded',
  7: 'tackle',
  8: 'interception',
  10: 'save',
  11: 'claim',
  12: 'clearance',
  13: 'miss',
  14: 'post',
  15: 'attempt saved',
  41: 'punch',
  44: 'aerial',
  45: 'challenge',
  49: 'ball recovery',
  50: 'dispossessed',
  51: 'error',
  52: 'keeper pick-up',
  54: 'smother',
  55: 'offside provoked',
  56: 'shield ball opp',
  58: 'penalty faced',
  59: 'keeper sweeper',
  61: 'ball touch',
  67: '50/50',
  74: 'blocked pass',
};
/** Types that are play: they end a stoppage (so later changes are a new opportunity). */
const PLAY = new Set([
  1, 2, 3, 4, 7, 8, 10, 11, 12, 13, 14, 15, 16, 41, 44, 45, 49, 50, 52, 54, 59, 61, 67, 74,
]);
const SHOTS: Record<number, 'missed' | 'woodwork' | 'saved'> = { 13: 'missed', 14: 'woodwork', 15: 'saved' };
const MISSED_PENALTY: Record<number, 'offTarget' | 'woodwork' | 'saved'> = {
  13: 'offTarget',
  14: 'woodwork',
  15: 'saved',
};

/** Opta stamps such as "2018-09-23T15:02:14.39" do not left-pad the milliseconds (39 ms). */
export function optaTimestampMs(stamp: string | undefined): number {
  if (!stamp) return 0;
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?(Z|[+-]\d\d:?\d\d)?$/.exec(stamp.trim());
  if (!m) return 0;
  const base = Date.parse(`${m[1]}${m[3] ?? 'Z'}`);
  return Number.isNaN(base) ? 0 : base + (m[2] ? Number(m[2]) : 0);
}

export function mapOptaRecords(records: readonly OptaRecord[], map: OptaMapping): OptaMapped {
  const { builder } = map;
  const deleted: { id: string; replacesType: number | null }[] = [];
  const periods = new Set<PlayPeriod>();
  const play = records
    .map((r, i) => ({ r, i, period: numberedPeriod(r.periodId) }))
    .filter((x): x is { r: OptaRecord; i: number; period: PlayPeriod } => {
      if (x.r.typeId === 43) {
        const q = Number(x.r.qualifiers.get(144));
        deleted.push({ id: x.r.id, replacesType: Number.isInteger(q) ? q : null });
        return false;
      }
      return x.period !== null;
    });
  const ms = (x: { r: OptaRecord; period: PlayPeriod }) => runningClockMs(x.r.min, x.r.sec, x.period);
  play.sort(
    (a, b) =>
      a.period - b.period ||
      ms(a) - ms(b) ||
      optaTimestampMs(a.r.timestamp) - optaTimestampMs(b.r.timestamp) ||
      a.i - b.i,
  );
  // Player on (type 19) by team and per-team event id, for the q55 links of the player-off events.
  const ons = new Map<string, OptaRecord>();
  for (const { r } of play) if (r.typeId === 19) ons.set(`${r.team}|${r.eventId}`, r);
  const usedOns = new Set<OptaRecord>();

  const known = (r: OptaRecord, what: string): string | undefined => {
    if (r.player === undefined) return undefined;
    if (map.players.has(r.player)) return r.player;
    builder.warn(
      'IMPORT_NOTE',
      `${what} ${r.id}: player ${r.player} is not in the line-ups; kept without a player`,
      {
        eventId: r.id,
      },
    );
    return undefined;
  };

  for (const x of play) {
    const { r, period } = x;
    periods.add(period);
    const side = map.sideOf(r.team);
    const at = { period, ms: ms(x) };
    const source = {
      id: r.id,
      ...(r.version === undefined ? {} : { version: r.version }),
      clock: clockLabel(r.min, r.sec),
    };
    if (r.typeId === 32) {
      builder.add('periodStarted', { period, ms: 0 }, {}, source);
      continue;
    }
    if (r.typeId === 30) {
      builder.add('periodEnded', at, {}, source);
      continue;
    }
    if (!side) {
      builder.warn(
        'IMPORT_NOTE',
        `event ${r.id} (type ${r.typeId}) names team ${r.team}, which is not in the match: left out`,
        {
          eventId: r.id,
        },
      );
      continue;
    }
    const q = r.qualifiers;
    if (r.typeId === 16 || (period === 5 && SHOTS[r.typeId])) {
      if (period === 5) {
        const taker = known(r, 'shoot-out kick');
        if (!taker) continue;
        builder.add(
          'shootoutKick',
          at,
          { team: side, taker, outcome: r.typeId === 16 ? 'scored' : SHOTS[r.typeId] },
          source,
        );
        continue;
      }
      if (r.typeId === 16) {
        const scorer = known(r, 'goal');
        const assist = map.assistOf?.(r);
        builder.add(
          'goal',
          at,
          {
            ...goalSides(side, q.has(28)),
            ...(scorer ? { scorer } : {}),
            ...(assist && map.players.has(assist) && !q.has(28) ? { assist } : {}),
            penalty: q.has(9),
            ownGoal: q.has(28),
          },
          source,
        );
        continue;
      }
    }
    if (q.has(9) && MISSED_PENALTY[r.typeId]) {
      const taker = known(r, 'missed penalty');
      if (taker) {
        builder.add('penaltyMissed', at, { team: side, taker, outcome: MISSED_PENALTY[r.typeId] }, source);
        continue;
      }
    }
    if (r.typeId === 17) {
      const card = optaCard(q);
      if (!card) {
        builder.warn('IMPORT_NOTE', `card ${r.id} has none of the qualifiers 31, 32, 33: left out`, {
          eventId: r.id,
        });
        continue;
      }
      const official = r.player === undefined ? map.officialOf?.(r) : undefined;
      if (official) {
        builder.add('booking', at, { team: side, official, card }, source);
        continue;
      }
      const player = known(r, 'card');
      if (!player) {
        // A card to a team official (no player id): kept as an action, since the line-ups name no such official.
        builder.add('action', at, { team: side, kind: `card to an official (${card})` }, source);
        continue;
      }
      builder.add('booking', at, { team: side, player, card }, source);
      continue;
    }
    if (r.typeId === 18) {
      const link = q.get(55);
      let on = link === undefined ? undefined : ons.get(`${r.team}|${link}`);
      if (!on || usedOns.has(on))
        on = play.find(
          (y) =>
            y.r.typeId === 19 &&
            y.r.team === r.team &&
            y.period === period &&
            !usedOns.has(y.r) &&
            Math.abs(ms(y) - at.ms) <= 60_000,
        )?.r;
      const off = known(r, 'player off');
      const onPlayer = on ? known(on, 'player on') : undefined;
      if (!on || !off || !onPlayer) {
        builder.warn(
          'FEED_CONTRADICTION',
          `player-off event ${r.id} has no player-on event to pair with (q55 ${link ?? 'missing'}): no substitution written`,
          { eventId: r.id },
        );
        continue;
      }
      usedOns.add(on);
      builder.add(
        'substitution',
        at,
        { team: side, playerOff: off, playerOn: onPlayer, kind: 'normal' },
        source,
      );
      continue;
    }
    if (r.typeId === 19) continue; // written with its player-off event
    if (map.keepActions && (NAMES[r.typeId] || !PLAY.has(r.typeId))) {
      const player = known(r, 'event');
      builder.add(
        'action',
        at,
        {
          team: side,
          ...(player ? { player } : {}),
          kind: NAMES[r.typeId] ?? `opta type ${r.typeId}`,
          ...(r.outcome === '1'
            ? { outcome: 'successful' }
            : r.outcome === '0'
              ? { outcome: 'unsuccessful' }
              : {}),
        },
        source,
      );
    } else if (PLAY.has(r.typeId)) builder.play(side, at);
  }
  return { deleted, periods };
}
