export * from './store.js';
export * from './memory/memory.js';
export * from './file/file.js';
export { QueueLock, ProcessLock, type StoreLock, type Release } from './file/lock.js';
export { nodeFs, type StoreFs, type StoreFile, type EntryKind, type OpenMode } from './fs/fs.js';
export * from './projection.js';
// PostgreSQL (loads the pure-JS `pg` client; the CLI imports the file store on its own so folders never load it).
export * from './postgres/index.js';
