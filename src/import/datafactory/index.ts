/**
 * DataFactory: `datafactory.load(feed)`. One JSON file: `match` (teams, date, local kick-off and the
 * stadium's offset), `players`, `incidences` keyed by class then id (goals, cards, substitutions,
 * status, penaltyShootout, and on-ball classes), `deletedIncidences`, and `scoreStatus`, the match
 * sheet's score that decides the result. The clock (`t.m`) runs on across halves.
 */
import type { Side } from '../../events/index.js';
import { MatchlineError } from '../../events/errors.js';
import {
  addLineups,
  clockLabel,
  fileName,
  fileText,
  finishStream,
  formatError,
  goalSides,
  guarded,
  isRecord,
  loadResult,
  matchRules,
  parseJson,
  preferName,
  runningClockMs,
  seasonLabel,
  shirtOf,
  StreamBuilder,
  type Checkpoint,
  type LoadResult,
  type PlayPeriod,
  type ProviderFile,
  type SheetTeam,
} from '../kit/index.js';

export interface DataFactoryOptions {
  readonly keepActions?: boolean;
  readonly competition?: string;
  readonly season?: string;
}

type Plain = Record<string, unknown>;
const obj = (v: unknown): Plain => (isRecord(v) ? v : {});
/** A string or number as text, else the fallback (never "[object Object]"). */
const txt = (v: unknown, fallback = ''): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** Goal types (kloppy's source): 9 open play, 10 own goal, 11 header, 12 free kick, 13 penalty. */
const GOALS = new Set([9, 10, 11, 12, 13]);
/** Penalties not scored in play: 43 saved, 44 off target, 45 post. */
const MISSED: Record<number, 'saved' | 'offTarget' | 'woodwork'> = {
  43: 'saved',
  44: 'offTarget',
  45: 'woodwork',
};
/** Shoot-out kicks: 55 goal, 56 saved, 57 off target, 183 post. */
const KICKS: Record<number, 'scored' | 'saved' | 'missed' | 'woodwork'> = {
  55: 'scored',
  56: 'saved',
  57: 'missed',
  183: 'woodwork',
};
const CARDS: Record<number, 'yellow' | 'secondYellow' | 'red'> = { 3: 'yellow', 4: 'secondYellow', 5: 'red' };
/** Status types: where periods start and end. */
const STARTS: Record<number, PlayPeriod> = { 1: 1, 18: 2, 50: 3, 52: 4, 54: 5 };
const ENDS: Record<number, PlayPeriod> = { 17: 1, 49: 2, 51: 3, 53: 4 };
/** Classes mapped on their own; every other class is on-ball play. */
const OWN = new Set([
  'goals',
  'shots',
  'yellowCards',
  'redCards',
  'substitutions',
  'status',
  'penaltyShootout',
]);

export function load(feed: ProviderFile, options: DataFactoryOptions = {}): LoadResult {
  const file = fileName(feed, 'datafactory.json');
  const value = parseJson(fileText(feed), file);
  if (!isRecord(value) || !isRecord(value.match) || !isRecord(value.incidences))
    throw formatError(file, 'a DataFactory feed is an object with match, players and incidences');
  return guarded(file, () => convert(value, file, options));
}

function convert(feed: Plain, file: string, options: DataFactoryOptions): LoadResult {
  const match = obj(feed.match);
  const builder = new StreamBuilder({ provider: 'datafactory', prefix: 'df', file, order: 'time' });
  const homeId = num(match.homeTeamId);
  const awayId = num(match.awayTeamId);
  if (homeId === undefined || awayId === undefined)
    throw formatError(file, 'match.homeTeamId and match.awayTeamId are needed', { pointer: '/match' });
  const sideOf = (team: unknown): Side | null =>
    num(team) === homeId ? 'home' : num(team) === awayId ? 'away' : null;
  // "20111111", "12:00" and the stadium's "+03:00": the kick-off in local time with its offset.
  const date = /^(\d{4})(\d\d)(\d\d)$/.exec(txt(match.date));
  if (!date)
    throw formatError(file, `match.date "${String(match.date)}" is not YYYYMMDD`, { pointer: '/match/date' });
  const start = /^\d\d:\d\d$/.test(String(match.scheduledStart)) ? String(match.scheduledStart) : '00:00';
  const offset = /^[+-]\d\d:\d\d$/.test(String(match.stadiumGMT)) ? String(match.stadiumGMT) : 'Z';
  const kickoff = `${date[1]}-${date[2]}-${date[3]}T${start}:00${offset}`;
  const incidences = obj(feed.incidences);
  const deletedIds = new Set(Array.isArray(feed.deletedIncidences) ? feed.deletedIncidences.map(String) : []);
  const entries = (cls: string) =>
    Object.entries(obj(incidences[cls])).filter(([id, v]) => isRecord(v) && !deletedIds.has(id)) as [
      string,
      Plain,
    ][];
  const status = obj(feed.status);
  const shootoutPlayed = status.shootout === true || entries('penaltyShootout').length > 0;
  const competition =
    options.competition ?? (typeof match.competition === 'string' ? match.competition : 'DataFactory');
  builder.setup({
    type: 'fixture',
    competition: competition.slice(0, 128),
    season: options.season ?? seasonLabel(undefined, kickoff),
    round: (typeof match.week === 'string' && match.week ? match.week : 'Unknown').slice(0, 64),
    leg: 'single',
    home: { id: `t${homeId}`, name: txt(match.homeTeamName, String(homeId)) },
    away: { id: `t${awayId}`, name: txt(match.awayTeamName, String(awayId)) },
    ...(typeof obj(obj(feed.venueInformation).venue).venueName === 'string'
      ? { venue: String(obj(obj(feed.venueInformation).venue).venueName).slice(0, 128) }
      : {}),
    kickoff,
    rules: matchRules({
      competition,
      kickoff,
      periods: status.extraTime === true ? [1, 2, 3, 4] : [1, 2],
      shootout: shootoutPlayed,
    }),
    source: { provider: 'datafactory', id: txt(match.matchId, 'unknown') },
  });

  // posnId 5 is the coach (no shirt, listed after the eleven): an official, not a player.
  const coach = (p: unknown) => num(obj(p).posnId) === 5;
  const nameOf = (p: unknown) => {
    const n = obj(obj(p).name);
    return txt(n.shortName, [txt(n.first), txt(n.last)].filter(Boolean).join(' '));
  };
  const team = (id: number): SheetTeam => ({
    id: `t${id}`,
    officials: Object.entries(obj(feed.players))
      .filter(([, p]) => num(obj(p).teamId) === id && coach(p))
      .map(([pid, p]) => ({ id: `p${pid}`, name: nameOf(p).slice(0, 128) })),
    name: txt(
      obj(obj(feed.teams)[String(id)]).name,
      txt(match[id === homeId ? 'homeTeamName' : 'awayTeamName'], String(id)),
    ),
    players: Object.entries(obj(feed.players))
      .filter(([, p]) => num(obj(p).teamId) === id && !coach(p))
      .sort(([, a], [, b]) => (num(obj(a).order) ?? 99) - (num(obj(b).order) ?? 99))
      .map(([pid, p]) => {
        const player = obj(p);
        const n = obj(player.name);
        const full = [n.first, n.middle, n.last].filter((x) => typeof x === 'string' && x).join(' ');
        const shirt = shirtOf(player.squadNo);
        return {
          id: `p${pid}`,
          ...preferName(n.nick ?? n.shortName, full, `p${pid}`),
          ...(shirt === undefined ? {} : { shirt }),
          starter: player.substitute === false,
        };
      }),
  });
  const players = addLineups(builder, team(homeId), team(awayId));
  const known = (id: unknown, what: string, incidence: string) => {
    if (typeof id !== 'string' && typeof id !== 'number') return undefined;
    const pid = `p${id}`;
    if (players.has(pid)) return pid;
    builder.warn('IMPORT_NOTE', `${what} ${incidence}: player ${id} is not in the players list`, {
      eventId: incidence,
    });
    return undefined;
  };

  // t.half is the period, t.m the running minute (45 at the start of the 2nd half).
  const instant = (v: Plain) => {
    const t = obj(v.t);
    const half = num(t.half);
    const m = num(t.m);
    const s = num(t.s) ?? 0;
    if (half === undefined || m === undefined) return null;
    const period = (half === 0 ? 1 : half) as PlayPeriod;
    if (period < 1 || period > 5) return null;
    return { at: { period, ms: runningClockMs(m, s, period) }, clock: clockLabel(m, s) };
  };
  let current: PlayPeriod = 1;
  for (const [id, v] of entries('status').sort(([, a], [, b]) => order(a) - order(b))) {
    const t = instant(v);
    const type = num(v.type) ?? 0;
    if (!t) continue;
    if (STARTS[type]) {
      current = STARTS[type];
      builder.add('periodStarted', { period: current, ms: 0 }, {}, { id, clock: t.clock });
    } else if (ENDS[type] || type === 2) {
      // Type 2 (match end) closes the period being played.
      builder.add('periodEnded', { period: ENDS[type] ?? current, ms: t.at.ms }, {}, { id, clock: t.clock });
    }
  }
  if (
    shootoutPlayed &&
    !entries('status').some(([, v]) => num(v.type) === 54) &&
    entries('penaltyShootout').length
  )
    builder.add('periodStarted', { period: 5, ms: 0 }, {});

  for (const [id, v] of entries('goals')) {
    const t = instant(v);
    const side = sideOf(v.team);
    const type = num(v.type) ?? 0;
    if (!t || !side || !GOALS.has(type)) continue;
    const own = type === 10;
    const scorer = known(v.plyrId, 'goal', id);
    const assist = own ? undefined : known(v.assBy, 'assist of goal', id);
    builder.add(
      'goal',
      t.at,
      {
        ...goalSides(side, own),
        ...(scorer ? { scorer } : {}),
        ...(assist ? { assist } : {}),
        penalty: type === 13,
        ownGoal: own,
      },
      { id, clock: t.clock },
    );
  }
  for (const [id, v] of entries('shots')) {
    const type = num(v.type) ?? 0;
    const t = instant(v);
    const side = sideOf(v.team);
    const taker = MISSED[type] ? known(v.plyrId, 'missed penalty', id) : undefined;
    if (t && side && taker)
      builder.add(
        'penaltyMissed',
        t.at,
        { team: side, taker, outcome: MISSED[type] },
        { id, clock: t.clock },
      );
    else if (t && side && !GOALS.has(type)) play(id, v, 'shot');
  }
  for (const [id, v] of entries('penaltyShootout')) {
    const outcome = KICKS[num(v.type) ?? 0];
    const side = sideOf(v.team);
    const taker = known(v.plyrId, 'shoot-out kick', id);
    const t = instant(v);
    if (outcome && side && taker)
      builder.add(
        'shootoutKick',
        { period: 5, ms: t?.at.period === 5 ? t.at.ms : 0 },
        { team: side, taker, outcome },
        { id },
      );
  }
  for (const cls of ['yellowCards', 'redCards'])
    for (const [id, v] of entries(cls)) {
      const card = CARDS[num(v.type) ?? 0];
      const t = instant(v);
      const side = sideOf(v.team);
      const player = known(v.plyrId, 'card', id);
      if (!card || !t || !side || !player) continue;
      builder.add('booking', t.at, { team: side, player, card }, { id, clock: t.clock });
    }
  for (const [id, v] of entries('substitutions')) {
    const t = instant(v);
    const side = sideOf(v.team);
    const off = known(v.offId, 'substitution', id);
    const on = known(v.inId, 'substitution', id);
    if (!t || !side || !off || !on) {
      builder.warn(
        'FEED_CONTRADICTION',
        `substitution ${id} lacks a known player off or on: no substitution written`,
        { eventId: id },
      );
      continue;
    }
    builder.add(
      'substitution',
      t.at,
      { team: side, playerOff: off, playerOn: on, kind: 'normal' },
      { id, clock: t.clock },
    );
  }
  function play(id: string, v: Plain, kind: string) {
    const t = instant(v);
    const side = sideOf(v.team);
    if (!t || !side) return;
    if (options.keepActions === true) {
      const player = v.plyrId === undefined ? undefined : `p${txt(v.plyrId)}`;
      builder.add(
        'action',
        t.at,
        { team: side, ...(player && players.has(player) ? { player } : {}), kind },
        { id, clock: t.clock },
      );
    } else builder.play(side, t.at);
  }
  for (const cls of Object.keys(incidences))
    if (!OWN.has(cls)) for (const [id, v] of entries(cls)) play(id, v, cls);

  const scores = obj(feed.scoreStatus);
  const home = num(obj(scores[String(homeId)]).score);
  const away = num(obj(scores[String(awayId)]).score);
  const kicksHome = num(obj(scores[String(homeId)]).scorePenaltyRow);
  const kicksAway = num(obj(scores[String(awayId)]).scorePenaltyRow);
  const checkpoint: Checkpoint | undefined =
    home === undefined || away === undefined
      ? undefined
      : {
          source: 'the DataFactory scoreStatus',
          final: { home, away },
          // Without extra time the final score is the full-time score.
          ...(status.extraTime === false ? { fullTime: { home, away } } : {}),
          ...(kicksHome !== undefined && kicksAway !== undefined
            ? { shootout: { home: kicksHome, away: kicksAway } }
            : {}),
        };
  if (deletedIds.size)
    builder.warn('IMPORT_NOTE', `deletedIncidences lists ${deletedIds.size} ids: none of them is written`);
  const streamId = `datafactory-${txt(match.matchId, 'match').replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const stream = finishStream(streamId, builder.build(), builder.warnings, checkpoint, file);
  return loadResult(
    [{ ...stream, deleted: [...deletedIds].map((id) => ({ provider: 'datafactory', id })) }],
    builder.warnings,
  );
}

const order = (v: Plain) => {
  const t = obj(v.t);
  return (num(t.half) ?? 0) * 1e6 + (num(t.m) ?? 0) * 60 + (num(t.s) ?? 0);
};

/** The CLI's shape: one file. */
export function loadFiles(files: readonly ProviderFile[], options: DataFactoryOptions = {}): LoadResult {
  if (files.length !== 1)
    throw new MatchlineError({ code: 'USAGE', message: 'DataFactory is one JSON file per match' });
  return load(files[0]!, options);
}
