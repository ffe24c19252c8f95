/** The mapping kit every provider importer shares. */
export * from './errors.js';
export * from './periods.js';
export * from './names.js';
export * from './builder.js';
export * from './finish.js';
export * from './corrections.js';
export * from './cards.js';
export * from './rules.js';
export * from './lineups.js';
