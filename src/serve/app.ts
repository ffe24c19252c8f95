/**
 * The match centre's HTTP API (Hono): streams, frames, Server-Sent Events, live tables, version-
 * checked writes, and the page. Reads are open; writes need the token given at start. Stream ids
 * are checked before anything touches the store, and no URL names a file.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { checkStreamId, type EventStore, type ExpectedVersion } from '../store/store.js';
import { EVENT_TYPES, type MatchEvent } from '../events/index.js';
import { matchSummary, stateAt } from '../match/index.js';
import { buildFrames } from '../replay/index.js';
import { TIE_BREAK_RULES } from '../competition/index.js';
import { scoreboardOf, type DeltaFilter } from './deltas.js';
import { attachFeed, type FrameStep } from './feed.js';
import { bearerToken, errorResponse, HttpError, RateLimiter, tokenMatches } from './http.js';
import { Hub } from './hub.js';
import { SseClient, encodeSse } from './sse.js';
import { groupsOf, liveTable, sameGroup, groupKeyOf, type GroupKey } from './tables.js';
import { pageHtml, pageScript } from './page/assets.js';

export interface ServeLimits {
  /** Largest request body in bytes (default 1 MiB). */
  readonly bodyBytes: number;
  /** Open SSE connections at once, all streams together (default 2,000). */
  readonly sseClients: number;
  /** Events a second a stream may be written at, and the burst (default 200 and 5,000). */
  readonly eventsPerSecond: number;
  readonly eventBurst: number;
  /** Bytes queued for a slow SSE client before it is dropped (it resumes by Last-Event-ID). */
  readonly sseQueueBytes: number;
}

export const DEFAULT_LIMITS: ServeLimits = {
  bodyBytes: 1024 * 1024,
  sseClients: 2000,
  eventsPerSecond: 200,
  eventBurst: 5000,
  sseQueueBytes: 4 * 1024 * 1024,
};

export interface AppOptions {
  readonly store: EventStore;
  /** The write token; requests that write must send `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Origins allowed to call the API from other sites; none by default (same origin only). */
  readonly corsOrigins?: readonly string[];
  readonly limits?: Partial<ServeLimits>;
  /** Seconds between SSE heartbeats (default 5). */
  readonly heartbeatSeconds?: number;
}

export interface MatchCentre {
  readonly app: Hono;
  readonly hub: Hub;
  /** Open SSE connections. */
  readonly clients: Set<SseClient>;
  close(): void;
}

const MAX_SPEED = 100_000;

function intParam(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,15}$/.test(value))
    throw new HttpError(
      400,
      'USAGE',
      `${name} must be a whole number from 0, not ${JSON.stringify(value.slice(0, 20))}`,
    );
  return Number(value);
}

function filterOf(c: Context): DeltaFilter {
  const types = new Set((c.req.query('types') ?? '').split(',').filter((t) => t !== ''));
  for (const t of types)
    if (!(EVENT_TYPES as readonly string[]).includes(t))
      throw new HttpError(400, 'USAGE', `types: ${JSON.stringify(t.slice(0, 30))} is not an event type`);
  return { types, team: c.req.query('team') || null };
}

function framesOf(c: Context): FrameStep {
  const frames = c.req.query('frames') ?? 'minute';
  if (frames !== 'minute' && frames !== 'event' && frames !== 'none')
    throw new HttpError(400, 'USAGE', 'frames takes minute, event or none');
  return frames;
}

function speedOf(c: Context): number | undefined {
  const raw = c.req.query('speed');
  if (raw === undefined || raw === '') return undefined;
  const speed = Number(raw);
  if (!(speed > 0 && speed <= MAX_SPEED))
    throw new HttpError(400, 'USAGE', `speed is match minutes a second, above 0 and at most ${MAX_SPEED}`);
  return speed;
}

function expectedVersionOf(value: unknown): ExpectedVersion {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (value === 'no-stream' || value === 'stream-exists' || value === 'any') return value;
  throw new HttpError(
    400,
    'USAGE',
    'expectedVersion is required: a version number, "no-stream", "stream-exists" or "any"',
  );
}

export function createMatchCentre(options: AppOptions): MatchCentre {
  const limits: ServeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const heartbeatMs = (options.heartbeatSeconds ?? 5) * 1000;
  const hub = new Hub(options.store);
  const clients = new Set<SseClient>();
  const writes = new RateLimiter(limits.eventsPerSecond, limits.eventBurst);
  const app = new Hono();

  app.onError((error, c) => {
    const { status, body, headers } = errorResponse(error);
    if (status === 500) console.error(error);
    return c.json(body, status, headers);
  });
  app.notFound((c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );
  if (options.corsOrigins && options.corsOrigins.length > 0)
    app.use(
      '*',
      cors({
        origin: [...options.corsOrigins],
        allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
      }),
    );

  const known = async (raw: string) => {
    const id = checkStreamId(raw);
    await hub.ready;
    if (!hub.has(id)) throw new HttpError(404, 'STREAM_NOT_FOUND', `no stream ${id}`);
    return hub.stream(id);
  };

  const openSse = (c: Context, attach: (client: SseClient) => () => void): Response => {
    if (clients.size >= limits.sseClients)
      throw new HttpError(
        503,
        'TOO_MANY_CLIENTS',
        `the server has ${limits.sseClients} live connections open`,
        { 'Retry-After': '5' },
      );
    let detach: () => void = () => undefined;
    const client = new SseClient({
      heartbeatMs,
      maxQueuedBytes: limits.sseQueueBytes,
      onClose: () => {
        clients.delete(client);
        detach();
      },
    });
    clients.add(client);
    client.send(new TextEncoder().encode('retry: 1000\n\n'));
    detach = attach(client);
    return new Response(client.body, {
      headers: {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        'X-Accel-Buffering': 'no',
      },
    });
  };

  app.get('/', (c) => c.html(pageHtml()));
  app.get('/app.js', async (c) =>
    c.body(await pageScript(), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );

  app.get('/streams', async (c) => {
    await hub.ready;
    return c.json({
      streams: hub.all().map((s) => ({
        id: s.id,
        version: s.version,
        competition: s.state.fixture?.competition ?? null,
        season: s.state.fixture?.season ?? null,
        group: s.state.fixture?.group ?? null,
        round: s.state.fixture?.round ?? null,
        kickoff: s.state.fixture?.kickoff ?? null,
        scoreboard: s.scoreboard(),
      })),
    });
  });

  app.get('/streams/:id', async (c) => {
    const stream = await known(c.req.param('id'));
    const at = c.req.query('at');
    const state =
      at === undefined
        ? stream.state
        : stateAt(stream.events, /^\d+$/.test(at) ? Number(at) : at, { mode: 'lenient' });
    return c.json({
      id: stream.id,
      version: stream.version,
      scoreboard: scoreboardOf(state),
      summary: matchSummary(state),
    });
  });

  app.get('/streams/:id/frames', async (c) => {
    const stream = await known(c.req.param('id'));
    const step = c.req.query('step') ?? 'minute';
    if (step !== 'minute' && step !== 'event')
      throw new HttpError(400, 'USAGE', 'step takes minute or event');
    const frames = buildFrames(stream.events, { step, mode: 'lenient' });
    return c.json({
      id: stream.id,
      version: stream.version,
      frames: frames.map((f) => ({
        kind: f.kind,
        minute: f.minute,
        version: f.state.version,
        eventIds: f.events.map((e) => e.id),
        scoreboard: scoreboardOf(f.state),
      })),
    });
  });

  app.get('/streams/:id/events', async (c) => {
    const stream = await known(c.req.param('id'));
    const after = intParam(c.req.header('Last-Event-ID') ?? c.req.query('after'), 'Last-Event-ID', 0);
    const feed = { after, filter: filterOf(c), frames: framesOf(c), speed: speedOf(c) };
    return openSse(c, (client) => attachFeed(client, stream, feed));
  });

  app.post(
    '/streams/:id/events',
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: () => {
        throw new HttpError(
          413,
          'BODY_TOO_LARGE',
          `the request body is larger than ${limits.bodyBytes} bytes`,
        );
      },
    }),
    async (c) => {
      const id = checkStreamId(c.req.param('id'));
      if (!tokenMatches(bearerToken(c.req.header('Authorization')), options.token))
        throw new HttpError(
          401,
          'UNAUTHORIZED',
          'writes need Authorization: Bearer <the token the server was started with>',
        );
      if (!(c.req.header('Content-Type') ?? '').startsWith('application/json'))
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the events as application/json');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new HttpError(400, 'INVALID_JSON', 'the request body is not valid JSON');
      }
      const { expectedVersion, events } = (body ?? {}) as { expectedVersion?: unknown; events?: unknown };
      const expected = expectedVersionOf(expectedVersion);
      if (!Array.isArray(events) || events.length === 0)
        throw new HttpError(400, 'USAGE', 'events must be a non-empty array of events');
      const wait = writes.take(id, events.length);
      if (wait > 0)
        throw new HttpError(
          429,
          'RATE_LIMITED',
          Number.isFinite(wait)
            ? `stream ${id} takes at most ${limits.eventsPerSecond} events a second`
            : `at most ${limits.eventBurst} events in one request`,
          Number.isFinite(wait) ? { 'Retry-After': String(wait) } : {},
        );
      const result = await options.store.append(id, events as MatchEvent[], { expectedVersion: expected });
      return c.json(result, 201);
    },
  );

  app.get('/tables', async (c) => {
    await hub.ready;
    const competition = c.req.query('competition');
    const season = c.req.query('season');
    if (competition === undefined || season === undefined) return c.json({ groups: groupsOf(hub) });
    const key: GroupKey = { competition, season, group: c.req.query('group') || null };
    const rulesId = c.req.query('rules');
    const rules = rulesId === undefined ? undefined : TIE_BREAK_RULES[rulesId];
    if (rulesId !== undefined && !rules)
      throw new HttpError(400, 'USAGE', `rules takes one of ${Object.keys(TIE_BREAK_RULES).join(', ')}`);
    if (!groupsOf(hub).some((g) => sameGroup(g, key)))
      throw new HttpError(
        404,
        'GROUP_NOT_FOUND',
        `no matches of ${competition} ${season}${key.group ? ` group ${key.group}` : ''}`,
      );
    if (!(c.req.header('Accept') ?? '').includes('text/event-stream'))
      return c.json(liveTable(hub, key, rules));
    let tick = 0;
    return openSse(c, (client) => {
      client.send(encodeSse('table', liveTable(hub, key, rules), tick));
      const subscription = hub.applied.subscribe(({ stream }) => {
        const fixture = stream.state.fixture;
        if (fixture && sameGroup(groupKeyOf(fixture), key))
          client.send(encodeSse('table', liveTable(hub, key, rules), ++tick));
      });
      return () => subscription.unsubscribe();
    });
  });

  return {
    app,
    hub,
    clients,
    close: () => {
      for (const client of clients) client.close();
      hub.close();
    },
  };
}
