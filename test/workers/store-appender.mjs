// A second process writing to a store: `live <dir> <stream> <n>` appends an opening, then n events
// one at a time; `batch <dir> <stream> <n>` appends an opening, then n events in one append. Prints
// "ack <version> <position>" after each acknowledged append and "error <code> <errno>" on a failure.
import { writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_RULES } from '../../dist/src/index.js';
import { FileEventStore } from '../../dist/src/store/index.js';

const [mode, dir, streamId, count] = process.argv.slice(2);
const n = Number(count);
const store = await FileEventStore.open(dir);
const opening = [
  {
    id: 'e0',
    type: 'fixture',
    competition: 'Process Cup',
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
const added = (v) => ({ id: `e${v}`, type: 'addedTime', at: { period: 1, ms: v * 1000 }, minutes: v % 9 });
const say = (line) => writeSync(1, `${line}\n`);
try {
  let r = await store.append(streamId, opening, { expectedVersion: 'no-stream' });
  say(`ack ${r.version} ${r.position}`);
  if (mode === 'batch') {
    const batch = Array.from({ length: n }, (_, i) => added(2 + i));
    r = await store.append(streamId, batch, { expectedVersion: 2 });
    say(`ack ${r.version} ${r.position}`);
  } else {
    for (let i = 0; i < n; i++) {
      await sleep(15);
      r = await store.append(streamId, [added(2 + i)], { expectedVersion: 2 + i });
      say(`ack ${r.version} ${r.position}`);
    }
  }
} catch (error) {
  say(`error ${error.code ?? 'none'} ${error.errno ?? 'none'}`);
  process.exitCode = 1;
}
