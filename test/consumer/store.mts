/**
 * `matchline/store` from the packed package (ESM): the README's import, a memory and a file store.
 * Its own program so that a store that cannot load does not hide the other entry points.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fold, parseStream } from 'matchline';
import { FileEventStore, MemoryEventStore } from 'matchline/store';

const LEG1 = 'events/ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const leg1 = parseStream(readFileSync(LEG1, 'utf8'), LEG1);

// matchline/store: memory and file stores take the stream and give it back.
const memory = new MemoryEventStore();
await memory.append('leg1', leg1, { expectedVersion: 'no-stream' });
assert.equal((await memory.read('leg1')).length, leg1.length);
const dir = mkdtempSync(join(tmpdir(), 'matchline-consumer-'));
try {
  const files = await FileEventStore.open(dir);
  const appended = await files.append('leg1', leg1, { expectedVersion: 'no-stream' });
  assert.equal(appended.version, leg1.length);
  assert.deepEqual(fold(await files.read('leg1')).score, { home: 2, away: 5 });
  await files.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
await memory.close();
console.log(`matchline/store: ${leg1.length} events appended and read back (memory and file)`);
