/** Competition projections over PostgreSQL: tables and records kept current, corrections, rebuilds. */
import { describe, expect, it } from 'vitest';
import { buildTable, defaultTableRules, fold, toMatchResult, type MatchEvent } from '../src/index.js';
import { CompetitionProjection } from '../src/store/projection.js';
import { PostgresEventStore, PostgresProjectionSink } from '../src/store/postgres/index.js';
import { usePostgres } from './postgres-helpers.js';
import { DISALLOWED_GOAL, groupDOthers, LIVE_MATCH, liveSequence } from './postgres-group-d.js';

const db = usePostgres();
const GROUP_D = { competition: 'UEFA Champions League', season: '2020-21', group: 'D' };
const points = (rows: { team: string; points: number }[]) => rows.map((r) => `${r.team} ${r.points}`);

async function seeded() {
  const store = await db.store();
  for (const [id, events] of groupDOthers()) await store.append(id, events, { expectedVersion: 'no-stream' });
  return store;
}

describe('CompetitionProjection on PostgreSQL', () => {
  it('keeps the Group D table current as a match is appended event by event; the VAR retraction moves the live table', async () => {
    const store = await seeded();
    const projection = new CompetitionProjection(store, new PostgresProjectionSink(store));
    await projection.load();
    await projection.catchUp();
    // Before Liverpool v Atalanta (matchday 4) kicks off.
    expect(points(projection.table(GROUP_D))).toEqual([
      'Liverpool 9',
      'AFC Ajax 7',
      'Atalanta 4',
      'FC Midtjylland 0',
    ]);
    const liveTables: string[][] = [];
    for (const event of liveSequence()) {
      await store.append(LIVE_MATCH, [event]);
      await projection.catchUp();
      liveTables.push(points(projection.table({ ...GROUP_D, live: true })));
    }
    const ids = liveSequence().map((e) => e.id);
    const at = (id: string) => liveTables[ids.indexOf(id)]!;
    const kickedOff = ['Liverpool 10', 'AFC Ajax 7', 'Atalanta 5', 'FC Midtjylland 0'];
    const atalantaAhead = ['Liverpool 9', 'AFC Ajax 7', 'Atalanta 7', 'FC Midtjylland 0'];
    expect(at('liv-ata-2020-11-25-002')).toEqual(kickedOff); // 0-0
    expect(at('liv-ata-2020-11-25-006')).toEqual(atalantaAhead); // Iličić 60', 0-1
    expect(at(DISALLOWED_GOAL)).toEqual(kickedOff); // 1-1 ...
    expect(at('demo-var-retraction')).toEqual(atalantaAhead); // ... until VAR takes it back
    const gd = projection
      .table({ ...GROUP_D, live: true })
      .find((r) => r.team === 'Atalanta')!.goalDifference;
    expect(gd).toBe(1);
    // Full time 0-2: the real table after matchday 4.
    expect(points(projection.table(GROUP_D))).toEqual([
      'Liverpool 9',
      'AFC Ajax 7',
      'Atalanta 7',
      'FC Midtjylland 0',
    ]);
    // The projection's table is the one a fold of every stream from scratch gives.
    const fromScratch = [];
    for (const id of await store.list()) {
      fromScratch.push(toMatchResult(fold(await store.read(id), undefined, { mode: 'lenient' }), id));
    }
    expect(projection.table(GROUP_D)).toEqual(
      buildTable(fromScratch, { rules: defaultTableRules('2020-21') }),
    );
  });

  it('a re-credited scorer moves the records; a second process reads the saved projection without folding', async () => {
    const store = await seeded();
    for (const event of liveSequence()) await store.append(LIVE_MATCH, [event]);
    const projection = new CompetitionProjection(store, new PostgresProjectionSink(store));
    await projection.load();
    await projection.catchUp();
    const goals = (p: CompetitionProjection, id: string) =>
      p.players(GROUP_D).find((t) => t.playerId === id)?.goals ?? 0;
    expect(goals(projection, 'diogo-jota')).toBe(3); // the hat-trick at Atalanta; the disallowed goal does not count
    expect(goals(projection, 'robin-gosens')).toBe(1);
    expect(goals(projection, 'hans-hateboer')).toBe(0);
    await store.append(LIVE_MATCH, [
      {
        id: 'recredit-64',
        type: 'eventAmended',
        target: 'liv-ata-2020-11-25-011',
        patch: { scorer: 'hans-hateboer' },
        reason: 'goalPanel',
      } as unknown as MatchEvent,
    ]);
    await projection.catchUp();
    expect(goals(projection, 'robin-gosens')).toBe(0);
    expect(goals(projection, 'hans-hateboer')).toBe(1);
    expect(points(projection.table(GROUP_D))).toEqual([
      'Liverpool 9',
      'AFC Ajax 7',
      'Atalanta 7',
      'FC Midtjylland 0',
    ]);
    expect(projection.teamRecord('Liverpool', GROUP_D)).toMatchObject({
      played: 4,
      form: ['W', 'W', 'W', 'L'],
    });

    // Another process: opens the store, loads the saved summaries and checkpoint; nothing to fold.
    const other = await PostgresEventStore.open(db.url, { schema: store.schema });
    const reader = new CompetitionProjection(other, new PostgresProjectionSink(other));
    await reader.load();
    expect(reader.checkpoint).toBe(projection.checkpoint);
    expect(await reader.catchUp()).toBe(0);
    expect(reader.table(GROUP_D)).toEqual(projection.table(GROUP_D));
    expect(goals(reader, 'hans-hateboer')).toBe(1);
    expect(reader.headToHead('Liverpool', 'Atalanta', GROUP_D)).toMatchObject({ played: 2, wins: [1, 1] });

    // Rebuilt from scratch, it is the same.
    const folded = await reader.rebuild();
    expect(folded).toBe((await other.readAll()).length);
    expect(reader.table(GROUP_D)).toEqual(projection.table(GROUP_D));
    expect(reader.players(GROUP_D)).toEqual(projection.players(GROUP_D));
    await other.close();
  });
});
