// One process of the scale benchmark (bench/postgres-scale.ts).
//   write <store> <dir> <k> <n>   appends every n-th match file (from the k-th) event by event and prints
//                                 "ack <position> <ms>" after each acknowledged append (batched lines)
//   follow <store> <total>        follows the global log from zero and prints "got <position> <ms>"
//                                 for each event, until it has seen <total> events
// <store> is a postgres:// connection string (schema "bench") or a folder (file store).
import { readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseStream, isCaughtUp } from '../src/index.js';
import type { EventStore } from '../src/store/index.js';
import { PostgresEventStore } from '../src/store/postgres/index.js';

const [role, target, ...rest] = process.argv.slice(2) as [string, string, ...string[]];
const now = () => performance.timeOrigin + performance.now();
const open = (): Promise<EventStore> =>
  target.startsWith('postgres://')
    ? PostgresEventStore.open(target, { schema: 'bench', pollIntervalMs: 200 })
    : import('../src/store/index.js').then(({ FileEventStore }) => FileEventStore.open(target));
const store = await open();
let out: string[] = [];
const flush = () => {
  if (out.length) writeSync(1, out.join('\n') + '\n');
  out = [];
};

if (role === 'write') {
  const [dir, k, n] = rest as [string, string, string];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()
    .filter((_, i) => i % Number(n) === Number(k));
  for (const file of files) {
    const events = parseStream(readFileSync(join(dir, file), 'utf8'), file);
    const streamId = file.replace(/\.ndjson$/, '');
    for (let v = 0; v < events.length; v++) {
      const r = await store.append(streamId, [events[v]!], { expectedVersion: v === 0 ? 'no-stream' : v });
      out.push(`ack ${r.position} ${now().toFixed(3)}`);
      if (out.length >= 500) flush();
    }
  }
  flush();
  await store.close();
} else {
  const total = Number(rest[0]);
  let seen = 0;
  const subscription = store.subscribeAll().subscribe((item) => {
    if (isCaughtUp(item)) return;
    out.push(`got ${item.position} ${now().toFixed(3)}`);
    if (out.length >= 500) flush();
    if (++seen >= total) {
      flush();
      subscription.unsubscribe();
      void store.close().then(() => process.exit(0));
    }
  });
  writeSync(1, 'following\n');
}
