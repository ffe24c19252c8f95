export * from './frames.js';
export * from './replay.js';
