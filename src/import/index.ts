/**
 * `matchline/import`: provider data to matchline streams. Pure (parsed JSON or text in, streams out);
 * `matchline/node` reads the files. Each provider is a namespace with a one-call `load`.
 * Providers: add one `export` line here for each new importer.
 */
export type { ImportedStream, LoadResult, ProviderFile, SnapshotChanges } from './kit/index.js';
export { changesSince } from './kit/index.js';
export * as statsbomb from './statsbomb/index.js';
export * as opta from './opta/index.js';
export * as statsperform from './statsperform/index.js';
export * as datafactory from './datafactory/index.js';
export * as wyscout from './wyscout/index.js';
export * as metrica from './metrica/index.js';
export * as sportec from './sportec/index.js';
export {
  importStatsBomb,
  type ImportResult,
  type SbEvent,
  type SbLineupTeam,
  type SbMatch,
  type StatsBombFiles,
  type StatsBombInput,
  type StatsBombLoadResult,
  type StatsBombOptions,
} from './statsbomb/index.js';
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
export {
  COVERAGE,
  COVERAGE_FEATURES,
  COVERAGE_PROVIDERS,
  coverageCell,
  showsFeature,
  type CoverageCell,
  type CoverageFeature,
  type CoverageProvider,
  type CoverageStatus,
} from './coverage.js';
