/** The match centre's HTTP API against a real server on loopback and a real file store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchEvent } from '../src/events/index.js';
import { ROOT, seed } from './helpers.js';
import { GROUP_D, LIV_RMA, post, seedFolder, SseReader, startOn } from './serve-helpers.js';
import type { RunningMatchCentre } from '../src/serve/index.js';

const LIV_ATA = 'ucl/2020-21/group-d-md4-liverpool-atalanta.ndjson';
const GROUP_D_QUERY = 'competition=UEFA%20Champions%20League&season=2020-21&group=D';

interface Row {
  team: string;
  rank: number;
  points: number;
  separatedBy: string | null;
}
const pointsOf = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.team, r.points]));
const tableRows = (data: string) => (JSON.parse(data) as { rows: Row[] }).rows;

describe('match centre API', () => {
  let centre: RunningMatchCentre & { folder: string };
  const url = (path: string) => `${centre.url}${path}`;

  beforeAll(async () => {
    // Group D without Liverpool v Atalanta (played live below), and the Anfield 2-5.
    centre = await startOn([...GROUP_D.filter((f) => f !== LIV_ATA), LIV_RMA], { heartbeatSeconds: 0.2 });
  });
  afterAll(() => centre.stop());

  it('lists streams and shows a stream with its scoreboard', async () => {
    const list = (await (await fetch(url('/streams'))).json()) as { streams: { id: string }[] };
    expect(list.streams.map((s) => s.id)).toContain('r16-leg1-liverpool-real-madrid');
    const one = (await (await fetch(url('/streams/r16-leg1-liverpool-real-madrid'))).json()) as {
      scoreboard: { home: { score: number }; away: { score: number }; status: string };
    };
    expect(one.scoreboard).toMatchObject({ status: 'finished', home: { score: 2 }, away: { score: 5 } });
    const at14 = (await (
      await fetch(url("/streams/r16-leg1-liverpool-real-madrid?at=14'"))
    ).json()) as typeof one;
    expect([at14.scoreboard.home.score, at14.scoreboard.away.score]).toEqual([2, 0]);
  });

  it('serves minute frames with the score of each minute', async () => {
    const body = (await (await fetch(url('/streams/r16-leg1-liverpool-real-madrid/frames'))).json()) as {
      frames: { minute: string; scoreboard: { home: { score: number }; away: { score: number } } }[];
    };
    const score = (m: string) => {
      const f = body.frames.find((x) => x.minute === m)!.scoreboard;
      return `${f.home.score}-${f.away.score}`;
    };
    expect([score("4'"), score("14'"), score("21'"), score('HT'), score("55'"), score('FT')]).toEqual([
      '1-0',
      '2-0',
      '2-1',
      '2-2',
      '2-4',
      '2-5',
    ]);
  });

  it('streams the stored past as deltas with the version as id, then caught-up, then heartbeats', async () => {
    const events = seed(LIV_RMA);
    const sse = new SseReader(url('/streams/r16-leg1-liverpool-real-madrid/events?frames=none'));
    await sse.until((m) => m.event === 'caught-up');
    await sse.until((m) => m.comment);
    sse.close();
    const deltas = sse.of('delta');
    expect(deltas.map((d) => Number(d.id))).toEqual(events.map((_, i) => i + 1));
    expect(sse.json<{ eventId: string; op: string }>('delta').map((d) => d.eventId)).toEqual(
      events.map((e) => e.id),
    );
    expect(JSON.parse(sse.of('caught-up')[0]!.data)).toEqual({ version: events.length });
  });

  it('resumes exactly after Last-Event-ID', async () => {
    const sse = new SseReader(url('/streams/r16-leg1-liverpool-real-madrid/events?frames=none'), {
      'Last-Event-ID': '17',
    });
    await sse.until((m) => m.event === 'caught-up');
    sse.close();
    const total = seed(LIV_RMA).length;
    expect(sse.of('delta').map((d) => Number(d.id))).toEqual(
      Array.from({ length: total - 17 }, (_, i) => i + 18),
    );
  });

  it('filters deltas by event type and team (a goal notifier for Real Madrid)', async () => {
    const sse = new SseReader(
      url('/streams/r16-leg1-liverpool-real-madrid/events?frames=none&types=goal&team=real-madrid'),
    );
    await sse.until((m) => m.event === 'caught-up');
    sse.close();
    const goals = sse.json<{ event: { clock: string } }>('delta').map((d) => d.event.clock);
    expect(goals).toEqual(["21'", "36'", "47'", "55'", "67'"]);
  });

  it('sends one frame per minute, after the deltas of that minute', async () => {
    const sse = new SseReader(url('/streams/r16-leg1-liverpool-real-madrid/events?frames=minute'));
    await sse.until((m) => m.event === 'caught-up');
    sse.close();
    const frames = sse.json<{ minute: string; version: number; status: string }>('frame');
    expect(frames.length).toBeLessThan(sse.of('delta').length);
    // One frame a minute; a minute shows twice only when play stopped in it (half time, full time).
    frames.slice(1).forEach((f, i) => {
      if (f.minute === frames[i]!.minute) expect(frames[i]!.status).not.toBe('live');
    });
    expect(frames.at(-1)).toMatchObject({ status: 'finished', version: seed(LIV_RMA).length });
    // Every frame comes after the delta of its own version and before the next one.
    let lastDelta = 0;
    for (const m of sse.messages) {
      if (m.event === 'delta') lastDelta = Number(m.id);
      if (m.event === 'frame') expect(Number(m.id)).toBe(lastDelta);
    }
  });

  it('refuses writes without the token, with a JSON error and a code', async () => {
    const fixture = seed(LIV_ATA).slice(0, 1);
    const none = await post(
      url('/streams/live-a/events'),
      { expectedVersion: 'no-stream', events: fixture },
      null,
    );
    expect(none).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    const wrong = await post(
      url('/streams/live-a/events'),
      { expectedVersion: 'no-stream', events: fixture },
      'test-tokem',
    );
    expect(wrong.status).toBe(401);
    expect(readdirSync(centre.folder)).not.toContain('live-a.ndjson');
  });

  it('answers bad requests with JSON errors and writes nothing', async () => {
    const fixture = seed(LIV_ATA).slice(0, 1);
    const missing = await post(url('/streams/live-b/events'), { events: fixture });
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'USAGE' } } });
    const broken = await post(url('/streams/live-b/events'), '{"events": [');
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'INVALID_JSON' } } });
    const path = await post(url('/streams/..%2F..%2Fetc/events'), { expectedVersion: 0, events: fixture });
    expect(path).toMatchObject({ status: 400, body: { error: { code: 'INVALID_STREAM_ID' } } });
    const unknown = await fetch(url('/streams/no-such-stream/events'));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('STREAM_NOT_FOUND');
    const route = await fetch(url('/etc/passwd'));
    expect(((await route.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const rule = await post(url('/streams/live-b/events'), {
      expectedVersion: 'no-stream',
      events: seed(LIV_ATA).slice(2, 3),
    });
    expect(rule).toMatchObject({ status: 422, body: { error: { code: 'MISSING_FIXTURE' } } });
    expect(readdirSync(centre.folder)).not.toContain('live-b.ndjson');
  });

  it('plays a match live: deltas by id, a version conflict, a retraction that moves the table', async () => {
    const events = seed(LIV_ATA).map((e) => ({ ...e, id: e.id.replace('liv-ata', 'live') })) as MatchEvent[];
    const first = await post(url('/streams/live-liv-ata/events'), {
      expectedVersion: 'no-stream',
      events: events.slice(0, 2),
    });
    expect(first).toMatchObject({ status: 201, body: { version: 2 } });
    const sse = new SseReader(url('/streams/live-liv-ata/events?frames=event'));
    const table = new SseReader(url(`/tables?${GROUP_D_QUERY}`));
    await sse.until((m) => m.event === 'caught-up');
    // Kick-off to Iličić's goal at 60' (events 2-6), one request each, each at the version it expects.
    for (let v = 2; v <= 6; v++) {
      const r = await post(url('/streams/live-liv-ata/events'), { expectedVersion: v, events: [events[v]] });
      expect(r.status).toBe(201);
    }
    const conflict = await post(url('/streams/live-liv-ata/events'), {
      expectedVersion: 3,
      events: [events[7]],
    });
    expect(conflict).toMatchObject({ status: 409, body: { error: { code: 'WRONG_EXPECTED_VERSION' } } });
    await sse.until((m) => m.event === 'delta' && m.id === '7');
    await table.until((m) => m.event === 'table' && pointsOf(tableRows(m.data)).Atalanta === 7);
    const withGoal = JSON.parse(table.of('table').at(-1)!.data) as { rows: Row[] };
    // Live at 0-1: Liverpool 9, Ajax and Atalanta 7 (Ajax above on head-to-head away goals), Midtjylland 0.
    expect(withGoal.rows.map((r) => [r.team, r.points])).toEqual([
      ['Liverpool', 9],
      ['AFC Ajax', 7],
      ['Atalanta', 7],
      ['FC Midtjylland', 0],
    ]);
    expect(withGoal.rows[2]!.separatedBy).toBe('head-to-head away goals scored');
    // A (test-made) VAR retraction of the goal, a minute later.
    const retraction = {
      id: 'live-var-1',
      type: 'eventRetracted',
      at: { period: 2, ms: 900_000 },
      target: 'live-2020-11-25-006',
      reason: 'var',
    };
    const tablesBefore = table.messages.length;
    const r = await post(url('/streams/live-liv-ata/events'), { expectedVersion: 7, events: [retraction] });
    expect(r).toMatchObject({ status: 201, body: { version: 8 } });
    const delta = JSON.parse((await sse.until((m) => m.event === 'delta' && m.id === '8')).data) as {
      op: string;
      eventId: string;
    };
    expect(delta).toMatchObject({ op: 'retract', eventId: 'live-2020-11-25-006' });
    const frame = JSON.parse((await sse.until((m) => m.event === 'frame' && m.id === '8')).data) as {
      away: { score: number };
    };
    expect(frame.away.score).toBe(0);
    // The first table sent after the retraction (Atalanta also had 5 at kick-off, before the goal).
    const without = JSON.parse(
      (await table.until((m) => m.event === 'table' && table.messages.indexOf(m) >= tablesBefore)).data,
    ) as { rows: Row[] };
    expect(pointsOf(without.rows)).toEqual({
      Liverpool: 10,
      'AFC Ajax': 7,
      Atalanta: 5,
      'FC Midtjylland': 0,
    });
    sse.close();
    table.close();
    // What was acknowledged is what the file holds.
    const lines = readFileSync(join(centre.folder, 'live-liv-ata.ndjson'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as MatchEvent).id)).toEqual([
      ...events.slice(0, 7).map((e) => e.id),
      'live-var-1',
    ]);
  });

  it('refuses a body over the size limit', async () => {
    const limited = await startOn([], { limits: { bodyBytes: 2000 } });
    try {
      const fixture = seed(LIV_ATA).slice(0, 1);
      const big = await post(`${limited.url}/streams/big/events`, {
        expectedVersion: 0,
        events: fixture,
        pad: 'x'.repeat(3000),
      });
      expect(big).toMatchObject({ status: 413, body: { error: { code: 'BODY_TOO_LARGE' } } });
      expect(readdirSync(limited.folder)).not.toContain('big.ndjson');
    } finally {
      await limited.stop();
    }
  });

  it('limits the event rate of writes per stream', async () => {
    const limited = await startOn([], { limits: { eventsPerSecond: 1, eventBurst: 2 } });
    try {
      const events = seed(LIV_ATA);
      const ok = await post(`${limited.url}/streams/rate/events`, {
        expectedVersion: 'no-stream',
        events: events.slice(0, 2),
      });
      expect(ok.status).toBe(201);
      const refused = await post(`${limited.url}/streams/rate/events`, {
        expectedVersion: 2,
        events: events.slice(2, 3),
      });
      expect(refused).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    } finally {
      await limited.stop();
    }
  });

  it('limits live connections with a JSON error', async () => {
    const limited = await startOn([LIV_RMA], { limits: { sseClients: 1 } });
    try {
      const one = new SseReader(`${limited.url}/streams/r16-leg1-liverpool-real-madrid/events`);
      await one.until((m) => m.event === 'caught-up');
      const two = await fetch(`${limited.url}/streams/r16-leg1-liverpool-real-madrid/events`);
      expect(two.status).toBe(503);
      expect(((await two.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_CLIENTS');
      one.close();
    } finally {
      await limited.stop();
    }
  });

  it('answers CORS preflights only for the origins it was given', async () => {
    const open = await fetch(url('/streams'), { headers: { Origin: 'https://example.org' } });
    expect(open.headers.get('access-control-allow-origin')).toBeNull();
    const withCors = await startOn([LIV_RMA], { corsOrigins: ['https://scores.example'] });
    try {
      const r = await fetch(`${withCors.url}/streams`, { headers: { Origin: 'https://scores.example' } });
      expect(r.headers.get('access-control-allow-origin')).toBe('https://scores.example');
    } finally {
      await withCors.stop();
    }
  });
});

describe('matchline serve', () => {
  it('is what npm start runs: the start script is src/cli/start.ts, which passes its arguments on', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.start).toBe('tsx src/cli/start.ts');
  });

  // The installed command, and `npm start -- serve ...` (the start script runs src/cli/start.ts with tsx).
  it.each([
    ['bin/matchline.js', [join(ROOT, 'bin', 'matchline.js')]],
    ['npm start', ['--import', 'tsx', join(ROOT, 'src', 'cli', 'start.ts')]],
  ])('serves a store folder on loopback until it is stopped (%s)', async (_, command) => {
    const folder = seedFolder([LIV_RMA]);
    const child = spawn(process.execPath, [...command, 'serve', '--store', folder, '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, MATCHLINE_TOKEN: '' },
    });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          const match = /on (http:\/\/127\.0\.0\.1:\d+)\/ \(1 streams\)/.exec(out);
          if (match && out.includes('write token')) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      const token = /Bearer <token>\): (\S+)/.exec(out)![1]!;
      const list = (await (await fetch(`${address}/streams`)).json()) as { streams: { id: string }[] };
      expect(list.streams.map((s) => s.id)).toEqual(['r16-leg1-liverpool-real-madrid']);
      const refused = await post(
        `${address}/streams/x/events`,
        { expectedVersion: 'no-stream', events: seed(LIV_RMA).slice(0, 1) },
        'nope',
      );
      expect(refused.status).toBe(401);
      const accepted = await post(
        `${address}/streams/x/events`,
        { expectedVersion: 'no-stream', events: seed(LIV_RMA).slice(0, 1) },
        token,
      );
      expect(accepted.status).toBe(201);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  });
});
