/**
 * fast-check arbitraries for property tests (`matchline/testing`): valid matches, ties, groups,
 * single events, and invalid matches paired with the error code the engine must report.
 */
export * from './arbitraries.js';
export * from './events.js';
export * from './invalid.js';
