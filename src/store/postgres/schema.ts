/**
 * The store's tables, created and migrated by the store itself. Migrations are numbered and applied
 * in one transaction under an advisory lock, so several processes opening the same store at once
 * apply each step exactly once; a process that finds a newer schema than it knows refuses to write.
 */
import type pg from 'pg';
import { MatchlineError } from '../../events/index.js';

/** Schema names are interpolated as identifiers (they cannot be query parameters), so they are plain. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new MatchlineError({
      code: 'USAGE',
      message: `${JSON.stringify(schema.slice(0, 70))} is not a schema name: use lower-case letters, digits and '_' (at most 63)`,
    });
  }
  return schema;
}

/**
 * Events get `position = transaction id * 65536 + index in the append`: one append is one transaction,
 * so positions are unique and increase with the transaction id. Readers of the global log only read
 * positions below the oldest running transaction (see docs/store.md, "Global positions").
 */
export const POSITIONS_PER_TRANSACTION = 65_536;

const MIGRATIONS: readonly ((s: string) => string)[] = [
  (s) => `
    CREATE TABLE ${s}.streams (
      stream_id text PRIMARY KEY,
      version integer NOT NULL CHECK (version >= 0)
    );
    CREATE TABLE ${s}.events (
      position bigint PRIMARY KEY,
      stream_id text NOT NULL REFERENCES ${s}.streams (stream_id),
      version integer NOT NULL CHECK (version >= 1),
      event json NOT NULL,
      UNIQUE (stream_id, version)
    );`,
  (s) => `
    CREATE TABLE ${s}.projection_checkpoints (
      name text PRIMARY KEY,
      position bigint NOT NULL
    );
    CREATE TABLE ${s}.projection_matches (
      projection text NOT NULL,
      stream_id text NOT NULL,
      competition text,
      season text,
      grp text,
      summary json NOT NULL,
      PRIMARY KEY (projection, stream_id)
    );
    CREATE INDEX ON ${s}.projection_matches (projection, competition, season, grp);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Fixed first key of the store's advisory locks ("ml" in ASCII), so they do not meet other apps' locks. */
export const LOCK_SPACE = 0x6d6c;

export async function migrate(client: pg.ClientBase, schema: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_SPACE, `schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ v: number | null }>(
      `SELECT max(version) AS v FROM ${schema}.migrations`,
    );
    const current = rows[0]?.v ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new MatchlineError({
        code: 'USAGE',
        message: `the store in schema ${schema} is at version ${current}, newer than this matchline knows (${SCHEMA_VERSION}): upgrade matchline`,
      });
    }
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      await client.query(MIGRATIONS[version - 1]!(schema));
      await client.query(`INSERT INTO ${schema}.migrations (version) VALUES ($1)`, [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
