export * from './store.js';
export { redactUrl } from './connection.js';
export { SCHEMA_VERSION } from './schema.js';
export { PostgresProjectionSink } from './projection-sink.js';
