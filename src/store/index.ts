export * from './store.js';
export * from './memory.js';
export * from './file.js';
