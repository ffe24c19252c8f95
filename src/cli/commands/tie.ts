/** `matchline tie <leg1> [leg2]`: decide a two-legged tie or a single-match final. */
import type { Command } from 'commander';
import pc from 'picocolors';
import { MatchlineError } from '../../events/index.js';
import { decideTie, TIE_RULES, type TieRulesVersion } from '../../competition/index.js';
import { printJson, printWarnings, type Cli, type Output } from '../context.js';
import { loadResults, modeOf, warningsOf } from '../io.js';
import { LENIENT_OPTION, STORE_OPTION } from '../options.js';

export async function tieCommand(
  io: Output,
  files: string[],
  opts: { rules?: string; json?: boolean; store?: string; lenient?: boolean },
): Promise<number> {
  if (files.length < 1 || files.length > 2)
    throw new MatchlineError({ code: 'USAGE', message: 'tie takes one match (a final) or two legs' });
  if (opts.rules !== undefined && !(opts.rules in TIE_RULES)) {
    throw new MatchlineError({
      code: 'USAGE',
      message: `--rules takes one of ${Object.keys(TIE_RULES).join(', ')}`,
    });
  }
  const loaded = await loadResults(files, opts.store, modeOf(opts));
  const [leg1, leg2] = loaded;
  const tie = decideTie(leg1!.result, leg2?.result, opts.rules as TieRulesVersion | undefined);
  const [a, b] = tie.teams;
  if (opts.json) {
    printJson(io, {
      status: tie.status,
      rules: tie.rules,
      winner: tie.winner?.name ?? null,
      decidedBy: tie.decidedBy,
      aggregate: { [a.name]: tie.aggregate[0], [b.name]: tie.aggregate[1] },
      awayGoals: tie.awayGoals ? { [a.name]: tie.awayGoals[0], [b.name]: tie.awayGoals[1] } : null,
      shootout: tie.shootout ? { [a.name]: tie.shootout[0], [b.name]: tie.shootout[1] } : null,
      note: tie.note || null,
    });
    printWarnings(io, warningsOf(loaded));
    return 0;
  }
  io.out(
    `${a.name} ${tie.aggregate[0]}-${tie.aggregate[1]} ${b.name} on aggregate (${TIE_RULES[tie.rules].description})`,
  );
  if (tie.awayGoals) io.out(`Away goals: ${a.name} ${tie.awayGoals[0]}, ${b.name} ${tie.awayGoals[1]}`);
  if (tie.shootout) io.out(`Kicks: ${a.name} ${tie.shootout[0]}-${tie.shootout[1]} ${b.name}`);
  io.out(tie.winner ? pc.bold(`${tie.winner.name} go through (${tie.decidedBy})`) : `Undecided: ${tie.note}`);
  printWarnings(io, warningsOf(loaded));
  return 0;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('tie')
    .description('decide a two-legged tie (or a single-match final)')
    .argument('<legs...>', 'first leg and second leg (or one final)')
    .option('--rules <version>', 'away-goals, no-away-goals or single (default: from the fixture rules)')
    .option('--json', 'print the result as JSON')
    .option(...LENIENT_OPTION)
    .option(...STORE_OPTION)
    .action((refs: string[], opts: { rules?: string; json?: boolean; store?: string; lenient?: boolean }) =>
      cli.run(() => tieCommand(cli.io, refs, opts)),
    );
}
