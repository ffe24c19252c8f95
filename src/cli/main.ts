#!/usr/bin/env node
/** The `matchline` command line. */
import { Command } from 'commander';
import {
  recordsCommand,
  reportError,
  summaryCommand,
  tableCommand,
  tieCommand,
  validateCommand,
  type Output,
} from './commands.js';
import { replayCommand } from './replay.js';
import { storeCommand, type StoreCliOptions } from './store.js';
import { importCommand } from './import.js';
import { renderCommand } from './commands/render.js';
import { serveCommand } from './commands/serve.js';

// A closed pipe (`matchline ... | head`) ends the command quietly, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const io: Output = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };

function run(action: () => number | Promise<number>, json = false): Promise<void> {
  return Promise.resolve()
    .then(action)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.exitCode = reportError(io, error, json);
    });
}

const STORE_OPTION = ['--store <dir>', 'read the arguments as stream ids in this file store'] as const;

const program = new Command();
program
  .name('matchline')
  .description(
    'Event-sourced football match timelines: validate, summarise, replay, store, import, decide ties and tables.',
  )
  .version('0.1.0');

program
  .command('validate')
  .description('check stream files (NDJSON or JSON arrays) against the schemas and the match rules')
  .argument('<paths...>', 'stream files or directories')
  .option('--json', 'print the problems as JSON')
  .action((paths: string[], opts: { json?: boolean }) =>
    run(() => validateCommand(io, paths, opts), opts.json),
  );

program
  .command('summary')
  .description('score line, scorers, cards, substitutions and minutes played of one match')
  .argument('<stream>', 'a stream file (or a stream id with --store)')
  .option('--at <point>', "state at a point: an event count, a minute such as 67' or 45+2', or FT")
  .option('--minutes <mode>', 'nominal (default) or actual')
  .option('--json', 'print the state as JSON')
  .option(...STORE_OPTION)
  .action((ref: string, opts: { at?: string; minutes?: string; json?: boolean; store?: string }) =>
    run(() => summaryCommand(io, ref, opts)),
  );

program
  .command('tie')
  .description('decide a two-legged tie (or a single-match final)')
  .argument('<legs...>', 'first leg and second leg (or one final)')
  .option('--rules <version>', 'away-goals, no-away-goals or single (default: from the fixture rules)')
  .option('--json', 'print the result as JSON')
  .option(...STORE_OPTION)
  .action((refs: string[], opts: { rules?: string; json?: boolean; store?: string }) =>
    run(() => tieCommand(io, refs, opts)),
  );

program
  .command('table')
  .description('group or league table from any set of matches')
  .argument('[streams...]', 'stream files or directories (or stream ids with --store; all of them when none)')
  .option('--rules <set>', 'uefa-2018, uefa-2021, uefa-2024 or domestic (default: by season)')
  .option('--json', 'print the rows as JSON')
  .option(...STORE_OPTION)
  .action((refs: string[], opts: { rules?: string; json?: boolean; store?: string }) =>
    run(() => tableCommand(io, refs, opts)),
  );

program
  .command('records')
  .description('head-to-head, team streaks or player tallies across matches')
  .argument('[streams...]', 'stream files or directories (or stream ids with --store; all of them when none)')
  .option('--team <name>', 'results, form and streaks of a team')
  .option('--player <name>', 'tallies of a player')
  .option('--h2h <teams...>', 'head-to-head record of two teams')
  .option('--json', 'print JSON')
  .option(...STORE_OPTION)
  .action(
    (
      refs: string[],
      opts: { team?: string; player?: string; h2h?: string[]; json?: boolean; store?: string },
    ) => run(() => recordsCommand(io, refs, opts)),
  );

program
  .command('replay')
  .description(
    'replay a match minute by minute: a match centre on a terminal, plain lines or NDJSON when piped',
  )
  .argument('<stream>', 'a stream file (or a stream id with --store)')
  .option('--speed <n>', 'match minutes per real second (Infinity: as fast as possible)', 'Infinity')
  .option('--from <point>', 'start at a point')
  .option('--to <point>', 'stop at a point')
  .option('--step <step>', 'minute (default) or event', 'minute')
  .option('--json', 'NDJSON frames')
  .option(...STORE_OPTION)
  .action(
    (
      ref: string,
      opts: { speed: string; from?: string; to?: string; step: string; json?: boolean; store?: string },
    ) => run(() => replayCommand(io, ref, opts)),
  );

program
  .command('store')
  .description('a folder of NDJSON streams: list, show, append (version-checked), check and repair')
  .argument('<dir>', 'the store directory')
  .argument('<action>', 'list | show <stream> | append <stream> <events-file> | check [streams...]')
  .argument('[args...]', 'the action’s arguments')
  .option(
    '--expected-version <n>',
    'append only if the stream is at this version (or any, no-stream, stream-exists)',
  )
  .option('--repair', 'with check: cut unacknowledged tails and move damaged tails to a side file')
  .option('--json', 'print JSON')
  .action((dir: string, action: string, args: string[], opts: StoreCliOptions) =>
    run(() => storeCommand(io, dir, action, args, opts)),
  );

importCommand(program, io, run);
renderCommand(program, io, run);
serveCommand(program, io, run);

program.showHelpAfterError();
await program.parseAsync(process.argv);
