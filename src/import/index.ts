/**
 * `matchline/import`: provider data to matchline streams. Pure (parsed JSON or text in, streams out);
 * `matchline/node` reads the files. Each provider is a namespace with a one-call `load`.
 * Providers: add one `export` line here for each new importer.
 */
import { importStatsBomb } from './statsbomb.js';

export * from './statsbomb.js';
export {
  AWAY_GOALS_RULES,
  defaultIsLeagueRound,
  openfootball,
  parseFootballJson,
  parseFootballTxt,
  toStreams,
  type CupFormat,
  type LoadOptions as OpenfootballLoadOptions,
  type LoadResult as OpenfootballLoadResult,
  type OfCancelled,
  type OfGoal,
  type OfMatch,
  type OfParseResult,
  type OfStatus,
  type OfStream,
  type OfStreams,
  type Score,
  type StreamOptions,
  type TeamLookup,
} from './openfootball/index.js';

/** The one-call shape: `statsbomb.load({ events, lineups, match? })`. */
export const statsbomb = { load: importStatsBomb } as const;
