/**
 * Projection summaries and checkpoints kept in PostgreSQL (tables of schema migration 2), so any
 * process can read tables and records without folding, and a restarted follower resumes from the
 * saved checkpoint. A save is one transaction; a save whose checkpoint is not newer than the stored
 * one (a slower second follower) changes nothing.
 */
import type { MatchSummary, ProjectionSink } from '../projection.js';
import type { PostgresEventStore } from './store.js';

export class PostgresProjectionSink implements ProjectionSink {
  constructor(private readonly store: PostgresEventStore) {}

  private get s(): string {
    return this.store.schema;
  }

  async load(name: string): Promise<{ checkpoint: number; summaries: MatchSummary[] }> {
    return this.store.run('loading a projection', async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const cp = await client.query<{ position: string }>(
          `SELECT position FROM ${this.s}.projection_checkpoints WHERE name = $1`,
          [name],
        );
        const rows = await client.query<{ summary: MatchSummary }>(
          `SELECT summary FROM ${this.s}.projection_matches WHERE projection = $1 ORDER BY stream_id COLLATE "C"`,
          [name],
        );
        return { checkpoint: Number(cp.rows[0]?.position ?? 0), summaries: rows.rows.map((r) => r.summary) };
      } finally {
        await client.query('COMMIT');
      }
    });
  }

  async save(name: string, checkpoint: number, changed: readonly MatchSummary[]): Promise<void> {
    await this.store.run('saving a projection', async (client) => {
      await client.query('BEGIN');
      try {
        await client.query(
          `INSERT INTO ${this.s}.projection_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT DO NOTHING`,
          [name],
        );
        const cp = await client.query<{ position: string }>(
          `SELECT position FROM ${this.s}.projection_checkpoints WHERE name = $1 FOR UPDATE`,
          [name],
        );
        if (Number(cp.rows[0]!.position) >= checkpoint) {
          await client.query('ROLLBACK');
          return;
        }
        if (changed.length > 0) {
          await client.query(
            `INSERT INTO ${this.s}.projection_matches (projection, stream_id, competition, season, grp, summary)
             SELECT $1, t.s->>'streamId', t.s->>'competition', t.s->>'season', t.s->>'group', t.s
             FROM unnest($2::json[]) AS t(s)
             ON CONFLICT (projection, stream_id) DO UPDATE
               SET competition = excluded.competition, season = excluded.season, grp = excluded.grp,
                   summary = excluded.summary`,
            [name, changed.map((c) => JSON.stringify(c))],
          );
        }
        await client.query(`UPDATE ${this.s}.projection_checkpoints SET position = $2 WHERE name = $1`, [
          name,
          checkpoint,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async reset(name: string): Promise<void> {
    await this.store.run('resetting a projection', async (client) => {
      await client.query('BEGIN');
      try {
        await client.query(`DELETE FROM ${this.s}.projection_matches WHERE projection = $1`, [name]);
        await client.query(`DELETE FROM ${this.s}.projection_checkpoints WHERE name = $1`, [name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }
}
