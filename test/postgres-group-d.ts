/**
 * UEFA Champions League 2020-21 Group D, matchdays 1-4, from the seeds (events/ucl/2020-21). After
 * matchday 4 the real table reads Liverpool 9, Ajax 7, Atalanta 7, Midtjylland 0. `liveSequence`
 * is Liverpool 0-2 Atalanta (matchday 4) as a feed sends it, with one goal that was never scored:
 * a Liverpool equaliser at 62' that VAR then retracts (added to show a retraction moving a live
 * table; the match itself had no VAR retraction). The final result stays the real 0-2.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchEvent } from '../src/index.js';
import { ROOT, seed } from './helpers.js';

const DIR = 'ucl/2020-21';
export const LIVE_MATCH = 'group-d-md4-liverpool-atalanta';

/** The seven other Group D streams of matchdays 1-4, by stream id (the file name); events/ also holds MD5-6. */
export function groupDOthers(): Map<string, MatchEvent[]> {
  return new Map(
    readdirSync(join(ROOT, 'events', DIR))
      .filter((f) => /^group-d-md[1-4]-/.test(f) && !f.startsWith(LIVE_MATCH))
      .sort()
      .map((f) => [f.replace(/\.ndjson$/, ''), seed(`${DIR}/${f}`)]),
  );
}

export const DISALLOWED_GOAL = 'demo-var-disallowed-62';

export function liveSequence(): MatchEvent[] {
  const real = seed(`${DIR}/${LIVE_MATCH}.ndjson`);
  const afterSubs = real.findIndex((e) => e.id === 'liv-ata-2020-11-25-010');
  const disallowed = {
    id: DISALLOWED_GOAL,
    type: 'goal',
    at: { period: 2, ms: 1_000_000 },
    team: 'home',
    scorer: 'diogo-jota',
    scorerTeam: 'home',
    penalty: false,
    ownGoal: false,
  } as unknown as MatchEvent;
  const retraction = {
    id: 'demo-var-retraction',
    type: 'eventRetracted',
    at: { period: 2, ms: 1_060_000 },
    target: DISALLOWED_GOAL,
    reason: 'var',
  } as unknown as MatchEvent;
  return [...real.slice(0, afterSubs + 1), disallowed, retraction, ...real.slice(afterSubs + 1)];
}
