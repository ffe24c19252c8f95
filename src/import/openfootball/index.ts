/**
 * openfootball (football.db) to matchline streams in one call: `openfootball.load(text, { file })`.
 * Pure: text in, streams out; the caller reads and writes files. Every option is checked before any
 * work, so a bad `awayGoals` or time zone is a USAGE error, never a half-written folder.
 */
import { checkEvents, MatchlineError, type Problem, type Rules } from '../../events/index.js';
import { fold } from '../../match/fold.js';
import { knownTimeZone } from './calendar.js';
import { parseFootballJson } from './json.js';
import { toStreams, type CupFormat, type OfCancelled, type OfStream, type TeamLookup } from './streams.js';
import { parseFootballTxt, type OfParseResult } from './txt.js';

export { parseFootballTxt, type OfMatch, type OfParseResult, type OfStatus } from './txt.js';
export { parseFootballJson } from './json.js';
export {
  toStreams,
  defaultIsLeagueRound,
  type CupFormat,
  type OfCancelled,
  type OfStream,
  type OfStreams,
  type StreamOptions,
  type TeamLookup,
} from './streams.js';
export type { OfGoal, Score } from './grammar.js';

export const AWAY_GOALS_RULES: readonly Rules['awayGoals'][] = [
  'none',
  'afterNormalTime',
  'afterNormalTimeAndExtraTime',
];

export interface LoadOptions {
  /** Names the source in problems; a name ending in .json (or text starting with `{`) is read as JSON. */
  readonly file?: string;
  /** Default: the file's title without its season (`UEFA Champions League`). */
  readonly competition?: string;
  /** `2020-21` or `2022`. Default: from the title, else the first match's year. */
  readonly season?: string;
  /** Default: UEFA club competitions until 2020-21 count away goals after extra time too; others none. */
  readonly awayGoals?: string;
  /** IANA zone of the local kick-off times. Default by competition: England Europe/London, else CET. */
  readonly timeZone?: string;
  readonly cupFormat?: CupFormat;
  /** Canonical team ids (e.g. `defaultTeams().lookup`); without it ids are slugs of the names. */
  readonly teams?: TeamLookup;
  /** strict (default): a line that cannot be read throws. lenient: it is one of `problems`. */
  readonly mode?: 'strict' | 'lenient';
}

export interface LoadResult {
  readonly title: string | null;
  readonly competition: string;
  readonly season: string;
  readonly streams: readonly OfStream[];
  readonly cancelled: readonly OfCancelled[];
  /** Lines that could not be read (lenient mode), with file and line. */
  readonly problems: readonly Problem[];
  /** What the importer decided and what the engine noticed, per stream (`file` is the stream id). */
  readonly warnings: readonly Problem[];
}

const usage = (message: string) => new MatchlineError({ code: 'USAGE', message });

function seasonOf(title: string | null, firstDate: string | null): string {
  const two = /(\d{4})[/-](\d{2})(?!\d)/.exec(title ?? '');
  if (two) return `${two[1]}-${two[2]}`;
  const one = /\b(\d{4})\b/.exec(title ?? '');
  return one ? one[1]! : (firstDate?.slice(0, 4) ?? '1970');
}

function defaultTimeZone(title: string): string {
  if (/english|premier league|fa cup|efl|league cup/i.test(title)) return 'Europe/London';
  if (/world cup 2022/i.test(title)) return 'Asia/Qatar';
  if (/world cup 2018/i.test(title)) return 'Europe/Moscow';
  return 'Europe/Paris';
}

/** Reads one openfootball file (Football.TXT or JSON) into one stream per match. */
export function load(text: string, options: LoadOptions = {}): LoadResult {
  if (typeof text !== 'string') throw usage('openfootball.load needs the file’s text');
  const { file } = options;
  if (options.awayGoals !== undefined && !(AWAY_GOALS_RULES as readonly string[]).includes(options.awayGoals))
    throw usage(`--away-goals must be one of ${AWAY_GOALS_RULES.join(', ')}, not "${options.awayGoals}"`);
  if (options.timeZone !== undefined && !knownTimeZone(options.timeZone))
    throw usage(
      `"${options.timeZone}" is not a time zone this runtime knows (use an IANA name such as Europe/London)`,
    );
  if (options.season !== undefined && !/^\d{4}(-\d{2})?$/.test(options.season))
    throw usage(`a season is written 2020-21 or 2022, not "${options.season}"`);
  const asJson = file ? /\.json$/i.test(file) : text.trimStart().startsWith('{');
  const parsed: OfParseResult = asJson
    ? parseFootballJson(text, file ? { file } : {})
    : parseFootballTxt(text, file ? { file } : {});
  const unreadable = parsed.problems.filter((p) => p.code === 'PARSE_ERROR');
  if ((options.mode ?? 'strict') === 'strict' && unreadable[0]) throw new MatchlineError(unreadable[0]);
  const title = parsed.title;
  const season = options.season ?? seasonOf(title, parsed.matches[0]?.date ?? null);
  const competition =
    options.competition ??
    ((title ?? '')
      .replace(/\b\d{4}(?:[/-]\d{2})?\b/, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 128) ||
      'openfootball');
  const uefaClub = /champions|europa|uefa/i.test(competition);
  const awayGoals = (options.awayGoals ??
    (uefaClub && Number(season.slice(0, 4)) <= 2020
      ? 'afterNormalTimeAndExtraTime'
      : 'none')) as Rules['awayGoals'];
  const { streams, cancelled } = toStreams(parsed, {
    competition,
    season,
    awayGoals,
    timeZone: options.timeZone ?? defaultTimeZone(title ?? competition),
    cupFormat: options.cupFormat ?? (/\bFA Cup\b/i.test(title ?? competition) ? 'replays' : 'legs'),
    ...(options.teams ? { teams: options.teams } : {}),
  });
  const warnings: Problem[] = [];
  for (const s of streams) {
    const where = { file: `${s.id}.ndjson` };
    for (const n of s.notes) warnings.push({ ...n, ...where });
    // The importer's own output must pass the schemas and the engine; anything else is a bug here.
    const invalid = checkEvents(s.events)[0];
    if (invalid)
      throw new MatchlineError({ ...invalid, ...where, message: `importer bug: ${invalid.message}` });
    for (const w of fold(s.events, undefined, { mode: 'lenient' }).warnings)
      warnings.push({ ...w, ...where });
  }
  return { title, competition, season, streams, cancelled, problems: parsed.problems, warnings };
}

/** The one-call shape of `matchline/import`: `openfootball.load(text, { file })`. */
export const openfootball = {
  load,
  parseTxt: parseFootballTxt,
  parseJson: parseFootballJson,
  toStreams,
} as const;
