/**
 * Per test file: one throwaway PostgreSQL cluster (see postgres-cluster.ts), a database for the file,
 * and a fresh schema per store so tests never see each other's streams. Stores are closed and the
 * cluster removed after the file.
 */
import { afterAll, beforeAll } from 'vitest';
import { PostgresEventStore, type PostgresStoreOptions } from '../src/store/postgres/index.js';
import { startCluster, type TestCluster } from './postgres-cluster.js';

export interface PostgresFixture {
  /** The file's database: postgres://matchline:<password>@127.0.0.1:<port>/<db> */
  readonly url: string;
  readonly cluster: TestCluster;
  /** A store in a new schema of its own. */
  store(options?: PostgresStoreOptions): Promise<PostgresEventStore>;
  /** Another instance over the same schema (closed after the file). */
  reopen(store: PostgresEventStore): Promise<PostgresEventStore>;
  /** A schema name not used yet in this file. */
  freshSchema(): string;
}

export function usePostgres(): PostgresFixture {
  let cluster: TestCluster | undefined;
  let url = '';
  let schemas = 0;
  const opened: PostgresEventStore[] = [];
  beforeAll(async () => {
    cluster = await startCluster();
    url = await cluster.createDatabase('matchline_test');
  }, 120_000);
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    cluster?.stop();
  });
  const freshSchema = () => `t${process.pid}_${++schemas}`;
  return {
    get url() {
      return url;
    },
    get cluster() {
      if (!cluster) throw new Error('the PostgreSQL cluster did not start');
      return cluster;
    },
    freshSchema,
    async reopen(store) {
      const again = await PostgresEventStore.open(url, { schema: store.schema, pollIntervalMs: 50 });
      opened.push(again);
      return again;
    },
    async store(options = {}) {
      const store = await PostgresEventStore.open(url, { schema: freshSchema(), ...options });
      opened.push(store);
      return store;
    },
  };
}
