/**
 * Replay-as-live over SSE (`?speed=`): a stored match comes back minute by minute at the speed asked,
 * and the corrections it holds land when they were made, not at the end and not at their target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MatchEvent } from '../src/events/index.js';
import { FileEventStore } from '../src/store/index.js';
import { startMatchCentre, type RunningMatchCentre } from '../src/serve/index.js';
import { seed } from './helpers.js';
import { SseReader, type SseMessage } from './serve-helpers.js';

const ILICIC_GOAL = 'liv-ata-2020-11-25-006';
const GOSENS_GOAL = 'liv-ata-2020-11-25-011';

/**
 * Liverpool 0-2 Atalanta as recorded, with two test-made corrections a feed could have sent: a VAR
 * retraction of Iličić's 60' goal at 61' (the real goal stood), and after full time an amendment of
 * Gosens's assist, which carries no instant.
 */
function correctedStream(): MatchEvent[] {
  const events = seed('ucl/2020-21/group-d-md4-liverpool-atalanta.ndjson');
  const lastSubAt61 = events.findIndex((e) => e.id === 'liv-ata-2020-11-25-010');
  return [
    ...events.slice(0, lastSubAt61 + 1),
    {
      id: 'var-1',
      type: 'eventRetracted',
      at: { period: 2, ms: 930_000 },
      target: ILICIC_GOAL,
      reason: 'var',
    },
    ...events.slice(lastSubAt61 + 1),
    {
      id: 'fix-1',
      type: 'eventAmended',
      target: GOSENS_GOAL,
      patch: { assist: 'remo-freuler' },
      reason: 'other',
    },
  ] as MatchEvent[];
}

interface FrameData {
  kind: string;
  minute: string;
  home: { score: number };
  away: { score: number };
}

describe('replay-as-live', () => {
  let centre: RunningMatchCentre;
  const events = correctedStream();
  const url = (query: string) => `${centre.url}/streams/corrected/events?${query}`;

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'matchline-replay-'));
    writeFileSync(join(folder, 'corrected.ndjson'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    centre = await startMatchCentre({ store: await FileEventStore.open(folder), token: 'test-token' });
  });
  afterAll(() => centre.stop());

  it('lands each correction in the minute it was made, the score changing with it', async () => {
    const sse = new SseReader(url('speed=5000&frames=minute'));
    await sse.until((m) => m.event === 'caught-up', 20_000);
    sse.close();
    const order = sse.messages.filter((m) => !m.comment);
    const at = (predicate: (m: SseMessage) => boolean) => order.findIndex(predicate);
    const frame = (minute: string) =>
      at((m) => m.event === 'frame' && (JSON.parse(m.data) as FrameData).minute === minute);
    const delta = (eventId: string) =>
      at((m) => m.event === 'delta' && (JSON.parse(m.data) as { event: MatchEvent }).event.id === eventId);
    const score = (i: number) => {
      const f = JSON.parse(order[i]!.data) as FrameData;
      return `${f.home.score}-${f.away.score}`;
    };

    // The retraction comes after the 60' frame (0-1) and inside 61', whose frame shows 0-0.
    expect(frame("60'")).toBeLessThan(delta('var-1'));
    expect(delta('var-1')).toBeLessThan(frame("61'"));
    expect([score(frame("60'")), score(frame("61'")), score(frame("64'"))]).toEqual(['0-1', '0-0', '0-1']);
    expect(JSON.parse(order[delta('var-1')]!.data)).toMatchObject({ op: 'retract', eventId: ILICIC_GOAL });
    // The amendment without an instant was made after full time: after the 90' frame, in the final one.
    expect(frame("90'")).toBeLessThan(delta('fix-1'));
    const final = at((m) => m.event === 'frame' && (JSON.parse(m.data) as FrameData).kind === 'final');
    expect(delta('fix-1')).toBeLessThan(final);
    expect(JSON.parse(order[delta('fix-1')]!.data)).toMatchObject({
      op: 'amend',
      eventId: GOSENS_GOAL,
      patch: { assist: 'remo-freuler' },
    });
    expect(score(final)).toBe('0-1');
    // Every stored event exactly once, in order, with its version as the SSE id.
    expect(sse.of('delta').map((m) => Number(m.id))).toEqual(events.map((_, i) => i + 1));
  });

  it('paces the replay: at one match minute a second the match is not over after two minutes', async () => {
    const sse = new SseReader(url('speed=1&frames=minute'));
    await sse.until((m) => m.event === 'frame' && (JSON.parse(m.data) as FrameData).minute === "2'");
    sse.close();
    expect(sse.of('caught-up')).toEqual([]);
    expect(sse.of('frame').map((m) => (JSON.parse(m.data) as FrameData).minute)).toEqual(["1'", "2'"]);
  });

  it('resumes a replay after Last-Event-ID with the rest of the match, nothing twice', async () => {
    const sse = new SseReader(url('speed=5000&frames=none'), { 'Last-Event-ID': '8' });
    await sse.until((m) => m.event === 'caught-up', 20_000);
    sse.close();
    expect(sse.of('delta').map((m) => Number(m.id))).toEqual(
      Array.from({ length: events.length - 8 }, (_, i) => i + 9),
    );
  });
});
