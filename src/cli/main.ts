#!/usr/bin/env node
/**
 * The `matchline` command line. This file only wires: each command lives in `commands/<name>.ts` and
 * registers itself with one line below. Commands load store and import code inside their actions,
 * so a command that needs neither never loads them.
 */
import { Command, CommanderError } from 'commander';
import { createCli, EXIT, packageVersion, printProblems, type Output } from './context.js';
import { register as exportCommand } from './commands/export.js';
import { register as importCommand } from './commands/import.js';
import { register as recordsCommand } from './commands/records.js';
import { register as replayCommand } from './commands/replay.js';
import { register as storeCommand } from './commands/store.js';
import { register as summaryCommand } from './commands/summary.js';
import { register as tableCommand } from './commands/table.js';
import { register as tieCommand } from './commands/tie.js';
import { register as validateCommand } from './commands/validate.js';
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
// --json anywhere on the command line: errors are JSON on standard output too, for every command.
const json = process.argv.slice(2).includes('--json');
const cli = createCli(io, json);

const program = new Command();
program
  .name('matchline')
  .description(
    'Event-sourced football match timelines: validate, summarise, replay, store, import, decide ties and tables.',
  )
  .version(packageVersion(), '-V, --version', 'print the version of matchline')
  // Usage errors (unknown option, missing argument) exit 2 like every USAGE error, as JSON with --json.
  .exitOverride()
  .showHelpAfterError(!json)
  .configureOutput({
    outputError: (text, write) => {
      if (json)
        printProblems(
          io,
          [{ code: 'USAGE', message: text.replace(/^error: /, '').trim() }],
          true,
          EXIT.usage,
        );
      else write(text);
    },
  });

validateCommand(program, cli);
summaryCommand(program, cli);
tieCommand(program, cli);
tableCommand(program, cli);
recordsCommand(program, cli);
replayCommand(program, cli);
storeCommand(program, cli);
importCommand(program, cli);
exportCommand(program, cli);
renderCommand(program, cli.io, (action) => cli.run(action));
serveCommand(program, cli.io, (action) => cli.run(action));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  // --help and --version end the same way as a success; everything else commander refuses is usage.
  process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
}
