/** `matchline records [streams...]`: head-to-head, team streaks or player tallies across matches. */
import type { Command } from 'commander';
import { MatchlineError } from '../../events/index.js';
import { headToHead, sumTallies, teamRecord } from '../../competition/index.js';
import { printJson, printWarnings, type Cli, type Output } from '../context.js';
import { loadResults, modeOf, warningsOf } from '../io.js';
import { LENIENT_OPTION, STORE_OPTION } from '../options.js';

interface RecordsOptions {
  team?: string;
  player?: string;
  h2h?: string[];
  json?: boolean;
  store?: string;
  lenient?: boolean;
}

export async function recordsCommand(io: Output, paths: string[], opts: RecordsOptions): Promise<number> {
  // The command line is checked before any file is read.
  if (opts.h2h && opts.h2h.length !== 2)
    throw new MatchlineError({ code: 'USAGE', message: '--h2h takes two team names' });
  if (!opts.h2h && !opts.team && !opts.player)
    throw new MatchlineError({
      code: 'USAGE',
      message: 'records needs --team <name>, --player <name> or --h2h <a> <b>',
    });
  const loaded = await loadResults(paths, opts.store, modeOf(opts));
  const results = loaded.map((r) => r.result);
  let value: unknown;
  if (opts.h2h) {
    value = headToHead(results, opts.h2h[0]!, opts.h2h[1]!);
  } else if (opts.team) {
    value = teamRecord(results, opts.team);
  } else {
    const player = opts.player!;
    const needle = player.toLowerCase();
    const tallies = sumTallies(loaded.map((r) => r.players())).filter(
      (t) => t.player.toLowerCase().includes(needle) || t.playerId === needle,
    );
    if (tallies.length === 0)
      throw new MatchlineError({
        code: 'USAGE',
        message: `no player matching "${player}" in these streams`,
      });
    value = tallies;
  }
  if (opts.json) printJson(io, value);
  else io.out(JSON.stringify(value, null, 2));
  printWarnings(io, warningsOf(loaded));
  return 0;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('records')
    .description('head-to-head, team streaks or player tallies across matches')
    .argument(
      '[streams...]',
      'stream files or directories (or stream ids with --store; all of them when none)',
    )
    .option('--team <name>', 'results, form and streaks of a team')
    .option('--player <name>', 'tallies of a player')
    .option('--h2h <teams...>', 'head-to-head record of two teams')
    .option('--json', 'print JSON')
    .option(...LENIENT_OPTION)
    .option(...STORE_OPTION)
    .action((refs: string[], opts: RecordsOptions) => cli.run(() => recordsCommand(cli.io, refs, opts)));
}
