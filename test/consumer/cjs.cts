/**
 * The same package from CommonJS: `require()` of every entry point works on Node 20 (the CommonJS
 * build), with types. Run by scripts/package-test.ts with the repo root as the working directory.
 */
import assert = require('node:assert');
import fs = require('node:fs');
import matchline = require('matchline');
import store = require('matchline/store');
import importers = require('matchline/import');
import testing = require('matchline/testing');
import node = require('matchline/node');

const LEG1 = 'events/ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const events = matchline.parseStream(fs.readFileSync(LEG1, 'utf8'), LEG1);
assert.deepStrictEqual(matchline.fold(events).score, { home: 2, away: 5 });
assert.equal(typeof store.MemoryEventStore, 'function');
assert.equal(typeof store.FileEventStore, 'function');
assert.equal(typeof importers.openfootball.load, 'function');
assert.equal(typeof importers.statsbomb.load, 'function');
assert.equal(typeof testing.arbMatch, 'function');

async function main(): Promise<void> {
  const memory = new store.MemoryEventStore();
  await memory.append('leg1', events, { expectedVersion: 'no-stream' });
  assert.equal((await memory.read('leg1')).length, events.length);
  assert.equal((await node.readStreamFile(LEG1)).length, events.length);
  // One copy of the core behind every entry: a store's error is the core's MatchlineError.
  const error = await memory.append('leg1', events, { expectedVersion: 0 }).catch((e: unknown) => e);
  assert.ok(error instanceof matchline.MatchlineError);
  console.log(`require(): every entry point; Liverpool 2-5 Real Madrid; ${events.length} events stored`);
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
