export * from './result.js';
export * from './tie.js';
export * from './table.js';
export * from './records.js';
