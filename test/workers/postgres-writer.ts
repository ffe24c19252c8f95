// Appends batches to PostgreSQL streams and prints "ack <stream> <version>" after each acknowledged
// append ("send <stream> <version>" just before it). Modes:
//   crash <url> <schema> <stream>             append forever (the crash test SIGKILLs this process)
//   steady <url> <schema> <streams> <count>   <count> appends spread over <streams> streams, retrying
//                                              through server restarts as docs/store.md describes
import { writeSync } from 'node:fs';
import { PostgresEventStore } from '../../src/store/postgres/index.js';
import { DEFAULT_RULES, isMatchlineError, type MatchEvent } from '../../src/index.js';

const [mode, url, schema, third, fourth] = process.argv.slice(2) as [string, string, string, string, string?];
const store = await PostgresEventStore.open(url, { schema });
const say = (line: string) => writeSync(1, `${line}\n`);

const opening = (streamId: string) =>
  [
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
      venue: streamId,
    },
    { id: 'e1', type: 'periodStarted', at: { period: 1, ms: 0 } },
  ] as unknown as MatchEvent[];

/** A batch of 1-3 events (crash mode: up to 40) whose ids say which batch they belong to. */
function batchFor(streamId: string, version: number, round: number, big: boolean): MatchEvent[] {
  if (version === 0) return opening(streamId);
  const size = big ? 1 + (round % 40) : 1 + (round % 3);
  return Array.from({ length: size }, (_, i) => ({
    id: `v${version}-${i + 1}of${size}`,
    type: 'addedTime',
    at: { period: 1, ms: (version + i) * 10 },
    minutes: (version + i) % 30,
  })) as unknown as MatchEvent[];
}

/** The documented retry: on STORE_IO wait and retry with the same expected version; a
 * WRONG_EXPECTED_VERSION then means the earlier attempt had committed if its first event is there. */
async function appendWithRetry(streamId: string, batch: MatchEvent[], version: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await store.append(streamId, batch, { expectedVersion: version })).version;
    } catch (error) {
      if (!isMatchlineError(error) || attempt > 600) throw error;
      if (error.code === 'STORE_IO') {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (error.code === 'WRONG_EXPECTED_VERSION' && attempt > 0) {
        const after = await readRetrying(streamId, version);
        if (after[0]?.id === batch[0]!.id) return version + batch.length;
      }
      throw error;
    }
  }
}

async function readRetrying(streamId: string, version: number): Promise<MatchEvent[]> {
  for (;;) {
    try {
      return await store.read(streamId, { from: version, to: version + 1 });
    } catch (error) {
      if (!isMatchlineError(error) || error.code !== 'STORE_IO') throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const versionOf = async (streamId: string) =>
  (await store.exists(streamId)) ? (await store.read(streamId)).length : 0;

if (mode === 'crash') {
  const streamId = third;
  let version = await versionOf(streamId);
  for (let round = 0; ; round++) {
    say(`send ${streamId} ${version}`);
    version = (
      await store.append(streamId, batchFor(streamId, version, round, true), { expectedVersion: version })
    ).version;
    say(`ack ${streamId} ${version}`);
  }
} else {
  const streams = Array.from({ length: Number(third) }, (_, i) => `s${i}`);
  const versions = new Map<string, number>();
  for (const s of streams) versions.set(s, await versionOf(s));
  for (let round = 0; round < Number(fourth); round++) {
    const streamId = streams[round % streams.length]!;
    const version = versions.get(streamId)!;
    const next = await appendWithRetry(streamId, batchFor(streamId, version, round, false), version);
    versions.set(streamId, next);
    say(`ack ${streamId} ${next}`);
  }
  await store.close();
  say('done');
}
