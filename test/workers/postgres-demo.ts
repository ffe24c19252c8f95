// The "done when" demo, one process per role, both restartable:
//   writer <url> <schema> <delayMs>   stores Group D matchdays 1-4 but one, then appends Liverpool v
//                                      Atalanta event by event from wherever the stream stands
//                                      ("ack <event id>" after each)
//   follower <url> <schema>           keeps the Group D table current from the store's global log and
//                                      prints "table <checkpoint> <live table as JSON>" on each change
import { writeSync } from 'node:fs';
import { CompetitionProjection } from '../../src/store/projection.js';
import { PostgresEventStore, PostgresProjectionSink } from '../../src/store/postgres/index.js';
import { isCaughtUp } from '../../src/index.js';
import { groupDOthers, LIVE_MATCH, liveSequence } from '../postgres-group-d.js';

const [role, url, schema, delay] = process.argv.slice(2) as [string, string, string, string?];
const store = await PostgresEventStore.open(url, { schema, pollIntervalMs: 100 });
const say = (line: string) => writeSync(1, `${line}\n`);
const GROUP_D = { competition: 'UEFA Champions League', season: '2020-21', group: 'D' };

if (role === 'writer') {
  for (const [id, events] of groupDOthers())
    if (!(await store.exists(id))) await store.append(id, events, { expectedVersion: 'no-stream' });
  const sequence = liveSequence();
  let version = (await store.exists(LIVE_MATCH)) ? (await store.read(LIVE_MATCH)).length : 0;
  while (version < sequence.length) {
    const event = sequence[version]!;
    version = (await store.append(LIVE_MATCH, [event], { expectedVersion: version })).version;
    say(`ack ${event.id}`);
    await new Promise((r) => setTimeout(r, Number(delay ?? 0)));
  }
  await store.close();
  say('done');
} else {
  const projection = new CompetitionProjection(store, new PostgresProjectionSink(store));
  await projection.load();
  say(`resumed ${projection.checkpoint}`);
  projection.follow().subscribe({
    next: (change) => {
      if (isCaughtUp(change) || change.length === 0) return;
      const rows = projection.table({ ...GROUP_D, live: true }).map((r) => `${r.team} ${r.points}`);
      say(`table ${projection.checkpoint} ${JSON.stringify(rows)}`);
    },
    error: (error: unknown) => {
      say(`error ${String(error)}`);
      process.exit(1);
    },
  });
}
