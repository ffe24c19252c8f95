export * from './types.js';
export * from './errors.js';
export * from './validate.js';
export * from './parse.js';
export * from './markers.js';
