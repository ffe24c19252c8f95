/** `matchline records [streams...]`: head-to-head, team records with filters, "since last", players, teams through. */
import type { Command } from 'commander';
import { MatchlineError, type Side } from '../../events/index.js';
import {
  findTeam,
  headToHead,
  identifyTeams,
  sumTallies,
  sinceLast,
  teamMatches,
  teamRecord,
  throughToRound,
  type MatchResult,
  type RecordFilter,
  type TeamRecord,
} from '../../competition/index.js';
import { printJson, printWarnings, type Cli, type Output } from '../context.js';
import { modeOf, warningsOf } from '../io.js';
import { loadCompetition, teamDirectory } from '../competition-input.js';
import { LENIENT_OPTION, STORE_OPTION } from '../options.js';

export interface RecordsCliOptions {
  team?: string;
  player?: string;
  h2h?: string[];
  through?: string;
  places?: string;
  sinceLast?: string;
  at?: string;
  venue?: string;
  competition?: string;
  season?: string;
  from?: string;
  until?: string;
  opponent?: string;
  teams?: string;
  json?: boolean;
  store?: string;
  lenient?: boolean;
}

const usage = (message: string) => new MatchlineError({ code: 'USAGE', message });
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function filterOf(opts: RecordsCliOptions): RecordFilter {
  if (opts.venue !== undefined && opts.venue !== 'home' && opts.venue !== 'away')
    throw usage(`--venue takes home or away, not ${opts.venue}`);
  for (const [flag, v] of [
    ['--from', opts.from],
    ['--until', opts.until],
  ] as const)
    if (v !== undefined && !(DAY.test(v) && !Number.isNaN(Date.parse(v))))
      throw usage(`${flag} takes a day such as 2020-11-25, not ${v}`);
  return {
    ...(opts.venue ? { venue: opts.venue } : {}),
    ...(opts.competition ? { competition: opts.competition } : {}),
    ...(opts.season ? { season: opts.season } : {}),
    ...(opts.from ? { from: opts.from } : {}),
    ...(opts.until ? { until: opts.until } : {}),
    ...(opts.opponent ? { opponent: opts.opponent } : {}),
  };
}

type Predicate = (m: MatchResult, side: Side) => boolean;

/**
 * What `--since-last` asks about: win, draw, defeat, unbeaten, clean-sheet, win-by-N, defeat-by-N,
 * each optionally at home or away (home-defeat-by-2: a defeat by two or more at home, counted
 * among all the team's matches; --venue instead leaves the other matches out of the count).
 */
export function sinceLastPredicate(what: string): Predicate {
  const parsed = /^(?:(home|away)-)?(win|draw|defeat|unbeaten|clean-sheet)(?:-by-(\d+))?$/.exec(what);
  if (!parsed || (parsed[3] !== undefined && parsed[2] !== 'win' && parsed[2] !== 'defeat'))
    throw usage(
      `--since-last takes win, draw, defeat, unbeaten, clean-sheet, win-by-<n> or defeat-by-<n>, each optionally home- or away-, not ${what}`,
    );
  const [, venue, kind, by] = parsed;
  const n = by === undefined ? 1 : Number(by);
  const margin = (m: MatchResult, side: Side) => m.score[side] - m.score[side === 'home' ? 'away' : 'home'];
  const test: Record<string, Predicate> = {
    win: (m, s) => margin(m, s) >= n,
    draw: (m, s) => margin(m, s) === 0,
    defeat: (m, s) => -margin(m, s) >= n,
    unbeaten: (m, s) => margin(m, s) >= 0,
    'clean-sheet': (m, s) => m.score[s === 'home' ? 'away' : 'home'] === 0,
  };
  const ok = test[kind!]!;
  return venue ? (m, s) => s === venue && ok(m, s) : ok;
}

const label = (m: MatchResult) =>
  `${m.kickoff.slice(0, 10)} ${m.home.name} ${m.score.home}-${m.score.away} ${m.away.name} (${m.fixture.competition} ${m.fixture.season}, ${m.fixture.round})`;

function sinceLastAnswer(results: MatchResult[], opts: RecordsCliOptions, filter: RecordFilter) {
  const what = opts.sinceLast!;
  const predicate = sinceLastPredicate(what);
  const team = findTeam(results, opts.team!);
  const own = teamMatches(results, team.id, filter);
  if (own.length === 0) throw usage(`${team.name} has no matches that pass the filters`);
  const reference = opts.at
    ? (own.find((m) => m.id === opts.at) ??
      [...own].reverse().find((m) => m.kickoff.slice(0, 10) === opts.at))
    : own.at(-1);
  if (!reference)
    throw usage(`--at ${opts.at}: no match of ${team.name} with that id or on that day passes the filters`);
  const answer = sinceLast(results, team.id, predicate, reference.id, filter);
  const byId = new Map(results.map((m) => [m.id, m]));
  const ref = byId.get(reference.id)!;
  const is = predicate(ref, ref.home.id === team.id ? 'home' : 'away');
  const sentence = answer.last
    ? is
      ? `${team.name}: ${label(ref)} is the first ${what} in ${answer.gamesBetween + 1} matches; the one before: ${label(answer.last)}`
      : `${team.name}: the last ${what} before ${label(ref)} was ${label(answer.last)}, ${answer.gamesBetween} matches between`
    : `${team.name}: no ${what} in the ${answer.gamesBefore} matches before ${label(ref)} in these streams`;
  return {
    team: team.name,
    teamId: team.id,
    what,
    filter,
    reference: { id: ref.id, match: label(ref), is },
    last: answer.last ? { id: answer.last.id, match: label(answer.last) } : null,
    gamesBetween: answer.gamesBetween,
    gamesBefore: answer.gamesBefore,
    sentence,
  };
}

function printRecord(io: Output, r: TeamRecord): void {
  const filters = Object.entries(r.filter).map(([k, v]) => `${k} ${String(v)}`);
  io.out(`${r.team}${filters.length ? ` (${filters.join(', ')})` : ''}`);
  io.out(
    `  played ${r.played}: won ${r.won}, drawn ${r.drawn}, lost ${r.lost}; goals ${r.goalsFor}-${r.goalsAgainst}; clean sheets ${r.cleanSheets}`,
  );
  io.out(`  form (oldest first): ${r.form.join('') || '-'}`);
  for (const kind of ['wins', 'unbeaten', 'defeats', 'withoutWin'] as const) {
    const c = r.current[kind];
    const l = r.longest[kind];
    io.out(
      `  ${kind.padEnd(10)} current ${c.length}${c.length ? ` (${c.goalsFor}-${c.goalsAgainst})` : ''}, longest ${l.length}${l.length ? ` (${l.goalsFor}-${l.goalsAgainst}, ${l.from!.slice(0, 10)} to ${l.to!.slice(0, 10)})` : ''}`,
    );
  }
  for (const m of r.matches.slice(-5))
    io.out(
      `  ${m.kickoff.slice(0, 10)} ${m.venue.padEnd(4)} ${m.outcome} ${m.goalsFor}-${m.goalsAgainst} ${m.opponent} (${m.round})`,
    );
}

export async function recordsCommand(io: Output, paths: string[], opts: RecordsCliOptions): Promise<number> {
  const filter = filterOf(opts);
  if (opts.sinceLast && !opts.team) throw usage('--since-last goes with --team <name>');
  if (opts.at && !opts.sinceLast) throw usage('--at goes with --since-last');
  const places = opts.places === undefined ? 2 : Number(opts.places);
  if (!Number.isInteger(places) || places < 1)
    throw usage(`--places takes a number of places, not ${opts.places}`);
  const { matches } = await loadCompetition(paths, opts.store, modeOf(opts));
  try {
    // One identity per club: names join through the directory (names it lacks keep their own id).
    const results = identifyTeams(
      matches.map((m) => m.result),
      teamDirectory(opts.teams),
      { unknown: 'keep' },
    );
    let value: unknown;
    if (opts.h2h) {
      if (opts.h2h.length !== 2) throw usage('--h2h takes two team names');
      value = headToHead(results, opts.h2h[0]!, opts.h2h[1]!, filter);
    } else if (opts.team && opts.sinceLast) {
      const answer = sinceLastAnswer(results, opts, filter);
      if (!opts.json) {
        io.out(answer.sentence);
        return 0;
      }
      value = answer;
    } else if (opts.team) {
      const record = teamRecord(results, opts.team, filter);
      if (!opts.json) {
        printRecord(io, record);
        return 0;
      }
      value = record;
    } else if (opts.through) {
      const needle = opts.competition?.toLowerCase();
      const scope = results.filter(
        (m) =>
          (!filter.season || m.fixture.season === filter.season) &&
          (!needle || m.fixture.competition.toLowerCase().includes(needle)),
      );
      const entries = throughToRound(scope, opts.through, places);
      if (entries.length === 0) throw usage(`no round named like "${opts.through}" in these streams`);
      if (!opts.json) {
        for (const e of entries)
          io.out(
            `${String(e.order).padStart(2)}. ${e.settled} ${e.team.name} (${e.how === 'tie' ? 'won the tie in' : 'from'} ${e.via})`,
          );
        return 0;
      }
      value = entries;
    } else if (opts.player) {
      const needle = opts.player.toLowerCase();
      const tallies = [...sumTallies(matches.map((r) => r.players()))].filter(
        (t) => t.player.toLowerCase().includes(needle) || t.playerId === needle,
      );
      if (tallies.length === 0) throw usage(`no player matching "${opts.player}" in these streams`);
      value = tallies;
    } else {
      throw usage('records needs --team <name>, --h2h <a> <b>, --through <round> or --player <name>');
    }
    if (opts.json) printJson(io, value);
    else io.out(JSON.stringify(value, null, 2));
    return 0;
  } finally {
    printWarnings(io, warningsOf(matches));
  }
}

export function register(program: Command, cli: Cli): void {
  program
    .command('records')
    .description(
      'head-to-head, team records with filters, "since last" queries, player tallies, teams through to a round',
    )
    .argument('[streams...]', 'stream files or folders (or stream ids with --store; all of them when none)')
    .option('--team <name>', 'results, goals, form and runs of a team (any name it played under, or its id)')
    .option('--h2h <teams...>', 'head-to-head record of two teams')
    .option(
      '--since-last <what>',
      'with --team: the last win, draw, defeat, unbeaten, clean-sheet, win-by-<n>, defeat-by-<n> before a match',
    )
    .option(
      '--at <match>',
      'with --since-last: the match (stream id, or a day) to look back from (default: the latest)',
    )
    .option('--through <round>', 'the teams of a round (e.g. quarter) in the order they qualified')
    .option('--places <n>', 'with --through: how many of a group go through (default 2)')
    .option('--player <name>', 'tallies of a player')
    .option('--venue <home|away>', 'only home or away matches (by designation)')
    .option('--competition <name>', 'only competitions whose name contains this')
    .option('--season <season>', 'only this season (2020-21)')
    .option('--from <date>', 'only matches on or after this day')
    .option('--until <date>', 'only matches on or before this day')
    .option('--opponent <name>', 'only matches against this team')
    .option('--teams <file>', 'extend the team directory with this file')
    .option('--json', 'print JSON')
    .option(...LENIENT_OPTION)
    .option(...STORE_OPTION)
    .action((refs: string[], opts: RecordsCliOptions) => cli.run(() => recordsCommand(cli.io, refs, opts)));
}
