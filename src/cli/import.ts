/**
 * `matchline import statsbomb|openfootball`: provider files to matchline streams. Imports run the
 * engine in lenient mode and print its warnings with their codes; a progress bar shows on a terminal.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { formatProblem, MatchlineError, toNdjson, type MatchEvent } from '../events/index.js';
import { importStatsBomb, type SbEvent, type SbLineupTeam, type SbMatch } from '../import/statsbomb.js';
import { parseFootballJson, parseFootballTxt, toStreams } from '../import/openfootball.js';
import { fold } from '../match/fold.js';
import type { MatchState } from '../match/state.js';
import type { Output } from './commands.js';
import { readText } from './io.js';
import { progressBar } from './ui.js';

function readJson<T>(file: string): T {
  const text = readText(file);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new MatchlineError({
      code: 'PARSE_ERROR',
      message: `not valid JSON: ${(error as Error).message}`,
      file,
    });
  }
}

export function importCommand(
  program: Command,
  io: Output,
  run: (action: () => number | Promise<number>) => Promise<void>,
): void {
  const command = program
    .command('import')
    .description('turn provider data into matchline streams (StatsBomb open data, openfootball)');

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
    .option('--keep-actions', 'keep passes, carries and every other on-ball event as action events')
    .option('-o, --out <file>', 'write the stream here (NDJSON) instead of standard output')
    .action(
      (opts: {
        events: string;
        lineups: string;
        match?: string;
        matchId?: string;
        home?: string;
        out?: string;
        keepActions?: boolean;
      }) =>
        run(() => {
          let match: SbMatch | undefined;
          if (opts.match) {
            const entries = readJson<SbMatch[] | SbMatch>(opts.match);
            const list = Array.isArray(entries) ? entries : [entries];
            match = opts.matchId
              ? list.find((m) => String(m.match_id) === opts.matchId)
              : list.length === 1
                ? list[0]
                : undefined;
            if (!match)
              throw new MatchlineError({
                code: 'USAGE',
                message: `${opts.match} holds ${list.length} matches: name one with --match-id`,
              });
          }
          const result = importStatsBomb({
            events: readJson<SbEvent[]>(opts.events),
            lineups: readJson<SbLineupTeam[]>(opts.lineups),
            ...(match ? { match } : {}),
            ...(opts.home ? { fixture: { home: opts.home } } : {}),
            keepActions: opts.keepActions === true,
          });
          emit(io, result.events, opts.out);
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
    .requiredOption('-o, --out <dir>', 'the folder to write one stream per match into (a store folder)')
    .option('--competition <name>', 'competition name (default: the file’s title)')
    .option('--season <season>', 'season such as 2020-21 or 2022 (default: from the file)')
    .option(
      '--away-goals <rule>',
      'none, afterNormalTime or afterNormalTimeAndExtraTime (default: by season)',
    )
    .action(
      (file: string, opts: { out: string; competition?: string; season?: string; awayGoals?: string }) =>
        run(() => {
          const text = readText(file);
          const parsed = file.endsWith('.json') ? parseFootballJson(text) : parseFootballTxt(text);
          for (const p of parsed.problems) io.err(formatProblem({ ...p, file }));
          const title = parsed.title ?? basename(file);
          const season = opts.season ?? seasonOf(title, parsed.matches[0]?.date ?? null);
          const awayGoals = (opts.awayGoals ??
            (/champions|europa/i.test(title) && Number(season.slice(0, 4)) <= 2020
              ? 'afterNormalTimeAndExtraTime'
              : 'none')) as 'none';
          const streams = toStreams(parsed, { competition: opts.competition ?? title, season, awayGoals });
          mkdirSync(opts.out, { recursive: true });
          const bar = progressBar(streams.length, 'importing');
          let warnings = 0;
          streams.forEach((s, i) => {
            const state = fold(s.events, undefined, { mode: 'lenient' });
            for (const n of [...s.notes, ...state.warnings]) {
              warnings++;
              bar.log(formatProblem({ ...n, file: `${s.id}.ndjson` }));
            }
            writeFileSync(join(opts.out, `${s.id}.ndjson`), toNdjson(s.events));
            bar.tick(i + 1);
          });
          bar.done();
          io.err(
            `wrote ${streams.length} streams to ${opts.out} (${parsed.problems.length} unparsable lines, ${warnings} warnings)`,
          );
          return parsed.problems.length > 0 ? 1 : 0;
        }),
    );
}

function seasonOf(title: string, date: string | null): string {
  const two = /(\d{4})\/(\d{2})/.exec(title);
  if (two) return `${two[1]}-${two[2]}`;
  const one = /\b(\d{4})\b/.exec(title);
  return one ? one[1]! : (date?.slice(0, 4) ?? '1970');
}

function scoreLine(state: MatchState): string {
  const so = state.shootout ? `, ${state.shootout.score.home}-${state.shootout.score.away} pens` : '';
  return `${state.teams.home.name} ${state.score.home}-${state.score.away} ${state.teams.away.name}${so}`;
}

function emit(io: Output, events: readonly MatchEvent[], out: string | undefined): void {
  if (out) writeFileSync(out, toNdjson(events));
  else io.out(toNdjson(events).trimEnd());
}
