/** `matchline table [streams...]`: one table per group (or the league), with its rule set, as of any point. */
import { readFileSync } from 'node:fs';
import Table from 'cli-table3';
import type { Command } from 'commander';
import pc from 'picocolors';
import { MatchlineError } from '../../events/index.js';
import {
  decidesMatch,
  groupTables,
  identifyTeams,
  positionsByMatchday,
  qualification,
  RULE_SETS,
  ruleSetById,
  selectGroups,
  type GroupTable,
  type ReportedCard,
  type RuleSet,
  type TableOptions,
} from '../../competition/index.js';
import { printJson, printWarnings, type Cli, type Output } from '../context.js';
import { modeOf, warningsOf } from '../io.js';
import { loadCompetition, teamDirectory } from '../competition-input.js';
import { LENIENT_OPTION, STORE_OPTION } from '../options.js';

export interface TableCliOptions {
  rules?: string | boolean;
  group?: string;
  round?: string;
  until?: string;
  live?: boolean;
  qualification?: boolean;
  places?: string;
  positions?: boolean;
  cards?: string;
  decisions?: string[];
  teams?: string;
  json?: boolean;
  store?: string;
  lenient?: boolean;
}

const usage = (message: string) => new MatchlineError({ code: 'USAGE', message });

const seasonsOf = (r: RuleSet) =>
  r.seasons.from === 0 && r.seasons.to === undefined
    ? 'any'
    : `${r.seasons.from}${r.seasons.to === undefined ? '-' : r.seasons.to === r.seasons.from ? '' : `-${r.seasons.to}`}`;

/** `--rules` alone: every rule set, one line each. */
function listRules(io: Output, json?: boolean): number {
  if (json) {
    printJson(
      io,
      RULE_SETS.map((r) => ({
        id: r.id,
        seasons: r.seasons,
        description: r.description,
        regulation: r.regulation,
      })),
    );
    return 0;
  }
  const width = Math.max(...RULE_SETS.map((r) => r.id.length));
  for (const r of RULE_SETS)
    io.out(
      `${r.id.padEnd(width)}  ${seasonsOf(r).padEnd(9)}  ${r.description} ${pc.dim(`(${r.regulation})`)}`,
    );
  return 0;
}

/** `--until`: a day (2020-11-25), an instant, or a matchday ("4", "md4", "matchday 4"). */
export function parseUntil(value: string): Pick<TableOptions, 'until' | 'untilMatchday'> {
  const matchday = /^(?:md|matchday\s*)?(\d{1,2})$/i.exec(value.trim());
  if (matchday) {
    const n = Number(matchday[1]);
    if (n < 1) throw usage(`--until takes a matchday from 1, not ${value}`);
    return { untilMatchday: n };
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return { until: value };
  throw usage(`--until takes a day (2020-11-25), a date-time or a matchday (4, md4), not ${value}`);
}

function readCards(file: string): ReportedCard[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new MatchlineError({ code: 'PARSE_ERROR', message: `cannot read ${file}: ${reason}`, file });
  }
  const list = Array.isArray(value) ? value : (value as { cards?: unknown } | null)?.cards;
  if (!Array.isArray(list))
    throw usage(`${file}: expected {"cards": [{team, player, match, card}]} or an array`);
  return list as ReportedCard[];
}

function printTable(io: Output, t: GroupTable): void {
  const table = new Table({
    head: ['#', 'team', 'P', 'W', 'D', 'L', 'GF', 'GA', 'GD', 'Pts', 'decided by'],
    style: { head: [], border: [] },
    // No rule between rows: a table per group stays short enough to read a tournament at once.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of t.rows)
    table.push([
      r.level ? `${r.rank}=` : r.rank,
      r.team + (r.live ? pc.yellow(` (${r.live} live)`) : ''),
      r.played,
      r.won,
      r.drawn,
      r.lost,
      r.goalsFor,
      r.goalsAgainst,
      r.goalDifference,
      r.deducted ? `${r.points} (-${r.deducted})` : r.points,
      // Fair play decides with a number the reader can check against the match reports.
      r.separatedBy && r.disciplinary !== null && /fair play|disciplinary/.test(r.separatedBy) && !r.level
        ? `${r.separatedBy} (${r.disciplinary})`
        : (r.separatedBy ?? ''),
    ]);
  io.out(pc.bold(t.label));
  io.out(table.toString());
  for (const n of t.notes) io.out(pc.dim(`  ${n}`));
  if (t.remaining.length > 0)
    io.out(pc.dim(`  ${t.remaining.length} matches not counted (later or not finished)`));
  io.out(pc.dim(`  rules: ${t.rules.id}: ${t.rules.description}`));
}

/** A rule set named on the command line: an unknown name is the command line's fault (exit 2). */
function namedRules(id: string) {
  try {
    return ruleSetById(id);
  } catch (error) {
    if (error instanceof MatchlineError) throw usage(`--rules: ${error.sentence}`);
    throw error;
  }
}

export async function tableCommand(io: Output, paths: string[], opts: TableCliOptions): Promise<number> {
  if (opts.rules === true) return listRules(io, opts.json);
  const cut = opts.until === undefined ? {} : parseUntil(opts.until);
  const places = (opts.places ?? '1,2').split(',').map(Number);
  if (places.some((p) => !Number.isInteger(p) || p < 1))
    throw usage(`--places takes place numbers such as 1,2, not ${opts.places}`);
  if (opts.places !== undefined && !opts.qualification) throw usage('--places goes with --qualification');
  const rules = typeof opts.rules === 'string' ? namedRules(opts.rules) : undefined;
  const { matches, decisions } = await loadCompetition(paths, opts.store, modeOf(opts), opts.decisions);
  try {
    if (matches.length === 0) throw usage('no matches in these streams');
    const results = opts.teams
      ? identifyTeams(
          matches.map((m) => m.result),
          teamDirectory(opts.teams),
          { unknown: 'keep' },
        )
      : matches.map((m) => m.result);
    const options: TableOptions & { group?: string; round?: string } = {
      ...(rules ? { rules } : {}),
      ...(opts.group ? { group: opts.group } : {}),
      ...(opts.round ? { round: opts.round } : {}),
      ...cut,
      ...(opts.live ? { live: true } : {}),
      ...(opts.cards ? { cards: readCards(opts.cards) } : {}),
      ...(decisions.length ? { decisions } : {}),
    };
    const groups = selectGroups(results, options);
    if (groups.length === 0)
      throw usage(
        opts.group || opts.round
          ? `no group or league matches pass${opts.group ? ` --group ${opts.group}` : ''}${opts.round ? ` --round ${opts.round}` : ''}`
          : 'no group or league matches here (only knockout ties?)',
      );
    if (opts.qualification) return printQualification(io, groups, { ...options, places }, opts.json);
    if (opts.positions) return printPositions(io, groups, options, opts.json);
    const tables = groupTables(results, options);
    if (opts.json) {
      printJson(
        io,
        tables.map((t) => ({
          group: t.label,
          key: t.key,
          rules: { id: t.rules.id, description: t.rules.description, regulation: t.rules.regulation },
          rows: t.rows,
          notes: t.notes,
          counted: t.counted.length,
          remaining: t.remaining.length,
        })),
      );
      return 0;
    }
    tables.forEach((t, i) => {
      if (i > 0) io.out('');
      printTable(io, t);
    });
    return 0;
  } finally {
    // A lenient fold's warnings come after the output.
    printWarnings(io, warningsOf(matches));
  }
}

type Groups = ReturnType<typeof selectGroups>;

/** The options for one group: only the decisions about its matches (and every deduction). */
function forGroup<T extends TableOptions>(options: T, g: Groups[number]): T {
  if (!options.decisions) return options;
  return {
    ...options,
    decisions: options.decisions.filter(
      (d) => d.decision === 'pointsDeduction' || g.matches.some((m) => decidesMatch(m, d)),
    ),
  };
}

function printQualification(
  io: Output,
  groups: Groups,
  options: TableOptions & { places: number[] },
  json?: boolean,
): number {
  const answers = groups.map((g) => ({ group: g.label, ...qualification(g.matches, forGroup(options, g)) }));
  if (json) {
    printJson(
      io,
      answers.map(({ remaining, ...a }) => ({ ...a, remaining: remaining.map((m) => m.id) })),
    );
    return 0;
  }
  answers.forEach((a, i) => {
    if (i > 0) io.out('');
    io.out(pc.bold(a.group));
    const width = Math.max(...a.teams.map((t) => t.team.length));
    for (const t of a.teams) {
      const said = t.places.map((p) => {
        const status =
          p.status === 'clinched' ? pc.green('clinched') : p.status === 'lost' ? pc.red('lost') : p.needs;
        return `top ${p.top}: ${status}`;
      });
      io.out(
        `  ${String(t.rank).padStart(2)} ${t.team.padEnd(width)} ${String(t.points).padStart(3)} pts  ${said.join('; ')}`,
      );
    }
    io.out(pc.dim(`  ${a.note}`));
  });
  return 0;
}

function printPositions(io: Output, groups: Groups, options: TableOptions, json?: boolean): number {
  const charts = groups.map((g) => {
    const p = positionsByMatchday(g.matches, forGroup(options, g));
    return {
      group: g.label,
      matchdays: p.matchdays,
      series: Object.fromEntries([...p.series.values()].map((s) => [s.team, s.ranks])),
    };
  });
  if (json) {
    printJson(io, charts);
    return 0;
  }
  for (const c of charts) {
    io.out(pc.bold(c.group) + pc.dim(`  (rank after matchday ${c.matchdays.join(', ')})`));
    const width = Math.max(...Object.keys(c.series).map((t) => t.length));
    for (const [team, ranks] of Object.entries(c.series))
      io.out(`  ${team.padEnd(width)} ${ranks.map((r) => String(r ?? '-').padStart(3)).join('')}`);
  }
  return 0;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('table')
    .description('one table per group (or the league) from any set of matches, under the competition’s rules')
    .argument('[streams...]', 'stream files or folders (or stream ids with --store; all of them when none)')
    .option(
      '--rules [set]',
      'alone: list the rule sets; with an id: use that set (default: by competition and season)',
    )
    .option('--group <group>', 'only this group (A, "Group A")')
    .option('--round <name>', 'only matches of rounds whose name contains this ("Matchday 3")')
    .option(
      '--until <date|matchday>',
      'the table as of a day (2020-11-25), an instant, or after a matchday (4, md4)',
    )
    .option('--live', 'count matches in progress at their current score')
    .option('--qualification', 'per team: each place clinched, lost or open, and what it needs')
    .option('--places <list>', 'the places --qualification asks about (default 1,2)')
    .option('--positions', 'each team’s rank after every matchday (chart data)')
    .option('--cards <file>', 'bookings from another source: {"cards": [{team, player, match, card}]}')
    .option(
      '--decisions <files...>',
      'competition streams (competitionDecision events) outside the folders given',
    )
    .option('--teams <file>', 'join names through the team directory, extended with this file')
    .option('--json', 'print JSON')
    .option(...LENIENT_OPTION)
    .option(...STORE_OPTION)
    .action((refs: string[], opts: TableCliOptions) => cli.run(() => tableCommand(cli.io, refs, opts)));
}
