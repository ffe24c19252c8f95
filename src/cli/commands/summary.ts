/** `matchline summary <stream>`: score line, scorers, cards, substitutions and minutes played. */
import Table from 'cli-table3';
import type { Command } from 'commander';
import pc from 'picocolors';
import { MatchlineError } from '../../events/index.js';
import { stateAt } from '../../match/fold.js';
import { matchSummary } from '../../match/summary.js';
import { printJson, printWarnings, type Cli, type Output } from '../context.js';
import { foldNamed, modeOf, resolveStreams } from '../io.js';
import { LENIENT_OPTION, STORE_OPTION } from '../options.js';

interface SummaryOptions {
  at?: string;
  minutes?: string;
  json?: boolean;
  store?: string;
  lenient?: boolean;
}

function scoreLine(s: ReturnType<typeof matchSummary>): string {
  const parts = [`${s.home} ${s.score.home}-${s.score.away} ${s.away}`];
  const stages: string[] = [];
  if (s.halfTime) stages.push(`HT ${s.halfTime.home}-${s.halfTime.away}`);
  if (s.afterExtraTime && s.afterNormalTime)
    stages.push(`90' ${s.afterNormalTime.home}-${s.afterNormalTime.away}`, 'a.e.t.');
  if (s.shootout) stages.push(`${s.shootout.home}-${s.shootout.away} pens`);
  if (stages.length) parts.push(`(${stages.join(', ')})`);
  if (s.status !== 'finished') parts.push(`[${s.status}]`);
  return parts.join(' ');
}

export async function summaryCommand(io: Output, ref: string, opts: SummaryOptions): Promise<number> {
  const mode = opts.minutes === 'actual' ? 'actual' : 'nominal';
  if (opts.minutes !== undefined && opts.minutes !== 'actual' && opts.minutes !== 'nominal') {
    throw new MatchlineError({
      code: 'USAGE',
      message: `--minutes takes nominal or actual, not ${opts.minutes}`,
    });
  }
  const [stream] = await resolveStreams([ref], opts.store);
  const state =
    opts.at === undefined ? foldNamed(stream!, modeOf(opts)) : stateAt(stream!.events, opts.at, modeOf(opts));
  const s = matchSummary(state, { mode });
  if (opts.json) {
    printJson(io, { ...s, timeline: undefined });
    printWarnings(io, s.warnings);
    return 0;
  }
  io.out(pc.bold(scoreLine(s)));
  if (s.competition) io.out(pc.dim(`${s.competition} ${s.season ?? ''}, ${s.round ?? ''}`));
  const place = [s.venue, s.referee ? `referee ${s.referee}` : null].filter(Boolean).join(', ');
  if (place) io.out(pc.dim(place));
  if (s.goals.length) {
    io.out('\nGoals');
    for (const g of s.goals)
      io.out(
        `  ${g.minute.padStart(6)}  ${g.score.home}-${g.score.away}  ${g.scorer ?? 'unknown'}${g.penalty ? ' (pen.)' : ''}${g.ownGoal ? ' (o.g.)' : ''}  ${pc.dim(g.team)}`,
      );
  }
  if (s.shootout) {
    io.out(`\nShoot-out ${s.shootout.home}-${s.shootout.away}`);
    for (const k of s.shootout.kicks)
      io.out(`  ${k.outcome === 'scored' ? '●' : '○'} ${k.taker} (${k.team}) ${k.outcome}`);
  }
  if (s.cards.length) {
    io.out('\nCards');
    for (const c of s.cards)
      io.out(
        `  ${c.minute.padStart(6)}  ${c.card.padEnd(12)} ${c.player} (${c.team})${c.rescinded ? ' rescinded' : ''}`,
      );
  }
  if (s.substitutions.length) {
    io.out('\nSubstitutions');
    for (const sub of s.substitutions)
      io.out(`  ${sub.minute.padStart(6)}  ${sub.playerOn} for ${sub.playerOff} (${sub.team})`);
  }
  if (s.minutes.length) {
    io.out(`\nMinutes played (${mode})`);
    const table = new Table({ head: ['team', 'player', 'minutes'], style: { head: [], border: [] } });
    for (const r of s.minutes)
      table.push([r.team, r.player, mode === 'actual' ? r.minutes.toFixed(2) : String(r.minutes)]);
    io.out(table.toString());
    if (!s.coverage.substitutions)
      io.out(pc.yellow('note: this stream does not record every substitution; minutes are incomplete'));
    if (mode === 'actual' && !s.coverage.stoppageTime)
      io.out(pc.yellow('note: period lengths in this stream are nominal; actual minutes are approximate'));
  }
  printWarnings(io, s.warnings);
  return 0;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('summary')
    .description('score line, scorers, cards, substitutions and minutes played of one match')
    .argument('<stream>', 'a stream file (or a stream id with --store)')
    .option('--at <point>', "state at a point: an event count, a minute such as 67' or 90+3, HT, ET or FT")
    .option('--minutes <mode>', 'nominal (default) or actual')
    .option('--json', 'print the state as JSON')
    .option(...LENIENT_OPTION)
    .option(...STORE_OPTION)
    .action((ref: string, opts: SummaryOptions) => cli.run(() => summaryCommand(cli.io, ref, opts)));
}
