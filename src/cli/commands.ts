/** The data commands: validate, summary, tie, table, records. */
import Table from 'cli-table3';
import pc from 'picocolors';
import { formatProblem, MatchlineError, readStreamText, toProblem, type Problem } from '../events/index.js';
import { fold } from '../match/fold.js';
import { matchSummary } from '../match/summary.js';
import { stateAt } from '../match/fold.js';
import {
  buildTable,
  decideTie,
  defaultTableRules,
  headToHead,
  playerTallies,
  teamRecord,
  TIE_BREAK_RULES,
  TIE_RULES,
  toMatchResult,
  type TieRulesVersion,
} from '../competition/index.js';
import { displayPath, expandPaths, foldNamed, readText, resolveStreams } from './io.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export function printJson(io: Output, value: unknown): void {
  io.out(
    JSON.stringify(
      value,
      (_k, v: unknown): unknown =>
        v instanceof Map
          ? Object.fromEntries(v as Map<string, unknown>)
          : v instanceof Set
            ? [...(v as Set<unknown>)]
            : v,
      2,
    ),
  );
}

/** validate: exit 0 when every file is valid (schemas and rules), 1 otherwise. */
export function validateCommand(io: Output, paths: string[], opts: { json?: boolean }): number {
  const problems: Problem[] = [];
  const files = expandPaths(paths);
  for (const file of files) {
    const name = displayPath(file);
    const { events, problems: schemaProblems } = readStreamText(readText(file), name);
    problems.push(...schemaProblems);
    if (schemaProblems.length > 0) continue;
    const state = fold(events, undefined, { mode: 'lenient' });
    problems.push(...state.warnings.map((w) => ({ ...w, file: name })));
  }
  if (opts.json) printJson(io, { files: files.length, valid: problems.length === 0, problems });
  else {
    for (const p of problems) io.err(formatProblem(p));
    io.out(
      `${files.length} file${files.length === 1 ? '' : 's'} checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    );
  }
  return problems.length === 0 ? 0 : 1;
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

export async function summaryCommand(
  io: Output,
  ref: string,
  opts: { at?: string; minutes?: string; json?: boolean; store?: string },
): Promise<number> {
  const mode = opts.minutes === 'actual' ? 'actual' : 'nominal';
  if (opts.minutes !== undefined && opts.minutes !== 'actual' && opts.minutes !== 'nominal') {
    throw new MatchlineError({
      code: 'USAGE',
      message: `--minutes takes nominal or actual, not ${opts.minutes}`,
    });
  }
  const [stream] = await resolveStreams([ref], opts.store);
  const state = opts.at === undefined ? foldNamed(stream!) : stateAt(stream!.events, opts.at);
  const s = matchSummary(state, { mode });
  if (opts.json) {
    printJson(io, { ...s, timeline: undefined });
    return 0;
  }
  io.out(pc.bold(scoreLine(s)));
  if (s.competition) io.out(pc.dim(`${s.competition} ${s.season ?? ''}, ${s.round ?? ''}`));
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
  for (const w of s.warnings) io.err(pc.yellow(formatProblem(w)));
  return 0;
}

async function matchResults(refs: string[], storeDir?: string) {
  return (await resolveStreams(refs, storeDir, true)).map((stream) => {
    const state = foldNamed(stream, { mode: 'lenient' });
    return { name: stream.name, state, result: toMatchResult(state, stream.name) };
  });
}

export async function tieCommand(
  io: Output,
  files: string[],
  opts: { rules?: string; json?: boolean; store?: string },
): Promise<number> {
  if (files.length < 1 || files.length > 2)
    throw new MatchlineError({ code: 'USAGE', message: 'tie takes one match (a final) or two legs' });
  if (opts.rules !== undefined && !(opts.rules in TIE_RULES)) {
    throw new MatchlineError({
      code: 'USAGE',
      message: `--rules takes one of ${Object.keys(TIE_RULES).join(', ')}`,
    });
  }
  const [leg1, leg2] = await matchResults(files, opts.store);
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
    return 0;
  }
  io.out(
    `${a.name} ${tie.aggregate[0]}-${tie.aggregate[1]} ${b.name} on aggregate (${TIE_RULES[tie.rules].description})`,
  );
  if (tie.awayGoals) io.out(`Away goals: ${a.name} ${tie.awayGoals[0]}, ${b.name} ${tie.awayGoals[1]}`);
  if (tie.shootout) io.out(`Kicks: ${a.name} ${tie.shootout[0]}-${tie.shootout[1]} ${b.name}`);
  io.out(tie.winner ? pc.bold(`${tie.winner.name} go through (${tie.decidedBy})`) : `Undecided: ${tie.note}`);
  return 0;
}

export async function tableCommand(
  io: Output,
  paths: string[],
  opts: { rules?: string; json?: boolean; store?: string },
): Promise<number> {
  if (opts.rules !== undefined && !(opts.rules in TIE_BREAK_RULES)) {
    throw new MatchlineError({
      code: 'USAGE',
      message: `--rules takes one of ${Object.keys(TIE_BREAK_RULES).join(', ')}`,
    });
  }
  const results = (await matchResults(paths, opts.store)).map((r) => r.result);
  const rules = opts.rules ? TIE_BREAK_RULES[opts.rules]! : defaultTableRules(results[0]?.fixture.season);
  const rows = buildTable(results, { rules });
  if (opts.json) {
    printJson(io, rows);
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
  return 0;
}

export async function recordsCommand(
  io: Output,
  paths: string[],
  opts: { team?: string; player?: string; h2h?: string[]; json?: boolean; store?: string },
): Promise<number> {
  const loaded = await matchResults(paths, opts.store);
  const results = loaded.map((r) => r.result);
  let value: unknown;
  if (opts.h2h) {
    if (opts.h2h.length !== 2)
      throw new MatchlineError({ code: 'USAGE', message: '--h2h takes two team names' });
    value = headToHead(results, opts.h2h[0]!, opts.h2h[1]!);
  } else if (opts.team) {
    value = teamRecord(results, opts.team);
  } else if (opts.player) {
    const needle = opts.player.toLowerCase();
    const tallies = [...playerTallies(loaded.map((r) => r.state)).values()].filter(
      (t) => t.player.toLowerCase().includes(needle) || t.playerId === needle,
    );
    if (tallies.length === 0)
      throw new MatchlineError({
        code: 'USAGE',
        message: `no player matching "${opts.player}" in these streams`,
      });
    value = tallies;
  } else {
    throw new MatchlineError({
      code: 'USAGE',
      message: 'records needs --team <name>, --player <name> or --h2h <a> <b>',
    });
  }
  if (opts.json) printJson(io, value);
  else io.out(JSON.stringify(value, null, 2));
  return 0;
}

/** Prints a MatchlineError as data (every problem, one per line) and returns exit code 1. */
export function reportError(io: Output, error: unknown, json = false): number {
  if (error instanceof MatchlineError) {
    if (json) printJson(io, { valid: false, problems: error.problems.map(toProblem) });
    else for (const p of error.problems) io.err(formatProblem(p));
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(
    `matchline: unexpected error: ${message}${process.env.MATCHLINE_DEBUG ? `\n${(error as Error).stack ?? ''}` : ' (set MATCHLINE_DEBUG=1 for details)'}`,
  );
  return 2;
}
