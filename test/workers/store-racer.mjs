// Waits for "round <version>" lines on stdin and appends one event with that expected version,
// answering "ok <version>" or "err <code>". Several racers share one stream in the concurrency test.
import { createInterface } from 'node:readline';
import { writeSync } from 'node:fs';
import { FileEventStore } from '../../dist/src/store/index.js';

const [dir, streamId, name] = process.argv.slice(2);
const store = await FileEventStore.open(dir);
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
    writeSync(1, `err ${error.code ?? error.message}\n`);
  }
}
