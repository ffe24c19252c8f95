/**
 * Opta: `opta.load({ events: f24, matchSheet: f7 })`. The F24 gives the events, the F7 the teams,
 * names, kick-off and the result; where the two disagree the F7 decides and a FEED_CONTRADICTION
 * warning says so.
 */
import { MatchlineError } from '../../events/errors.js';
import {
  addLineups,
  fileName,
  fileText,
  finishStream,
  guarded,
  loadResult,
  matchRules,
  parseXml,
  seasonLabel,
  StreamBuilder,
  type Checkpoint,
  type LoadResult,
  type ProviderFile,
  type SheetTeam,
} from '../kit/index.js';
import { mapOptaRecords } from './events.js';
import { isF24, readF24 } from './f24.js';
import { isF7, readF7, type F7Sheet } from './f7.js';

export { mapOptaRecords, optaTimestampMs, type OptaRecord, type OptaMapping } from './events.js';
export { readF24, isF24, type F24Game } from './f24.js';
export { readF7, isF7, f7Date, type F7Sheet, type F7Team } from './f7.js';

export interface OptaFiles {
  /** The F24 (or F73) event feed. */
  readonly events: ProviderFile;
  /** The F7 match sheet of the same match. */
  readonly matchSheet?: ProviderFile;
}
export interface OptaOptions {
  /** Keep every on-ball event as an `action` (default: only what changes match state). */
  readonly keepActions?: boolean;
  readonly competition?: string;
  readonly season?: string;
  readonly round?: string;
}

export function load(files: OptaFiles, options: OptaOptions = {}): LoadResult {
  const eventsFile = fileName(files.events, 'f24.xml');
  const eventsDoc = parseXml(fileText(files.events), eventsFile);
  if (!isF24(eventsDoc))
    throw new MatchlineError({
      code: 'PROVIDER_FORMAT',
      message: 'not an Opta F24 file (no Games/Game)',
      file: eventsFile,
      line: 1,
    });
  const game = readF24(eventsDoc, eventsFile);
  let sheet: F7Sheet | undefined;
  let sheetFile: string | undefined;
  if (files.matchSheet) {
    sheetFile = fileName(files.matchSheet, 'f7.xml');
    const doc = parseXml(fileText(files.matchSheet), sheetFile);
    if (!isF7(doc))
      throw new MatchlineError({
        code: 'PROVIDER_FORMAT',
        message: 'not an Opta F7 file (no SoccerFeed/SoccerDocument)',
        file: sheetFile,
        line: 1,
      });
    sheet = readF7(doc, sheetFile);
  }
  return guarded(eventsFile, () => convert(game, sheet, eventsFile, sheetFile, options));
}

function convert(
  game: ReturnType<typeof readF24>,
  sheet: F7Sheet | undefined,
  eventsFile: string,
  sheetFile: string | undefined,
  options: OptaOptions,
): LoadResult {
  const builder = new StreamBuilder({ provider: 'opta', prefix: 'opta', file: eventsFile, order: 'time' });
  const home: SheetTeam | undefined =
    sheet?.home ??
    (game.homeTeam
      ? { id: game.homeTeam.id, name: game.homeTeam.name ?? game.homeTeam.id, players: [] }
      : undefined);
  const away: SheetTeam | undefined =
    sheet?.away ??
    (game.awayTeam
      ? { id: game.awayTeam.id, name: game.awayTeam.name ?? game.awayTeam.id, players: [] }
      : undefined);
  if (!home || !away)
    throw new MatchlineError({
      code: 'USAGE',
      message: 'this F24 does not say which team is at home: give its F7 match sheet too',
      file: eventsFile,
    });
  if (sheet && game.homeTeam && game.homeTeam.id !== sheet.home.id)
    builder.warn(
      'FEED_CONTRADICTION',
      `the F24 names ${game.homeTeam.id} at home, the F7 ${sheet.home.id}: the F7 decides`,
    );
  const kickoff = sheet?.kickoff ?? game.date;
  if (!kickoff)
    throw new MatchlineError({
      code: 'USAGE',
      message: 'no kick-off date in the F24: give its F7 match sheet too',
      file: eventsFile,
    });
  const kickoffIso = /T/.test(kickoff) ? kickoff : `${kickoff.replace(' ', 'T')}Z`;
  const competition = options.competition ?? sheet?.competition ?? game.competition ?? 'Opta';
  if (!options.competition && !sheet?.competition && !game.competition)
    builder.warn(
      'IMPORT_NOTE',
      'the files name no competition: "Opta" is written (give competition to name it)',
    );

  const sides = new Map([
    [home.id, 'home' as const],
    [away.id, 'away' as const],
  ]);
  const periodsInFeed = new Set(game.records.map((r) => r.periodId).filter((p) => p >= 1 && p <= 5));
  const shootout = sheet?.resultType === 'PenaltyShootout';
  builder.setup({
    type: 'fixture',
    competition: competition.slice(0, 128),
    season: options.season ?? seasonLabel(sheet?.season ?? game.season, kickoffIso),
    round: (options.round ?? sheet?.round ?? game.round ?? 'Unknown').slice(0, 64),
    leg: 'single',
    home: { id: home.id, name: home.name },
    away: { id: away.id, name: away.name },
    ...(sheet?.venue ? { venue: sheet.venue.slice(0, 128) } : {}),
    kickoff: kickoffIso,
    rules: matchRules({ competition, kickoff: kickoffIso, periods: periodsInFeed, shootout }),
    ...(sheet?.matchId || game.id ? { source: { provider: 'opta', id: (sheet?.matchId ?? game.id)! } } : {}),
  });
  const players = addLineups(builder, home, away);
  const mapped = mapOptaRecords(game.records, {
    builder,
    sideOf: (team) => sides.get(team) ?? null,
    players,
    keepActions: options.keepActions === true,
  });
  if (mapped.deleted.length)
    builder.warn(
      'IMPORT_NOTE',
      `${mapped.deleted.length} deleted event(s) (type 43) left out: ${mapped.deleted.map((d) => `${d.id}${d.replacesType === null ? '' : ` (was type ${d.replacesType})`}`).join(', ')}`.slice(
        0,
        2000,
      ),
    );
  const checkpoint = sheet ? f7Checkpoint(sheet, builder, sheetFile) : undefined;
  const id = `opta-${(sheet?.matchId ?? game.id ?? `${home.id}-${away.id}-${kickoffIso.slice(0, 10)}`).replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const stream = finishStream(id, builder.build(), builder.warnings, checkpoint, eventsFile);
  return loadResult(
    [{ ...stream, deleted: mapped.deleted.map((d) => ({ provider: 'opta', id: d.id })) }],
    builder.warnings,
  );
}

/** The F7's scores as the checkpoint; a sheet that contradicts itself is reported here. */
function f7Checkpoint(
  sheet: F7Sheet,
  builder: StreamBuilder,
  file: string | undefined,
): Checkpoint | undefined {
  const { home, away } = sheet;
  if (home.score === undefined || away.score === undefined) return undefined;
  const warnAt = (message: string) => builder.warn('FEED_CONTRADICTION', `${file ?? 'the F7'}: ${message}`);
  if (sheet.resultType === 'PenaltyShootout' && home.score !== away.score)
    warnAt(
      `the result is "PenaltyShootout" (winner ${sheet.winner ?? 'not named'}) but the score is ${home.score}-${away.score}, not level: the score stands`,
    );
  if (sheet.winner && sheet.resultType !== 'PenaltyShootout') {
    const leader = home.score > away.score ? home.id : away.score > home.score ? away.id : undefined;
    if (leader && leader !== sheet.winner)
      warnAt(`the winner is ${sheet.winner} but the score ${home.score}-${away.score} says ${leader}`);
  }
  return {
    source: 'the Opta F7 TeamData Score',
    final: { home: home.score, away: away.score },
    ...(home.shootoutScore !== undefined && away.shootoutScore !== undefined
      ? { shootout: { home: home.shootoutScore, away: away.shootoutScore } }
      : {}),
  };
}

/** The files in any order, told apart by content: the F24 (Games/Game) and the F7 (SoccerFeed). */
export function loadFiles(files: readonly ProviderFile[], options: OptaOptions = {}): LoadResult {
  let events: ProviderFile | undefined;
  let matchSheet: ProviderFile | undefined;
  for (const f of files) {
    const name = fileName(f, 'opta.xml');
    const doc = parseXml(fileText(f), name);
    if (isF24(doc)) events = f;
    else if (isF7(doc)) matchSheet = f;
    else
      throw new MatchlineError({
        code: 'PROVIDER_FORMAT',
        message: 'neither an Opta F24 (Games/Game) nor an F7 (SoccerFeed)',
        file: name,
        line: 1,
      });
  }
  if (!events)
    throw new MatchlineError({ code: 'USAGE', message: 'no Opta F24 event file among the files given' });
  return load({ events, ...(matchSheet ? { matchSheet } : {}) }, options);
}
