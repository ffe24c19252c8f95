/** `matchline store <dir|url> list|show <stream>|append <stream> <file>|check [--repair]`. */
import Table from 'cli-table3';
import type { Command } from 'commander';
import { formatProblem, MatchlineError } from '../../events/index.js';
import type { EventStore, ExpectedVersion, FileEventStore, StreamCheck } from '../../store/index.js';
import { isPostgresUrl, openStore, printJson, type Cli, type Output } from '../context.js';
import { resolveStreams } from '../io.js';

export interface StoreCliOptions {
  expectedVersion?: string;
  repair?: boolean;
  json?: boolean;
}

function parseExpected(text: string | undefined): ExpectedVersion {
  if (text === undefined) return 'any';
  if (text === 'any' || text === 'no-stream' || text === 'stream-exists') return text;
  if (/^\d+$/.test(text)) return Number(text);
  throw new MatchlineError({
    code: 'USAGE',
    message: `--expected-version takes a number, any, no-stream or stream-exists, not ${text}`,
  });
}

const STORE_ACTIONS = ['list', 'show', 'append', 'check'];

export async function storeCommand(
  io: Output,
  dir: string,
  action: string,
  args: string[],
  opts: StoreCliOptions,
): Promise<number> {
  if (action === 'check' && isPostgresUrl(dir))
    throw new MatchlineError({
      code: 'USAGE',
      message:
        'store check and --repair are for store folders: a PostgreSQL store commits each append whole or not at all, so there is no tail to check',
    });
  // The command line is checked before the store is opened (opening a folder creates it).
  if (!STORE_ACTIONS.includes(action))
    throw new MatchlineError({
      code: 'USAGE',
      message: `store actions are ${STORE_ACTIONS.join(', ')}, not ${action}`,
    });
  parseExpected(opts.expectedVersion);
  // Loaded here, not at start-up: only the store commands need the store code.
  const store = await openStore(dir);
  try {
    const folder = 'recoveries' in store ? (store as FileEventStore) : null;
    return await storeAction(io, store, folder, action, args, opts);
  } finally {
    await store.close();
  }
}

async function storeAction(
  io: Output,
  store: EventStore,
  /** The same store when it is a folder (recoveries, check, repair), else null. */
  folder: FileEventStore | null,
  action: string,
  args: string[],
  opts: StoreCliOptions,
): Promise<number> {
  const report = () => {
    for (const r of folder?.recoveries ?? [])
      io.err(`recovered ${r.file}: cut ${r.bytes} bytes never acknowledged (${r.reason})`);
  };
  switch (action) {
    case 'list': {
      const ids = await store.list();
      if (opts.json) printJson(io, ids);
      else for (const id of ids) io.out(id);
      return 0;
    }
    case 'show': {
      const [id] = args;
      if (!id) throw new MatchlineError({ code: 'USAGE', message: 'store show takes a stream id' });
      const events = await store.read(id);
      report();
      for (const e of events) io.out(JSON.stringify(e));
      return 0;
    }
    case 'append': {
      const [id, file] = args;
      if (!id || !file)
        throw new MatchlineError({
          code: 'USAGE',
          message: 'store append takes a stream id and an events file',
        });
      const [stream] = await resolveStreams([file]);
      const events = stream!.events;
      const result = await store.append(id, events, { expectedVersion: parseExpected(opts.expectedVersion) });
      report();
      if (opts.json) printJson(io, result);
      else
        io.out(
          `${id}: version ${result.version} (${result.appended} appended, ${result.ignored} already stored, ${result.amended} amended)`,
        );
      return 0;
    }
    case 'check': {
      if (!folder) throw new MatchlineError({ code: 'USAGE', message: 'store check is for store folders' });
      const ids = args.length ? args : await store.list();
      let bad = 0;
      const rows: (StreamCheck & { quarantine?: string })[] = [];
      for (const id of ids) {
        const check = opts.repair ? await folder.repair(id) : await folder.check(id);
        rows.push(check);
        if (check.status !== 'ok') bad++;
      }
      if (opts.json) {
        printJson(io, rows);
      } else {
        const table = new Table({
          head: ['stream', 'events', 'status', 'tail bytes'],
          style: { head: [], border: [] },
        });
        for (const r of rows) table.push([r.streamId, r.events, r.status, r.tailBytes]);
        io.out(table.toString());
        for (const r of rows) {
          if (r.problem) io.err(formatProblem(r.problem));
          if (r.status === 'uncommittedTail')
            io.err(
              `${r.file}: ${r.tailBytes} bytes after the last acknowledged append (a crash mid-append); --repair cuts them`,
            );
          if (r.status === 'tornLine')
            io.err(`${r.file}: the last line is incomplete (a crash mid-write); --repair cuts it`);
          if (r.status === 'damaged')
            io.err(
              `${r.file}: events after line ${r.problem?.line ?? '?'} cannot be trusted; --repair moves them to a side file`,
            );
          if ('quarantine' in r && r.quarantine)
            io.err(`${r.file}: damaged tail moved to ${String(r.quarantine)}`);
        }
      }
      return bad === 0 || opts.repair ? 0 : 1;
    }
    default:
      throw new MatchlineError({
        code: 'USAGE',
        message: `store actions are list, show, append and check, not ${action}`,
      });
  }
}

export function register(program: Command, cli: Cli): void {
  program
    .command('store')
    .description(
      'a store (a folder of NDJSON streams or a PostgreSQL server): list, show, append (version-checked); folders: check and repair',
    )
    .argument('<dir|url>', 'the store directory or a postgres:// connection string')
    .argument('<action>', 'list | show <stream> | append <stream> <events-file> | check [streams...]')
    .argument('[args...]', 'the action’s arguments')
    .option(
      '--expected-version <n>',
      'append only if the stream is at this version (or any, no-stream, stream-exists)',
    )
    .option('--repair', 'with check: cut unacknowledged tails and move damaged tails to a side file')
    .option('--json', 'print JSON')
    .action((dir: string, action: string, args: string[], opts: StoreCliOptions) =>
      cli.run(() => storeCommand(cli.io, dir, action, args, opts)),
    );
}
