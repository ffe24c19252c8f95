/** `matchline table [streams...]`: a group or league table from any set of matches. */
import Table from 'cli-table3';
import type { Command } from 'commander';
import pc from 'picocolors';
import { MatchlineError } from '../../events/index.js';
import { buildTable, defaultTableRules, TIE_BREAK_RULES } from '../../competition/index.js';
import { printJson, printWarnings, type Cli, type Output } from '../context.js';
import { loadResults, modeOf, warningsOf } from '../io.js';
import { LENIENT_OPTION, STORE_OPTION } from '../options.js';

export async function tableCommand(
  io: Output,
  paths: string[],
  opts: { rules?: string; json?: boolean; store?: string; lenient?: boolean },
): Promise<number> {
  if (opts.rules !== undefined && !(opts.rules in TIE_BREAK_RULES)) {
    throw new MatchlineError({
      code: 'USAGE',
      message: `--rules takes one of ${Object.keys(TIE_BREAK_RULES).join(', ')}`,
    });
  }
  const loaded = await loadResults(paths, opts.store, modeOf(opts));
  const results = loaded.map((r) => r.result);
  const rules = opts.rules ? TIE_BREAK_RULES[opts.rules]! : defaultTableRules(results[0]?.fixture.season);
  const rows = buildTable(results, { rules });
  if (opts.json) {
    printJson(io, rows);
    printWarnings(io, warningsOf(loaded));
    return 0;
  }
  const table = new Table({
    head: ['#', 'team', 'P', 'W', 'D', 'L', 'GF', 'GA', 'GD', 'Pts', 'separated by'],
    style: { head: [], border: [] },
  });
  for (const r of rows)
    table.push([
      r.rank,
      r.team,
      r.played,
      r.won,
      r.drawn,
      r.lost,
      r.goalsFor,
      r.goalsAgainst,
      r.goalDifference,
      r.points,
      r.separatedBy ?? '',
    ]);
  io.out(table.toString());
  io.out(pc.dim(`tie-breaks: ${rules.description}`));
  printWarnings(io, warningsOf(loaded));
  return 0;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('table')
    .description('group or league table from any set of matches')
    .argument(
      '[streams...]',
      'stream files or directories (or stream ids with --store; all of them when none)',
    )
    .option('--rules <set>', 'uefa-2018, uefa-2021, uefa-2024 or domestic (default: by season)')
    .option('--json', 'print the rows as JSON')
    .option(...LENIENT_OPTION)
    .option(...STORE_OPTION)
    .action((refs: string[], opts: { rules?: string; json?: boolean; store?: string; lenient?: boolean }) =>
      cli.run(() => tableCommand(cli.io, refs, opts)),
    );
}
