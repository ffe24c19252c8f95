/**
 * Wyscout: `wyscout.load({ events, match, players, teams })`. v2 (the public Pappalardo et al. data
 * and the v2 API): the events file, with the match sheet (an entry of `matches_*.json`) for the
 * sides, scores, line-ups and substitutions, and `players.json` / `teams.json` for names unless
 * the events file carries them. v3: one file with events, match sheet, substitutions, formations,
 * teams and players. Substitutions are never events in Wyscout: they come from the match sheet, at
 * its minute (v2, placed after the last touch of the player going off within that minute) or at
 * its second of the half (v3). The sheet's scores decide the result; its goals and card minutes
 * per player are compared with the events, and every difference is a FEED_CONTRADICTION warning.
 */
import type { Side } from '../../events/index.js';
import { MatchlineError, type Problem } from '../../events/errors.js';
import type { Instant } from '../../time/index.js';
import {
  addLineups,
  fileName,
  fileText,
  finishStream,
  formatError,
  goalSides,
  guarded,
  loadResult,
  matchRules,
  parseJson,
  preferName,
  seasonLabel,
  StreamBuilder,
  type Checkpoint,
  type ImportedStream,
  type LoadResult,
  type PlayPeriod,
  type ProviderFile,
  type SheetPlayer,
  type SheetTeam,
} from '../kit/index.js';
import {
  idText,
  isPlain,
  obj,
  readPlayers,
  readTeams,
  readTeamsData,
  type WyGame,
  type WyPlayer,
  type WyRecord,
  type WySheet,
  type WySheetPlayer,
  type WySheetTeam,
} from './model.js';
import { isV2Events, readV2Events } from './v2.js';
import { isV3, readV3Events, readV3Positions, readV3Sheet } from './v3.js';

export { wyPeriod, type WyGame, type WyRecord, type WySheet } from './model.js';
export { isV2Events } from './v2.js';
export { isV3 } from './v3.js';

export interface WyscoutFiles {
  /** v2 events (the API shape `{events, teams, players}` or a list of events) or the v3 file. */
  readonly events: ProviderFile;
  /** v2: the match sheet: a `matches_*.json` file (each match's entry is used) or one match object. */
  readonly match?: ProviderFile;
  /** v2: `players.json`, when the events file does not carry the players. */
  readonly players?: ProviderFile;
  /** v2: `teams.json`, when the events file does not carry the teams. */
  readonly teams?: ProviderFile;
}

export interface WyscoutOptions {
  /** Keep every on-ball event as an `action` (default: only what changes match state). */
  readonly keepActions?: boolean;
  readonly competition?: string;
  readonly season?: string;
  readonly round?: string;
  /** v2 without a match sheet: the home team, by Wyscout id or name. */
  readonly home?: string;
  /** v2 without a match sheet: the kick-off, ISO 8601 with its offset. */
  readonly kickoff?: string;
}

type Named = { name: string; value: unknown };
const parse = (file: ProviderFile, fallback: string): Named => {
  const name = fileName(file, fallback);
  return { name, value: parseJson(fileText(file), name) };
};

export function load(files: WyscoutFiles, options: WyscoutOptions = {}): LoadResult {
  const events = parse(files.events, 'wyscout_events.json');
  if (isV3(events.value)) {
    if (files.match)
      throw new MatchlineError({
        code: 'USAGE',
        message: 'a Wyscout v3 file carries its own match sheet: give it alone',
        file: fileName(files.match, 'match.json'),
      });
    return guarded(events.name, () => loadV3(events.value as Record<string, unknown>, events.name, options));
  }
  if (!isV2Events(events.value))
    throw formatError(
      events.name,
      'not a Wyscout events file: neither v3 (events with type.primary and a match sheet) nor v2 (events with matchPeriod and eventSec)',
      { line: 1 },
    );
  const side = {
    match: files.match ? parse(files.match, 'matches.json') : undefined,
    players: files.players ? parse(files.players, 'players.json') : undefined,
    teams: files.teams ? parse(files.teams, 'teams.json') : undefined,
  };
  return guarded(events.name, () => loadV2(events, side, options));
}

function loadV3(file: Record<string, unknown>, name: string, options: WyscoutOptions): LoadResult {
  const notes: string[] = [];
  const records = readV3Events(file.events as unknown[], name, (m) => notes.push(m));
  const players = new Map<string, WyPlayer>();
  readPlayers(file.players, players);
  const teams = new Map<string, string>();
  readTeams(file.teams, teams);
  const sheet = isPlain(file.match) ? readV3Sheet(file, name) : undefined;
  const game: WyGame = {
    version: 3,
    ...(sheet ? { matchId: sheet.matchId } : {}),
    records,
    teams,
    players,
    ...(sheet ? { sheet } : {}),
    positions: readV3Positions(file.formations),
  };
  const stream = convert(game, name, options, notes);
  return loadResult([stream.stream], stream.warnings);
}

function loadV2(
  events: Named,
  side: { match?: Named | undefined; players?: Named | undefined; teams?: Named | undefined },
  options: WyscoutOptions,
): LoadResult {
  const value = events.value;
  const list = (Array.isArray(value) ? value : obj(value).events) as unknown[];
  const notes: string[] = [];
  const records = readV2Events(list, events.name, Array.isArray(value) ? '' : '/events', (m) =>
    notes.push(m),
  );
  const players = new Map<string, WyPlayer>();
  const teams = new Map<string, string>();
  if (!Array.isArray(value)) {
    readPlayers(obj(value).players, players);
    readTeams(obj(value).teams, teams);
  }
  if (side.players) readPlayers(side.players.value, players);
  if (side.teams) readTeams(side.teams.value, teams);
  const sheets = new Map<string, WySheet>();
  if (side.match) {
    const m = side.match;
    const entries = Array.isArray(m.value)
      ? m.value
      : [isPlain(obj(m.value).match) ? obj(m.value).match : m.value];
    entries.forEach((entry, i) => {
      if (!isPlain(entry) || !isPlain(entry.teamsData))
        throw formatError(m.name, `match ${i} has no teamsData: not a Wyscout match sheet`, {
          pointer: Array.isArray(m.value) ? `/${i}` : '',
        });
      const sheet = readTeamsData(entry, (message, pointer) => {
        throw formatError(m.name, message, { pointer: `${Array.isArray(m.value) ? `/${i}` : ''}${pointer}` });
      });
      sheets.set(sheet.matchId, sheet);
    });
  }
  // One stream per match in the events file (the public files hold a whole competition).
  const byMatch = new Map<string, WyRecord[]>();
  for (const r of records) {
    const key = r.matchId ?? '';
    let group = byMatch.get(key);
    if (!group) byMatch.set(key, (group = []));
    group.push(r);
  }
  if (byMatch.size === 0) throw formatError(events.name, 'the events file holds no events', { line: 1 });
  const streams: ImportedStream[] = [];
  const warnings: Problem[] = [];
  for (const [matchId, group] of byMatch) {
    let sheet = matchId ? sheets.get(matchId) : sheets.size === 1 ? [...sheets.values()][0] : undefined;
    if (side.match && !sheet) {
      if (byMatch.size === 1)
        throw new MatchlineError({
          code: 'USAGE',
          message: `the match file has no match ${matchId || '(the events name none)'}: it holds ${[...sheets.keys()].slice(0, 5).join(', ')}${sheets.size > 5 ? ', ...' : ''}`,
          file: side.match.name,
        });
      warnings.push({
        code: 'IMPORT_NOTE',
        message: `match ${matchId}: not in the match file; no stream written`,
        file: side.match.name,
      });
      continue;
    }
    if (sheet && matchId && sheet.matchId !== matchId) sheet = undefined;
    const game: WyGame = {
      version: 2,
      ...(matchId ? { matchId } : {}),
      records: group,
      teams,
      players,
      ...(sheet ? { sheet } : {}),
    };
    const out = convert(game, events.name, options, streams.length === 0 ? notes : []);
    streams.push(out.stream);
    warnings.push(...out.warnings);
  }
  return loadResult(streams, warnings);
}

/** "Leicester City - Liverpool, 2 - 3": the names the sheet's label gives. */
function labelNames(label: string | undefined): [string, string] | null {
  const m = /^(.+?) - (.+?), \d+ - \d+/.exec(label ?? '');
  return m ? [m[1]!.trim(), m[2]!.trim()] : null;
}

/**
 * The sheet's display minute to the first instant the engine shows as that minute (its minute n is
 * (n-1):00 exclusive to n:00 inclusive): 1-45 first half, 46-90 and stoppage second, then extra
 * time. The first minute of a period is its kick-off (so a change there can be at the interval).
 */
function minuteInstant(minute: number, periods: ReadonlySet<number>): Instant {
  const m = Math.max(1, Math.floor(minute));
  const at = (period: PlayPeriod, n: number) => ({ period, ms: n <= 0 ? 0 : n * 60_000 + 1 });
  if (m <= 45) return at(1, m - 1);
  if (m <= 90 || !periods.has(3)) return at(2, m - 46);
  if (m <= 105 || !periods.has(4)) return at(3, m - 91);
  return at(4, m - 106);
}
/** The display minute of a record on the running clock (a first-half stoppage minute is 46, 47...). */
const displayOf = (r: WyRecord) => Math.floor(Number(r.clock.split(':')[0])) + 1;

function convert(
  game: WyGame,
  file: string,
  options: WyscoutOptions,
  notes: readonly string[],
): { stream: ImportedStream; warnings: Problem[] } {
  const { sheet, records } = game;
  const builder = new StreamBuilder({ provider: 'wyscout', prefix: 'wy', file, order: 'time' });
  for (const n of notes) builder.warn('IMPORT_NOTE', n);
  const matchLabel = game.matchId ? `match ${game.matchId}` : 'the match';

  // Sides: the sheet's, or the home team named in the options.
  const teamIds = new Set(records.map((r) => r.team));
  let homeId: string;
  let awayId: string;
  if (sheet) {
    homeId = sheet.home.id;
    awayId = sheet.away.id;
    for (const t of teamIds)
      if (t !== homeId && t !== awayId)
        builder.warn(
          'FEED_CONTRADICTION',
          `${matchLabel}: events of team ${t}, which the match sheet does not name`,
        );
  } else {
    const ids = [...teamIds];
    const wanted = options.home?.trim().toLowerCase();
    const home = ids.find((id) => id === wanted || game.teams.get(id)?.toLowerCase() === wanted);
    if (!wanted || !home || ids.length !== 2)
      throw new MatchlineError({
        code: 'USAGE',
        message:
          ids.length !== 2
            ? `${matchLabel}: the events name ${ids.length} teams (${ids.join(', ')}), not two`
            : `Wyscout v2 events do not say which team is at home: give the match sheet (its entry of matches_*.json) or the home team (--home: ${ids.map((id) => `${id} ${game.teams.get(id) ?? ''}`.trim()).join(' or ')})`,
        file,
      });
    homeId = home;
    awayId = ids.find((id) => id !== home)!;
  }
  const sideOf = (team: string): Side | null => (team === homeId ? 'home' : team === awayId ? 'away' : null);
  const kickoff = sheet?.kickoff ?? options.kickoff;
  if (!kickoff)
    throw new MatchlineError({
      code: 'USAGE',
      message: `${matchLabel}: no kick-off time: give the match sheet (dateutc) or the kick-off (--kickoff)`,
      file,
    });
  if (!sheet && !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(kickoff))
    throw new MatchlineError({
      code: 'USAGE',
      message: `the kick-off "${kickoff}" is not ISO 8601 with an offset (2017-09-23T17:30:00+01:00)`,
    });
  const names = labelNames(sheet?.label);
  const teamName = (id: string, side: Side) =>
    (game.teams.get(id) ?? names?.[side === 'home' ? 0 : 1] ?? `team ${id}`).slice(0, 128);

  const periods = new Set<PlayPeriod>(records.map((r) => r.period));
  const shootout = periods.has(5) || sheet?.duration === 'Penalties';
  const competition =
    options.competition ?? (sheet?.competitionId ? `Wyscout competition ${sheet.competitionId}` : 'Wyscout');
  if (!options.competition)
    builder.warn(
      'IMPORT_NOTE',
      sheet?.competitionId
        ? `the Wyscout files name the competition by id only: "${competition}" is written (give competition to name it)`
        : `the files name no competition: "${competition}" is written (give competition to name it)`,
    );
  builder.setup({
    type: 'fixture',
    competition: competition.slice(0, 128),
    season: options.season ?? seasonLabel(undefined, kickoff),
    round: (options.round ?? (sheet?.gameweek ? `Matchday ${sheet.gameweek}` : 'Unknown')).slice(0, 64),
    leg: 'single',
    home: { id: `t${homeId}`, name: teamName(homeId, 'home') },
    away: { id: `t${awayId}`, name: teamName(awayId, 'away') },
    ...(sheet?.venue ? { venue: sheet.venue.slice(0, 128) } : {}),
    kickoff,
    rules: matchRules({
      competition,
      kickoff,
      periods:
        sheet?.duration === 'ExtraTime' || sheet?.duration === 'Penalties' ? [...periods, 3, 4] : periods,
      shootout,
    }),
    ...(sheet ? {} : { coverage: { substitutions: false } }),
    ...(game.matchId ? { source: { provider: 'wyscout', id: game.matchId } } : {}),
  });

  // Line-ups: the sheet's lineup and bench, or (v2 without a sheet) the first eleven to appear.
  const person = (id: string, shirt?: number): SheetPlayer & { starter: boolean } => {
    const p = game.players.get(id);
    const position = game.positions?.get(id) ?? p?.role;
    return {
      id: `p${id}`,
      ...preferName(p?.shortName, p?.fullName, `player ${id}`),
      ...(shirt === undefined ? {} : { shirt }),
      ...(position ? { position } : {}),
      starter: false,
    };
  };
  const fromSheet = (t: WySheetTeam, side: Side): SheetTeam => ({
    id: `t${t.id}`,
    name: teamName(t.id, side),
    players: [
      ...t.lineup.map((p) => ({ ...person(p.id, p.shirt), starter: true })),
      ...t.bench.map((p) => person(p.id, p.shirt)),
    ],
  });
  const inferred = (team: string, side: Side): SheetTeam => {
    const order: string[] = [];
    for (const r of [...records].sort((a, b) => a.period - b.period || a.ms - b.ms))
      if (r.team === team && r.player && !order.includes(r.player)) order.push(r.player);
    for (const p of game.players.values()) if (p.team === team && !order.includes(p.id)) order.push(p.id);
    return {
      id: `t${team}`,
      name: teamName(team, side),
      players: order.map((id, i) => ({ ...person(id), starter: i < 11 })),
    };
  };
  if (!sheet)
    builder.warn(
      'IMPORT_NOTE',
      `${matchLabel}: no match sheet, so no substitutions (Wyscout has no substitution events) and the starters are the first eleven players of each team to appear in the events`,
    );
  const known = addLineups(
    builder,
    sheet ? fromSheet(sheet.home, 'home') : inferred(homeId, 'home'),
    sheet ? fromSheet(sheet.away, 'away') : inferred(awayId, 'away'),
  );
  const unknown = new Map<string, number>();
  const player = (r: WyRecord): string | undefined => {
    if (!r.player) return undefined;
    const id = `p${r.player}`;
    if (known.has(id)) return id;
    if (!unknown.has(r.player)) {
      unknown.set(r.player, 0);
      builder.warn(
        'IMPORT_NOTE',
        `event ${r.id}: player ${r.player}${r.playerName ? ` (${r.playerName})` : ''} is not in the line-ups; kept without a player`,
        { eventId: r.id },
      );
    }
    unknown.set(r.player, unknown.get(r.player)! + 1);
    return undefined;
  };

  // Periods: Wyscout has no period events; each runs from its kick-off to its last event.
  for (const p of [...periods].sort()) {
    const last = Math.max(...records.filter((r) => r.period === p).map((r) => r.ms));
    builder.add('periodStarted', { period: p, ms: 0 }, {});
    builder.add('periodEnded', { period: p, ms: last }, {});
  }

  // Substitutions from the sheet, written before the events so a change at an instant precedes play.
  for (const t of sheet ? [sheet.home, sheet.away] : []) {
    const side = t.side;
    for (const s of t.substitutions) {
      const off = `p${s.playerOut}`;
      const on = `p${s.playerIn}`;
      if (!known.has(off) || !known.has(on)) {
        builder.warn(
          'FEED_CONTRADICTION',
          `the match sheet's substitution at ${s.minute}' (${s.playerOut} off, ${s.playerIn} on) names a player not in the line-ups: no substitution written`,
        );
        continue;
      }
      let at: Instant;
      if (s.exact) at = s.exact;
      else {
        at = minuteInstant(s.minute, periods);
        // Within the sheet's minute, after the last touch of the player going off.
        const end = Math.ceil(at.ms / 60_000) * 60_000 || 60_000;
        const touches = records.filter(
          (r) => r.player === s.playerOut && r.period === at.period && r.ms <= end,
        );
        const lastTouch = touches.length ? Math.max(...touches.map((r) => r.ms)) : -1;
        if (lastTouch >= at.ms) at = { period: at.period, ms: Math.min(lastTouch + 1, end) };
      }
      builder.add(
        'substitution',
        at,
        { team: side, playerOff: off, playerOn: on, kind: 'normal' },
        { id: `sub-${t.id}-${s.playerOut}-${s.playerIn}`, clock: `${s.minute}'` },
      );
    }
  }

  for (const r of records) {
    const side = sideOf(r.team);
    if (!side) continue;
    const at = { period: r.period, ms: r.ms };
    const source = { id: r.id, clock: r.clock };
    if (r.kick) {
      const taker = player(r);
      if (taker) {
        builder.add('shootoutKick', at, { team: side, taker, outcome: r.kick }, source);
        continue;
      }
    }
    if (r.goal) {
      const scorer = player(r);
      builder.add(
        'goal',
        at,
        {
          ...goalSides(side, r.goal.ownGoal),
          ...(scorer ? { scorer } : {}),
          penalty: r.goal.penalty,
          ownGoal: r.goal.ownGoal,
        },
        source,
      );
      continue;
    }
    if (r.penaltyMissed) {
      const taker = player(r);
      if (taker) {
        builder.add('penaltyMissed', at, { team: side, taker, outcome: r.penaltyMissed }, source);
        continue;
      }
    }
    if (r.card) {
      const carded = player(r);
      if (carded) builder.add('booking', at, { team: side, player: carded, card: r.card }, source);
      else builder.add('action', at, { team: side, kind: `${r.kind} (${r.card} card, no player)` }, source);
      continue;
    }
    if (options.keepActions === true) {
      const p = player(r);
      builder.add(
        'action',
        at,
        {
          team: side,
          ...(p ? { player: p } : {}),
          kind: r.kind,
          ...(r.outcome ? { outcome: r.outcome } : {}),
        },
        source,
      );
    } else if (r.play) builder.play(side, at);
  }
  for (const [id, count] of unknown)
    if (count > 1)
      builder.warn(
        'IMPORT_NOTE',
        `player ${id} is not in the line-ups: ${count} events kept without a player`,
      );

  if (sheet)
    compareSheet(sheet, records, builder, (id) => {
      const p = game.players.get(id);
      return p?.shortName || p?.fullName ? `${p.shortName || p.fullName} (${id})` : `player ${id}`;
    });
  const checkpoint = sheet ? sheetCheckpoint(sheet, periods) : undefined;
  const id = `wyscout-${(game.matchId ?? `${homeId}-${awayId}-${kickoff.slice(0, 10)}`).replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const stream = finishStream(id, builder.build(), builder.warnings, checkpoint, file);
  return { stream, warnings: builder.warnings };
}

/** The sheet's scores: `score` is the final one, `scoreHT` the half-time one, `scoreP` the kicks. */
function sheetCheckpoint(sheet: WySheet, periods: ReadonlySet<number>): Checkpoint | undefined {
  const { home, away } = sheet;
  if (home.score === undefined || away.score === undefined) return undefined;
  const final = { home: home.score, away: away.score };
  const regular = sheet.duration === 'Regular' || (!sheet.duration && !periods.has(3));
  return {
    source: 'the Wyscout match sheet (teamsData score)',
    final,
    ...(regular ? { fullTime: final } : {}),
    ...(home.scoreHT !== undefined && away.scoreHT !== undefined
      ? { halfTime: { home: home.scoreHT, away: away.scoreHT } }
      : {}),
    ...(sheet.duration === 'Penalties' && home.scoreP !== undefined && away.scoreP !== undefined
      ? { shootout: { home: home.scoreP, away: away.scoreP } }
      : {}),
  };
}

/** Each player's goals and card minutes on the sheet against the events; every difference is reported. */
function compareSheet(
  sheet: WySheet,
  records: readonly WyRecord[],
  builder: StreamBuilder,
  who: (id: string) => string,
): void {
  const goals = new Map<string, number>();
  const cards = new Map<string, WyRecord[]>();
  for (const r of records) {
    if (!r.player || r.period === 5) continue;
    if (r.goal && !r.goal.ownGoal) goals.set(r.player, (goals.get(r.player) ?? 0) + 1);
    if (r.card) cards.set(r.player, [...(cards.get(r.player) ?? []), r]);
  }
  const listed = new Set<string>();
  for (const t of [sheet.home, sheet.away])
    for (const p of [...t.lineup, ...t.bench] as WySheetPlayer[]) {
      listed.add(p.id);
      const events = goals.get(p.id) ?? 0;
      if (events !== p.goals)
        builder.warn(
          'FEED_CONTRADICTION',
          `the match sheet gives ${who(p.id)} ${p.goals} goal(s), the events ${events}`,
        );
      const own = cards.get(p.id) ?? [];
      const yellow = own.find((c) => c.card === 'yellow');
      const red = own.find((c) => c.card === 'red' || c.card === 'secondYellow');
      const check = (minute: number, card: WyRecord | undefined, what: string) => {
        if (minute > 0 && !card)
          builder.warn(
            'FEED_CONTRADICTION',
            `the match sheet gives ${who(p.id)} a ${what} card at ${minute}', the events have none`,
          );
        else if (minute === 0 && card)
          builder.warn(
            'FEED_CONTRADICTION',
            `the events give ${who(p.id)} a ${what} card (event ${card.id}, ${card.clock}) that the match sheet does not have`,
            { eventId: card.id },
          );
        else if (card && Math.abs(displayOf(card) - minute) > 1)
          builder.warn(
            'FEED_CONTRADICTION',
            `${who(p.id)}'s ${what} card: the match sheet says ${minute}', the event ${card.id} ${card.clock}`,
            { eventId: card.id },
          );
      };
      check(p.yellowMinute, yellow, 'yellow');
      check(p.redMinute, red, 'red');
    }
  for (const [id, n] of goals)
    if (!listed.has(id))
      builder.warn(
        'FEED_CONTRADICTION',
        `the events give ${who(id)} ${n} goal(s); the match sheet does not list them`,
      );
}

/** What a file is, by its content. */
export type WyscoutFileKind = 'v3' | 'v2 events' | 'v2 match' | 'v2 players' | 'v2 teams';
export function kindOf(value: unknown): WyscoutFileKind | null {
  if (isV3(value)) return 'v3';
  if (isV2Events(value)) return 'v2 events';
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (!isPlain(first)) return null;
  if (isPlain(first.teamsData) || (isPlain(first.match) && isPlain(obj(first.match).teamsData)))
    return 'v2 match';
  const inner = isPlain(first.player) ? first.player : first;
  if (
    Array.isArray(value) &&
    idText(inner.wyId) &&
    ('shortName' in inner || 'role' in inner || 'birthDate' in inner)
  )
    return 'v2 players';
  const team = isPlain(first.team) ? first.team : first;
  if (Array.isArray(value) && idText(team.wyId) && ('officialName' in team || 'city' in team))
    return 'v2 teams';
  return null;
}

/** The files in any order, told apart by content; each events file (v3 or v2) makes its streams. */
export function loadFiles(files: readonly ProviderFile[], options: WyscoutOptions = {}): LoadResult {
  const events: ProviderFile[] = [];
  const side: { match?: ProviderFile; players?: ProviderFile; teams?: ProviderFile } = {};
  for (const f of files) {
    const name = fileName(f, 'wyscout.json');
    const kind = kindOf(parseJson(fileText(f), name));
    if (kind === null)
      throw formatError(
        name,
        'not a Wyscout file: neither events (v2 or v3), a match sheet (teamsData), players nor teams',
        { line: 1 },
      );
    if (kind === 'v3' || kind === 'v2 events') events.push(f);
    else side[kind === 'v2 match' ? 'match' : kind === 'v2 players' ? 'players' : 'teams'] = f;
  }
  if (events.length === 0)
    throw new MatchlineError({ code: 'USAGE', message: 'no Wyscout events file among the files given' });
  const results = events.map((f) => {
    const v3 = isV3(parseJson(fileText(f), fileName(f, 'wyscout.json')));
    return load({ events: f, ...(v3 ? {} : side) }, options);
  });
  return loadResult(
    results.flatMap((r) => r.streams),
    results.flatMap((r) => r.warnings),
  );
}
