/**
 * Metrica Sports events JSON: `metrica.load(file, { kickoff })`. One file: `data`, the events (each
 * with `team`, `type`, `subtypes` (null, one object or a list), `period`, `start`/`end` with `time` in
 * seconds since the start of the recording, running on across periods, and `from`/`to` players), and
 * `metadata`, the file's own list of type and subtype names. There is no match sheet: no date, no
 * home or away, no line-ups, no shirt numbers, no substitutions and no final score. So the kick-off is
 * given, the home team is the first team of the file (or the one given), the line-ups are inferred
 * from who appears (the first eleven of a team to appear start), the score is the goals' sum and
 * nothing checks it. Players are the feed's anonymised "Player N" with its ids.
 */
import type { Side } from '../../events/index.js';
import { MatchlineError } from '../../events/errors.js';
import { PERIOD_START } from '../../time/index.js';
import {
  addLineups,
  clockLabel,
  fileName,
  fileText,
  finishStream,
  formatError,
  guarded,
  isRecord,
  loadResult,
  matchRules,
  numberedPeriod,
  parseJson,
  seasonLabel,
  StreamBuilder,
  type LoadResult,
  type PlayPeriod,
  type ProviderFile,
  type SheetTeam,
} from '../kit/index.js';

export interface MetricaOptions {
  /** Keep every on-ball event as an `action` (default: only what changes match state). */
  readonly keepActions?: boolean;
  /** The kick-off, ISO 8601 with its offset: the file has no date, so it is needed. */
  readonly kickoff?: string;
  /** The home team, by Metrica id or name (default: the team of the file's first event). */
  readonly home?: string;
  readonly competition?: string;
  readonly season?: string;
  readonly round?: string;
}

type Plain = Record<string, unknown>;

/** One event of the file, checked and with its names resolved through the file's metadata. */
interface MetricaRecord {
  /** The record's `index` (or its position in `data`). */
  readonly id: string;
  readonly position: number;
  readonly team: { readonly id: string; readonly name: string };
  readonly type: string;
  readonly subtypes: readonly string[];
  readonly period: PlayPeriod;
  /** Seconds since the start of the recording. */
  readonly start: number;
  readonly end: number;
  readonly from?: { readonly id: string; readonly name: string };
  readonly to?: { readonly id: string; readonly name: string };
}

const ID_UNSAFE = /[^A-Za-z0-9._:-]/g;
const safeId = (id: string) => id.replace(ID_UNSAFE, '_').slice(0, 64);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const seconds = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e7 ? v : undefined;

/** Whether a parsed JSON value is a Metrica events file (content detection for the command). */
export function isMetricaEvents(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.data)) return false;
  const first = value.data.find(isRecord);
  return !!first && isRecord(first.start) && 'period' in first && isRecord(first.type);
}

export function load(file: ProviderFile, options: MetricaOptions = {}): LoadResult {
  const name = fileName(file, 'metrica_events.json');
  return fromValue(parseJson(fileText(file), name), name, options);
}

function fromValue(value: unknown, name: string, options: MetricaOptions): LoadResult {
  if (!isRecord(value) || !Array.isArray(value.data))
    throw formatError(name, 'a Metrica events file is an object with a data list of events (and metadata)', {
      line: 1,
    });
  return guarded(name, () => convert(value, name, options));
}

/** The file's own names of its type and subtype ids (ids are strings there, numbers in the events). */
function metadataNames(metadata: unknown): Map<string, string> {
  const names = new Map<string, string>();
  if (!Array.isArray(metadata)) return names;
  for (const m of metadata) {
    if (!isRecord(m)) continue;
    const category = str(m.category);
    const id = str(m.id);
    const label = str(m.name);
    if (category && id && label) names.set(`${category}|${id}`, label.slice(0, 48));
  }
  return names;
}

function readRecords(data: unknown[], file: string, names: Map<string, string>): MetricaRecord[] {
  const records: MetricaRecord[] = [];
  data.forEach((raw, i) => {
    const pointer = `/data/${i}`;
    const fail = (what: string, at = '') =>
      new MatchlineError({
        code: 'PROVIDER_FORMAT',
        message: `event ${i} ${what}`,
        file,
        pointer: `${pointer}${at}`,
      });
    if (!isRecord(raw)) throw fail('is not an object');
    const named = (v: unknown, category: string): string | undefined => {
      if (!isRecord(v)) return undefined;
      return str(v.name)?.slice(0, 48) ?? names.get(`${category}|${str(v.id) ?? ''}`);
    };
    const type = named(raw.type, 'TYPE');
    if (!type) throw fail('has no type name', '/type');
    const subtypes = (
      Array.isArray(raw.subtypes)
        ? raw.subtypes
        : raw.subtypes === null || raw.subtypes === undefined
          ? []
          : [raw.subtypes]
    ).map((s, j) => {
      const n = named(s, 'SUBTYPE');
      if (!n)
        throw fail('has a subtype with no name', `/subtypes${Array.isArray(raw.subtypes) ? `/${j}` : ''}`);
      return n;
    });
    const period = numberedPeriod(raw.period);
    if (!period) throw fail(`has period ${JSON.stringify(raw.period)}, not 1-5`, '/period');
    const start = seconds(isRecord(raw.start) ? raw.start.time : undefined);
    if (start === undefined) throw fail('has no start.time in seconds', '/start/time');
    const end = seconds(isRecord(raw.end) ? raw.end.time : undefined) ?? start;
    const team = isRecord(raw.team) ? str(raw.team.id) : undefined;
    if (!team) throw fail('has no team id', '/team');
    const person = (v: unknown) => {
      if (!isRecord(v)) return undefined;
      const id = str(v.id);
      return id ? { id: safeId(id), name: (str(v.name) ?? id).slice(0, 128) } : undefined;
    };
    const from = person(raw.from);
    const to = person(raw.to);
    records.push({
      id: str(raw.index) ?? String(i),
      position: i,
      team: { id: safeId(team), name: (str((raw.team as Plain).name) ?? team).slice(0, 128) },
      type,
      subtypes,
      period,
      start,
      end: Math.max(end, start),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
  });
  return records;
}

function convert(feed: Plain, file: string, options: MetricaOptions): LoadResult {
  const records = readRecords(feed.data as unknown[], file, metadataNames(feed.metadata));
  if (records.length === 0) throw formatError(file, 'the data list has no events', { pointer: '/data' });
  const builder = new StreamBuilder({ provider: 'metrica', prefix: 'mt', file, order: 'time' });

  // Teams in the order they appear; the home team is the one given, else the first.
  const teams = new Map<string, string>();
  for (const r of records) if (!teams.has(r.team.id)) teams.set(r.team.id, r.team.name);
  if (teams.size !== 2)
    throw formatError(
      file,
      `the events name ${teams.size} team(s) (${[...teams.keys()].join(', ')}), not two`,
      { pointer: '/data' },
    );
  const [first, second] = [...teams.keys()] as [string, string];
  let homeId = first;
  const wanted = options.home?.trim().toLowerCase();
  if (wanted) {
    const found = [...teams].find(([id, n]) => id.toLowerCase() === wanted || n.toLowerCase() === wanted);
    if (!found)
      throw new MatchlineError({
        code: 'USAGE',
        message: `home "${options.home}" is neither team of the file (${[...teams].map(([id, n]) => `${id} ${n}`).join(', ')})`,
        file,
      });
    homeId = found[0];
  } else
    builder.warn(
      'IMPORT_NOTE',
      `the Metrica events do not say which team is at home: ${teams.get(first)} (${first}), the team of the first event, is written as home (give home to choose)`,
    );
  const awayId = homeId === first ? second : first;
  const sideOf = (team: string): Side => (team === homeId ? 'home' : 'away');

  const kickoff = options.kickoff;
  if (!kickoff)
    throw new MatchlineError({
      code: 'USAGE',
      message:
        'a Metrica events file carries no date: give the kick-off (--kickoff, ISO 8601 with an offset)',
      file,
    });
  if (
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(kickoff) ||
    Number.isNaN(Date.parse(kickoff))
  )
    throw new MatchlineError({
      code: 'USAGE',
      message: `the kick-off "${kickoff}" is not ISO 8601 with an offset (2019-10-05T15:00:00+01:00)`,
    });

  // Each period's clock starts at its first event (the kick-off set piece).
  const zero = new Map<PlayPeriod, number>();
  for (const r of records) zero.set(r.period, Math.min(zero.get(r.period) ?? Infinity, r.start));
  const periods = [...zero.keys()].sort((a, b) => a - b);
  for (const p of periods) {
    const opening = records.find((r) => r.period === p && r.start === zero.get(p));
    if (opening && !(opening.type === 'SET PIECE' && opening.subtypes.includes('KICK OFF')))
      builder.warn(
        'IMPORT_NOTE',
        `period ${p} has no kick-off as its first event: its clock starts at event ${opening.id} (${opening.type})`,
      );
  }
  const instant = (period: PlayPeriod, time: number) => {
    const ms = Math.round((time - zero.get(period)!) * 1000);
    const running = (PERIOD_START[period] ?? 0) * 60 + ms / 1000;
    return { at: { period, ms }, clock: clockLabel(Math.floor(running / 60), running % 60) };
  };

  const competition = options.competition ?? 'Metrica';
  if (!options.competition)
    builder.warn(
      'IMPORT_NOTE',
      `the file names no competition: "${competition}" is written (give competition to name it)`,
    );
  builder.setup({
    type: 'fixture',
    competition: competition.slice(0, 128),
    season: options.season ?? seasonLabel(undefined, kickoff),
    round: (options.round ?? 'Unknown').slice(0, 64),
    leg: 'single',
    home: { id: homeId, name: teams.get(homeId)! },
    away: { id: awayId, name: teams.get(awayId)! },
    kickoff,
    rules: matchRules({ competition, kickoff, periods }),
    // No substitution events: players who come on appear without a change.
    coverage: { substitutions: false },
    notes:
      'Metrica events file: no match sheet, so the line-ups are inferred (the first eleven of each team to appear start), no substitutions are recorded, and the score is the sum of the goals.',
  });

  // Line-ups: every player of a team in the order they first appear; the first eleven start.
  const order = new Map<string, Map<string, string>>([
    [homeId, new Map()],
    [awayId, new Map()],
  ]);
  for (const r of [...records].sort(
    (a, b) => a.period - b.period || a.start - b.start || a.position - b.position,
  ))
    for (const p of [r.from, r.to])
      if (p && !order.get(r.team.id)!.has(p.id)) order.get(r.team.id)!.set(p.id, p.name);
  const sheet = (team: string): SheetTeam => ({
    id: team,
    name: teams.get(team)!,
    players: [...order.get(team)!].map(([id, n], i) => ({ id, name: n, starter: i < 11 })),
  });
  const home = sheet(homeId);
  const away = sheet(awayId);
  // A player seen under both teams belongs to the first team; the other's events keep no player.
  const teamOf = new Map<string, string>();
  for (const t of [home, away]) for (const p of t.players) if (!teamOf.has(p.id)) teamOf.set(p.id, t.id);
  const known = addLineups(
    builder,
    { ...home, players: home.players.filter((p) => teamOf.get(p.id) === homeId) },
    { ...away, players: away.players.filter((p) => teamOf.get(p.id) === awayId) },
  );
  builder.warn(
    'IMPORT_NOTE',
    `no match sheet: the line-ups are inferred from who appears (${home.players.length} players of ${home.name}, ${away.players.length} of ${away.name}; the first eleven of each start), and no substitutions are recorded (Metrica has no substitution events)`,
  );
  const starters = new Set(
    [home, away].flatMap((t) =>
      t.players.filter((p) => p.starter && teamOf.get(p.id) === t.id).map((p) => p.id),
    ),
  );
  const player = (r: MetricaRecord): string | undefined =>
    r.from && known.has(r.from.id) && teamOf.get(r.from.id) === r.team.id ? r.from.id : undefined;

  // Periods: from the first event to the END HALF event (else the period's last event).
  for (const p of periods) {
    const inPeriod = records.filter((r) => r.period === p);
    const endHalf = inPeriod.filter((r) => r.subtypes.includes('END HALF'));
    const last = Math.max(...(endHalf.length ? endHalf : inPeriod).map((r) => r.end));
    builder.add('periodStarted', { period: p, ms: 0 }, {});
    const end = instant(p, last);
    builder.add('periodEnded', end.at, { clock: end.clock });
  }

  const yellow = new Set<string>();
  records.forEach((r, i) => {
    const side = sideOf(r.team.id);
    const { at, clock } = instant(r.period, r.start);
    const source = { id: r.id, clock };
    const previous = records[i - 1];
    const penalty =
      r.subtypes.includes('PENALTY') ||
      (previous?.type === 'SET PIECE' &&
        previous.team.id === r.team.id &&
        previous.subtypes.includes('PENALTY'));
    if (r.type === 'SHOT' && r.subtypes.includes('GOAL')) {
      if (r.period === 5) {
        const taker = player(r);
        if (taker) {
          builder.add(
            'shootoutKick',
            { period: 5, ms: at.ms },
            { team: side, taker, outcome: 'scored' },
            source,
          );
          return;
        }
      }
      const scorer = player(r);
      // The engine credits a goal only to a player on the pitch; a bench player by the inferred
      // line-ups (one who came on, with no substitution in the feed) scores without a name.
      const onPitch = scorer && starters.has(scorer) ? scorer : undefined;
      if (scorer && !onPitch)
        builder.warn(
          'IMPORT_NOTE',
          `goal ${r.id}: ${r.from?.name ?? scorer} came on without a substitution in the feed: the goal is written without its scorer`,
          { eventId: r.id },
        );
      builder.add(
        'goal',
        at,
        { team: side, scorerTeam: side, ...(onPitch ? { scorer: onPitch } : {}), penalty, ownGoal: false },
        source,
      );
      return;
    }
    if (r.type === 'SHOT' && r.period === 5) {
      const taker = player(r);
      if (taker) {
        const outcome = r.subtypes.includes('WOODWORK')
          ? 'woodwork'
          : r.subtypes.includes('SAVED')
            ? 'saved'
            : 'missed';
        builder.add('shootoutKick', { period: 5, ms: at.ms }, { team: side, taker, outcome }, source);
        return;
      }
    }
    if (r.type === 'SHOT' && penalty) {
      const taker = player(r);
      if (taker && starters.has(taker)) {
        const outcome = r.subtypes.includes('WOODWORK')
          ? 'woodwork'
          : r.subtypes.includes('SAVED') || r.subtypes.includes('ON TARGET')
            ? 'saved'
            : 'offTarget';
        builder.add('penaltyMissed', at, { team: side, taker, outcome }, source);
        return;
      }
    }
    if (r.type === 'CARD') {
      const carded = player(r);
      const red = r.subtypes.includes('RED');
      const card = red
        ? 'red'
        : r.subtypes.includes('YELLOW')
          ? carded && yellow.has(carded)
            ? 'secondYellow'
            : 'yellow'
          : null;
      if (card && carded) {
        if (card === 'yellow') yellow.add(carded);
        builder.add('booking', at, { team: side, player: carded, card }, source);
        return;
      }
      builder.warn(
        'IMPORT_NOTE',
        `card ${r.id} (${r.subtypes.join(', ') || 'no colour'}) has ${card ? 'no player' : 'no YELLOW or RED subtype'}: kept as an action`,
        { eventId: r.id },
      );
      builder.add('action', at, { team: side, kind: kindOf(r) }, source);
      return;
    }
    if (options.keepActions === true) {
      const p = player(r);
      builder.add('action', at, { team: side, ...(p ? { player: p } : {}), kind: kindOf(r) }, source);
    } else builder.play(side, at);
  });

  builder.warn(
    'IMPORT_NOTE',
    'the Metrica events file has no match sheet: the score is the sum of its goals, and nothing checks it',
  );
  const streamId = `metrica-${homeId}-${awayId}-${kickoff.slice(0, 10)}`.replace(/[^A-Za-z0-9._-]/g, '_');
  const stream = finishStream(streamId, builder.build(), builder.warnings, undefined, file);
  return loadResult([stream], builder.warnings);
}

/** "PASS", "SET PIECE: FREE KICK, INDIRECT": the type and its subtypes, within the schema's 64. */
function kindOf(r: MetricaRecord): string {
  return (r.subtypes.length ? `${r.type}: ${r.subtypes.join(', ')}` : r.type).slice(0, 64);
}

/** The command's shape: one events file. */
export function loadFiles(files: readonly ProviderFile[], options: MetricaOptions = {}): LoadResult {
  if (files.length !== 1)
    throw new MatchlineError({
      code: 'USAGE',
      message: 'Metrica is one events JSON file per match (the tracking and metadata files are not read)',
    });
  const file = files[0]!;
  const name = fileName(file, 'metrica_events.json');
  const value = parseJson(fileText(file), name);
  if (!isMetricaEvents(value))
    throw formatError(
      name,
      'not a Metrica events file: it has no data list of events with type, period and start.time',
      { line: 1 },
    );
  return fromValue(value, name, options);
}
