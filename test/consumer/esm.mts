/**
 * A consumer of the packed package, as ESM: every entry point but the store (store.mts), typed (`tsc --strict`), run from a fresh
 * project that installed the tarball with --ignore-scripts. Prints one line per fact and exits 1 on the
 * first that does not hold. Run by scripts/package-test.ts with the repo root as the working directory.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { decideTie, fold, isMatchlineError, parseStream, stateAt, toMatchResult } from 'matchline';
import { openfootball, statsbomb } from 'matchline/import';
import { arbMatch } from 'matchline/testing';
import { readStreamFile } from 'matchline/node';
import fc from 'fast-check';
import manifest from 'matchline/package.json' with { type: 'json' };

const LEG1 = 'events/ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const LEG2 = 'events/ucl/2022-23/r16-leg2-real-madrid-liverpool.ndjson';

// matchline: the pure core on text.
const leg1 = parseStream(readFileSync(LEG1, 'utf8'), LEG1);
assert.deepEqual(fold(leg1).score, { home: 2, away: 5 });
assert.deepEqual(stateAt(leg1, 'HT').score, { home: 2, away: 2 });
const tie = decideTie(
  toMatchResult(fold(leg1), 'leg1'),
  toMatchResult(fold(parseStream(readFileSync(LEG2, 'utf8'))), 'leg2'),
);
assert.equal(tie.winner?.name, 'Real Madrid');
assert.deepEqual(tie.aggregate, [2, 6]);
console.log('matchline: Liverpool 2-5 Real Madrid (HT 2-2); Real Madrid through 6-2');

// matchline/node: the same stream read from its path, line by line.
const fromFile = await readStreamFile(LEG1);
assert.equal(fromFile.length, leg1.length);
await readStreamFile('no/such/file.ndjson').then(
  () => assert.fail('a missing file must throw'),
  (error: unknown) => assert.ok(isMatchlineError(error) && error.code === 'FILE_NOT_FOUND'),
);
console.log(`matchline/node: ${fromFile.length} events; a missing file is FILE_NOT_FOUND`);

// matchline/import: StatsBomb and openfootball in one call each.
const sb = (path: string): string => readFileSync(`test/fixtures/statsbomb/${path}`, 'utf8');
const barca = statsbomb.load(
  { events: sb('events/15986.json'), lineups: sb('lineups/15986.json') },
  { home: 'Barcelona', kickoff: '2021-06-11T19:00:00Z' /* the files carry no date */ },
);
assert.deepEqual(barca.states[0]?.score, { home: 2, away: 2 });
const euro = openfootball.load(readFileSync('test/fixtures/openfootball/euro.json/2020/euro.json', 'utf8'), {
  file: 'euro.json',
});
assert.ok(euro.streams.length > 0);
console.log(`matchline/import: Barcelona 2-2 Girona; ${euro.streams.length} streams from euro.json`);

// matchline/testing: generated matches fold without an error.
fc.assert(
  fc.property(arbMatch(), (events) => fold(events).version === events.length),
  { numRuns: 20 },
);
console.log('matchline/testing: 20 generated matches fold');

assert.match(manifest.version, /^\d+\.\d+\.\d+/);
console.log(`matchline/package.json: ${manifest.version}`);
