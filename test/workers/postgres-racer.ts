// Waits for "round <version>" lines on stdin and appends one event with that expected version to a
// shared PostgreSQL stream, answering "ok <version>" or "err <code>". Eight of these race each round.
import { createInterface } from 'node:readline';
import { writeSync } from 'node:fs';
import { PostgresEventStore } from '../../src/store/postgres/index.js';

const [url, schema, streamId, name] = process.argv.slice(2) as [string, string, string, string];
const store = await PostgresEventStore.open(url, { schema });
writeSync(1, 'ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const expected = Number(line.split(' ')[1]);
  try {
    const r = await store.append(
      streamId,
      [{ id: `${name}-${expected}`, type: 'addedTime', at: { period: 1, ms: expected * 10 }, minutes: 1 }],
      { expectedVersion: expected },
    );
    writeSync(1, `ok ${r.version}\n`);
  } catch (error) {
    writeSync(1, `err ${(error as { code?: string }).code ?? String(error)}\n`);
  }
}
await store.close();
