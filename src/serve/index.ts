export {
  createMatchCentre,
  DEFAULT_LIMITS,
  type AppOptions,
  type MatchCentre,
  type ServeLimits,
} from './app.js';
export { startMatchCentre, type RunningMatchCentre, type ServeOptions } from './server.js';
export { deltaOf, scoreboardOf, type Delta, type DeltaOp, type Scoreboard } from './deltas.js';
export { liveResult, liveTable, type LiveTable, type GroupKey } from './tables.js';
