export * from './series.js';
export * from './svg.js';
