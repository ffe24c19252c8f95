/**
 * `matchline import statsbomb|openfootball`: provider files to matchline streams. Imports run the
 * engine in lenient mode and print its warnings with their codes; a progress bar shows on a terminal.
 */
import type { Command } from 'commander';
import { formatProblem, toNdjson, type MatchEvent } from '../../events/index.js';
import type { LoadResult } from '../../import/kit/index.js';
import type { MatchState } from '../../match/state.js';
import type { Cli, Output } from '../context.js';
import { readText } from '../io.js';
import { progressBar } from '../ui.js';
import { isStoreTarget, writeOutputFile, writeStreams, type WrittenStream } from '../write-streams.js';

export function register(program: Command, cli: Cli): void {
  const { io } = cli;
  const command = program
    .command('import')
    .description(
      'turn provider data into matchline streams (StatsBomb, openfootball, Opta, Stats Perform, ...)',
    );

  for (const provider of PROVIDERS) registerProvider(command, cli, provider);

  command
    .command('statsbomb')
    .description(
      'a StatsBomb events file and its lineups (and optionally its matches-file entry) to one stream',
    )
    .requiredOption('--events <file>', 'the events file (a whole match or an excerpt)')
    .requiredOption('--lineups <file>', 'the lineups file')
    .option(
      '--match <file>',
      'a matches file (the entry whose match_id fits is used) for home/away, date and competition',
    )
    .option('--match-id <id>', 'which entry of the matches file')
    .option('--home <team>', 'the home team name when there is no matches file (StatsBomb files do not say)')
    .option('--kickoff <time>', 'the kick-off (ISO 8601 with offset) when there is no matches file')
    .option('--keep-actions', 'keep passes, carries and every other on-ball event as action events')
    .option('-o, --out <file>', 'write the stream here (NDJSON) instead of standard output')
    .option('--force', 'replace the output file if it exists')
    .action(
      (opts: {
        events: string;
        lineups: string;
        match?: string;
        matchId?: string;
        home?: string;
        kickoff?: string;
        out?: string;
        force?: boolean;
        keepActions?: boolean;
      }) =>
        cli.run(async () => {
          // Importers load only for this command.
          const statsbomb = await import('../../import/statsbomb/index.js');
          const named = (path: string) => ({ name: path, text: readText(path) });
          const loaded = statsbomb.load(
            {
              events: named(opts.events),
              lineups: named(opts.lineups),
              ...(opts.match ? { matches: named(opts.match) } : {}),
            },
            {
              ...(opts.matchId ? { matchId: opts.matchId } : {}),
              ...(opts.home ? { home: opts.home } : {}),
              ...(opts.kickoff ? { kickoff: opts.kickoff } : {}),
              keepActions: opts.keepActions === true,
            },
          );
          const result = { ...loaded.streams[0]!, skipped: loaded.skipped, warnings: loaded.warnings };
          emit(io, result.events, opts.out, opts.force === true);
          const skipped = Object.entries(result.skipped).sort((a, b) => b[1] - a[1]);
          io.err(`imported ${result.events.length} events: ${scoreLine(result.state)}`);
          io.err(
            `skipped ${skipped.reduce((s, [, n]) => s + n, 0)} StatsBomb events by type: ${skipped.map(([t, n]) => `${t} ${n}`).join(', ')}`,
          );
          for (const w of result.warnings) io.err(formatProblem(w));
          return 0;
        }),
    );

  command
    .command('openfootball')
    .description(
      'a Football.TXT (cl.txt, cup.txt, euro.txt, ...) or JSON (worldcup.json, euro.json, uefa.cl.json) file to a folder of streams',
    )
    .argument('<file>', 'the openfootball file')
    .requiredOption(
      '-o, --out <dir>',
      'the folder to write one stream per match into, or a store (a folder with .matchline/, postgres://...) to append to',
    )
    .option('--force', 'replace output files that already exist (a store never needs it)')
    .option('--competition <name>', 'competition name (default: the file’s title)')
    .option('--season <season>', 'season such as 2020-21 or 2022 (default: from the file)')
    .option(
      '--away-goals <rule>',
      'none, afterNormalTime or afterNormalTimeAndExtraTime (default: by season)',
    )
    .option('--time-zone <zone>', 'IANA zone of the file’s local kick-off times (default: by competition)')
    .action(
      (
        file: string,
        opts: {
          out: string;
          force?: boolean;
          competition?: string;
          season?: string;
          awayGoals?: string;
          timeZone?: string;
        },
      ) =>
        cli.run(async () => {
          const { load: loadOpenfootball } = await import('../../import/openfootball/index.js');
          // Every option and every line is checked before the first file is written.
          const loaded = loadOpenfootball(readText(file), {
            file,
            mode: 'lenient',
            ...(opts.competition ? { competition: opts.competition } : {}),
            ...(opts.season ? { season: opts.season } : {}),
            ...(opts.awayGoals !== undefined ? { awayGoals: opts.awayGoals } : {}),
            ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
          });
          for (const p of loaded.problems) io.err(formatProblem(p));
          const bar = progressBar(loaded.streams.length, 'importing');
          const written = await writeStreams(opts.out, loaded.streams, { force: opts.force === true });
          bar.tick(written.length);
          for (const w of loaded.warnings) bar.log(formatProblem(w));
          for (const c of loaded.cancelled)
            bar.log(`${c.match.home} v ${c.match.away} (${c.match.date}): ${c.reason}, no stream written`);
          bar.done();
          const unreadable = loaded.problems.filter((p) => p.code === 'PARSE_ERROR').length;
          io.err(
            `wrote ${loaded.streams.length} streams to ${opts.out}${storeNote(written)} (${unreadable} unreadable lines, ${loaded.warnings.length} warnings, ${loaded.cancelled.length} cancelled)`,
          );
          return unreadable > 0 ? 1 : 0;
        }),
    );
}

interface ProviderCommand {
  readonly name: string;
  readonly description: string;
  readonly files: string;
  readonly load: (
    files: { name: string; text: string }[],
    options: { keepActions: boolean; competition?: string; season?: string; home?: string; kickoff?: string },
  ) => Promise<LoadResult>;
  /** Options only this provider reads (beyond --keep-actions, --competition, --season). */
  readonly options?: readonly { readonly flags: string; readonly description: string }[];
}

/** Event providers: each reads its files in any order and tells them apart by content. */
const PROVIDERS: readonly ProviderCommand[] = [
  {
    name: 'opta',
    description: 'an Opta F24 event feed and its F7 match sheet to a folder with the match stream',
    files: 'the F24 (events) and F7 (match sheet) files, in any order',
    load: async (files, options) => (await import('../../import/opta/index.js')).loadFiles(files, options),
  },
  {
    name: 'statsperform',
    description:
      'a Stats Perform MA1 match sheet and its MA3 event feed (JSON or XML) to a folder with the match stream',
    files: 'the MA1 (and the MA3, optional), in any order',
    load: async (files, options) =>
      (await import('../../import/statsperform/index.js')).loadFiles(files, options),
  },
  {
    name: 'datafactory',
    description:
      'a DataFactory match file (incidences, with deletedIncidences) to a folder with the match stream',
    files: 'the one JSON file of the match',
    load: async (files, options) =>
      (await import('../../import/datafactory/index.js')).loadFiles(files, options),
  },
  {
    name: 'wyscout',
    description:
      'Wyscout v2 events with their match sheet (matches_*.json), players and teams files, or Wyscout v3 files, to a folder with one stream per match',
    files:
      'v2: the events file and its match file (players.json, teams.json optional); v3: one or more files; in any order',
    load: async (files, options) => (await import('../../import/wyscout/index.js')).loadFiles(files, options),
    options: [
      { flags: '--home <team>', description: 'v2 without a match file: the home team (Wyscout id or name)' },
      {
        flags: '--kickoff <time>',
        description: 'v2 without a match file: the kick-off (ISO 8601 with offset)',
      },
    ],
  },
  {
    name: 'sportec',
    description:
      'Sportec Solutions / DFL match information and event feed (XML) to a folder with the match stream',
    files: 'the match information and the event feed XML files, in any order',
    load: async (files, options) => (await import('../../import/sportec/index.js')).loadFiles(files, options),
  },
  {
    name: 'metrica',
    description:
      'a Metrica Sports events JSON file (no match sheet: line-ups inferred, the score from the goals) to a folder with the match stream',
    files: 'the one events JSON file of the match',
    load: async (files, options) => (await import('../../import/metrica/index.js')).loadFiles(files, options),
    options: [
      { flags: '--kickoff <time>', description: 'the kick-off (ISO 8601 with offset): the file has no date' },
      {
        flags: '--home <team>',
        description: 'the home team, by Metrica id or name (default: the first team)',
      },
    ],
  },
];

function registerProvider(command: Command, cli: Cli, provider: ProviderCommand): void {
  const sub = command.command(provider.name);
  for (const o of provider.options ?? []) sub.option(o.flags, o.description);
  sub
    .description(provider.description)
    .argument('<files...>', provider.files)
    .requiredOption(
      '-o, --out <dir>',
      'the folder to write the stream into (one NDJSON file per match), or a store to append to',
    )
    .option('--force', 'replace output files that already exist (a store never needs it)')
    .option('--keep-actions', 'keep every on-ball event as an action event')
    .option('--competition <name>', 'the competition, when the files do not name it')
    .option('--season <season>', 'the season (2018-19 or 2019), when the files do not say')
    .action(
      (
        files: string[],
        opts: {
          out: string;
          force?: boolean;
          keepActions?: boolean;
          competition?: string;
          season?: string;
          home?: string;
          kickoff?: string;
        },
      ) =>
        cli.run(async () => {
          const loaded = await provider.load(
            files.map((name) => ({ name, text: readText(name) })),
            {
              keepActions: opts.keepActions === true,
              ...(opts.competition ? { competition: opts.competition } : {}),
              ...(opts.season ? { season: opts.season } : {}),
              ...(opts.home ? { home: opts.home } : {}),
              ...(opts.kickoff ? { kickoff: opts.kickoff } : {}),
            },
          );
          const written = await writeStreams(opts.out, loaded.streams, { force: opts.force === true });
          for (const [i, s] of loaded.streams.entries()) {
            const path = written[i]!.target;
            const decided = s.result.agrees
              ? ''
              : ` (the events give ${s.state.score.home}-${s.state.score.away}; ${s.result.decidedBy} decides ${s.result.score.home}-${s.result.score.away})`;
            const added = isStoreTarget(opts.out)
              ? `${written[i]!.written} new of ${s.events.length}`
              : `${s.events.length}`;
            cli.io.err(`wrote ${path}: ${added} events, ${scoreLine(s.state)}${decided}`);
          }
          for (const w of loaded.warnings) cli.io.err(formatProblem(w));
          const contradictions = loaded.warnings.filter((w) => w.code === 'FEED_CONTRADICTION').length;
          cli.io.err(
            `${loaded.streams.length} stream(s), ${loaded.warnings.length} warnings (${contradictions} where the feed contradicts itself)`,
          );
          return 0;
        }),
    );
}

/** For a store: how many events were new (a re-import adds only what changed). */
function storeNote(written: readonly WrittenStream[]): string {
  const ignored = written.reduce((n, w) => n + w.ignored, 0);
  if (ignored === 0) return '';
  return ` (${written.reduce((n, w) => n + w.written, 0)} new events, ${ignored} already stored)`;
}

function scoreLine(state: MatchState): string {
  const so = state.shootout ? `, ${state.shootout.score.home}-${state.shootout.score.away} pens` : '';
  return `${state.teams.home.name} ${state.score.home}-${state.score.away} ${state.teams.away.name}${so}`;
}

function emit(io: Output, events: readonly MatchEvent[], out: string | undefined, force: boolean): void {
  if (out) writeOutputFile(out, toNdjson(events), { force });
  else io.out(toNdjson(events).trimEnd());
}
