/** matchline: the public API. Everything a library consumer needs is exported from here. */
export * from './time/index.js';
export * from './events/index.js';
export * from './match/index.js';
export * from './competition/index.js';
export * from './identity/index.js';
export * from './replay/index.js';
export * from './render/index.js';
