// Appends to one stream in a loop and prints "ack <version>" after each acknowledged append.
// Used by the crash test, which kills this process with SIGKILL at random moments.
import { writeSync } from 'node:fs';
import { DEFAULT_RULES } from '../../dist/src/index.js';
import { FileEventStore } from '../../dist/src/store/index.js';

const [dir, streamId] = process.argv.slice(2);
const store = await FileEventStore.open(dir);
const opening = [
  {
    id: 'e0',
    type: 'fixture',
    competition: 'Crash Cup',
    season: '2024',
    round: 'r',
    leg: 'single',
    home: { id: 'h', name: 'H' },
    away: { id: 'a', name: 'A' },
    kickoff: '2024-01-01T20:00:00Z',
    rules: DEFAULT_RULES,
  },
  { id: 'e1', type: 'periodStarted', at: { period: 1, ms: 0 } },
];
let version = (await store.exists(streamId)) ? (await store.read(streamId)).length : 0;
for (let round = 0; ; round++) {
  let batch;
  if (version === 0) batch = opening;
  else {
    const size = 1 + (round % 3);
    batch = Array.from({ length: size }, (_, i) => ({
      id: `e${version + i}`,
      type: 'addedTime',
      at: { period: 1, ms: (version + i) * 10 },
      minutes: (version + i) % 30,
    }));
  }
  const result = await store.append(streamId, batch, { expectedVersion: version });
  version = result.version;
  writeSync(1, `ack ${version}\n`);
}
