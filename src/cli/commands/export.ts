/** `matchline export <streams...> --rows <kind>`: tidy rows for analysts, as CSV or NDJSON. */
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { MatchlineError } from '../../events/index.js';
import { ROW_KINDS, toRows, type RowKind } from '../../match/plain.js';
import { printWarnings, type Cli, type Output } from '../context.js';
import { foldNamed, modeOf, resolveStreams, warningsOf } from '../io.js';
import { LENIENT_OPTION, STORE_OPTION } from '../options.js';

interface ExportOptions {
  rows: string;
  format: string;
  lenient?: boolean;
  store?: string;
}

export async function exportCommand(io: Output, refs: string[], opts: ExportOptions): Promise<number> {
  // The command line is checked before any file is read.
  if (!ROW_KINDS.includes(opts.rows as RowKind))
    throw new MatchlineError({
      code: 'USAGE',
      message: `--rows takes one of ${ROW_KINDS.join(', ')}, not ${opts.rows}`,
    });
  if (opts.format !== 'csv' && opts.format !== 'ndjson')
    throw new MatchlineError({ code: 'USAGE', message: `--format takes csv or ndjson, not ${opts.format}` });
  const streams = await resolveStreams(refs, opts.store, true);
  const folded = streams.map((s) => {
    const state = foldNamed(s, modeOf(opts));
    return { name: s.name, state, warnings: state.warnings };
  });
  const rows = toRows(
    folded.map((f) => f.state),
    opts.rows as RowKind,
    folded.map((f) => f.name),
  );
  if (opts.format === 'ndjson') for (const row of rows) io.out(JSON.stringify(row));
  else if (rows.length > 0)
    io.out(stringify(rows, { header: true, cast: { boolean: (value) => String(value) } }).trimEnd());
  printWarnings(io, warningsOf(folded));
  return 0;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('export')
    .description(
      'tidy rows across matches (events, goals, cards, substitutions, minutes, players) as CSV or NDJSON',
    )
    .argument('[streams...]', 'stream files or folders, - for standard input (or stream ids with --store)')
    .requiredOption('--rows <kind>', `one row per: ${ROW_KINDS.join(', ')}`)
    .option('--format <format>', 'csv or ndjson', 'csv')
    .option(...LENIENT_OPTION)
    .option(...STORE_OPTION)
    .action((refs: string[], opts: ExportOptions) => cli.run(() => exportCommand(cli.io, refs, opts)));
}
