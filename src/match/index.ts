export * from './state.js';
export { applyEvent, evolve, fold, prefixLength, stateAt, type FoldOptions, type Point } from './fold.js';
export type { FoldContext } from './context.js';
export * from './minutes.js';
export * from './discipline.js';
export { describeEvent, minuteOf } from './describe.js';
export { kickerSide, isDecided } from './rules/shootout.js';
export * from './summary.js';
export { toPlain, toRows, ROW_KINDS, type PlainState, type Row, type RowKind } from './plain.js';
