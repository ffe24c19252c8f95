/** Starts the match centre on a port (loopback unless told otherwise) with connection limits. */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createMatchCentre, type AppOptions, type MatchCentre } from './app.js';

export interface ServeOptions extends Omit<AppOptions, 'token'> {
  readonly port?: number;
  /** 127.0.0.1 by default: listening on other interfaces is a choice the caller makes. */
  readonly host?: string;
  /** The write token; a random one is made when none is given (read it from the result). */
  readonly token?: string;
  /** TCP connections at once (default 4,096). */
  readonly maxConnections?: number;
}

export interface RunningMatchCentre extends MatchCentre {
  readonly url: string;
  readonly token: string;
  readonly server: Server;
  /** Stops accepting, closes every SSE connection and the store subscription. */
  stop(): Promise<void>;
}

export async function startMatchCentre(options: ServeOptions): Promise<RunningMatchCentre> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const centre = createMatchCentre({ ...options, token });
  await centre.hub.ready;
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: centre.app.fetch, port: options.port ?? 0, hostname: host }, () =>
      resolve(s as Server),
    );
    (s as Server).once('error', reject);
  });
  server.maxConnections = options.maxConnections ?? 4096;
  // Slow or idle clients are cut off; SSE responses are long-lived bodies, which these do not limit.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    ...centre,
    url: `http://${shown}:${port}`,
    token,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        centre.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
