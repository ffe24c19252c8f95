/** `matchline serve`: the live match centre over a store folder (or a PostgreSQL URL). */
import type { Command } from 'commander';
import { MatchlineError } from '../../events/index.js';
import { openStore, type Output } from '../context.js';

type Run = (action: () => number | Promise<number>) => Promise<void>;

interface ServeCliOptions {
  readonly store: string;
  readonly port: string;
  readonly host: string;
  readonly token?: string;
  readonly cors?: string;
}

export function serveCommand(program: Command, io: Output, run: Run): void {
  program
    .command('serve')
    .description(
      'the live match centre: a web page, Server-Sent Events, live tables and version-checked writes',
    )
    .requiredOption('--store <folder|url>', 'a store folder (created if missing) or a postgres:// URL')
    .option('--port <n>', 'the port to listen on', '8080')
    .option('--host <address>', 'the address to listen on (loopback unless you say otherwise)', '127.0.0.1')
    .option('--token <token>', 'the write token (default: $MATCHLINE_TOKEN, else a random one, printed)')
    .option('--cors <origins>', 'comma-separated origins allowed to call the API from other sites')
    .action((opts: ServeCliOptions) =>
      run(async () => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65_535)
          throw new MatchlineError({ code: 'USAGE', message: `--port takes 0-65535, not ${opts.port}` });
        const { startMatchCentre } = await import('../../serve/index.js');
        const store = await openStore(opts.store);
        const token = opts.token ?? process.env.MATCHLINE_TOKEN;
        const centre = await startMatchCentre({
          store,
          port,
          host: opts.host,
          ...(token ? { token } : {}),
          ...(opts.cors ? { corsOrigins: opts.cors.split(',').map((o) => o.trim()) } : {}),
        });
        io.out(`matchline match centre on ${centre.url}/ (${centre.hub.all().length} streams)`);
        if (!token) io.out(`write token (send as Authorization: Bearer <token>): ${centre.token}`);
        await new Promise<void>((resolve) => {
          for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
        });
        await centre.stop();
        await store.close();
        return 0;
      }),
    );
}
