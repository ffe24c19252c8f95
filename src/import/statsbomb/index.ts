/**
 * StatsBomb open data: `statsbomb.load({ events, lineups, matches? })` reads the files' text and
 * returns the one stream. The conversion itself is `importStatsBomb` (parsed JSON in).
 */
import { MatchlineError } from '../../events/errors.js';
import type { Rules } from '../../events/index.js';
import {
  fileName,
  fileText,
  formatError,
  guarded,
  isRecord,
  loadResult,
  parseJson,
  type LoadResult,
  type ProviderFile,
} from '../kit/index.js';
import { importStatsBomb, type SbEvent, type SbLineupTeam, type SbMatch } from './convert.js';

export * from './convert.js';

export interface StatsBombFiles {
  readonly events: ProviderFile;
  readonly lineups: ProviderFile;
  /** A matches file (or one entry of it): home and away, date, competition, the final score. */
  readonly matches?: ProviderFile;
}
export interface StatsBombOptions {
  /** Which entry of the matches file (needed when it holds several). */
  readonly matchId?: number | string;
  readonly home?: string;
  readonly kickoff?: string;
  readonly keepActions?: boolean;
  readonly concussion?: readonly (number | string)[];
  readonly rules?: Partial<Rules>;
}

function checkEvents(value: unknown, file: string): SbEvent[] {
  if (!Array.isArray(value)) throw formatError(file, 'a StatsBomb events file is a JSON array of events');
  value.forEach((e, i) => {
    if (
      !isRecord(e) ||
      typeof e.index !== 'number' ||
      typeof e.period !== 'number' ||
      typeof e.timestamp !== 'string' ||
      !isRecord(e.type) ||
      typeof e.type.id !== 'number' ||
      typeof e.type.name !== 'string'
    )
      throw formatError(file, `event ${i} lacks index, period, timestamp or type`, { pointer: `/${i}` });
    if (!Number.isInteger(e.period) || e.period < 1 || e.period > 5)
      throw formatError(file, `event ${i} is in period ${String(e.period)}; StatsBomb periods are 1-5`, {
        pointer: `/${i}/period`,
      });
  });
  return value as SbEvent[];
}

function checkLineups(value: unknown, file: string): SbLineupTeam[] {
  if (!Array.isArray(value) || value.length !== 2)
    throw formatError(file, 'a StatsBomb lineups file is a JSON array of the two teams');
  value.forEach((t, i) => {
    if (
      !isRecord(t) ||
      typeof t.team_id !== 'number' ||
      typeof t.team_name !== 'string' ||
      !Array.isArray(t.lineup)
    )
      throw formatError(file, `team ${i} lacks team_id, team_name or lineup`, { pointer: `/${i}` });
    t.lineup.forEach((p: unknown, j: number) => {
      if (!isRecord(p) || typeof p.player_id !== 'number' || typeof p.player_name !== 'string')
        throw formatError(file, `player ${j} of team ${i} lacks player_id or player_name`, {
          pointer: `/${i}/lineup/${j}`,
        });
    });
  });
  return value as SbLineupTeam[];
}

function pickMatch(value: unknown, file: string, matchId: number | string | undefined): SbMatch {
  const list: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  const match =
    matchId === undefined
      ? list.length === 1
        ? list[0]
        : undefined
      : list.find((m) => isRecord(m) && String(m.match_id) === String(matchId));
  if (!match)
    throw new MatchlineError({
      code: 'USAGE',
      message: `${file} holds ${list.length} matches${matchId === undefined ? ': name one with matchId' : `, none with id ${String(matchId)}`}`,
      file,
    });
  if (
    !isRecord(match) ||
    typeof match.match_date !== 'string' ||
    !isRecord(match.home_team) ||
    !isRecord(match.away_team)
  )
    throw formatError(file, 'a matches entry lacks match_date, home_team or away_team');
  return match as unknown as SbMatch;
}

/** The one-call result, plus the StatsBomb event types left out (by type name) when actions are not kept. */
export interface StatsBombLoadResult extends LoadResult {
  readonly skipped: Readonly<Record<string, number>>;
}

export function load(files: StatsBombFiles, options: StatsBombOptions = {}): StatsBombLoadResult {
  const eventsFile = fileName(files.events, 'events.json');
  const lineupsFile = fileName(files.lineups, 'lineups.json');
  const events = checkEvents(parseJson(fileText(files.events), eventsFile), eventsFile);
  const lineups = checkLineups(parseJson(fileText(files.lineups), lineupsFile), lineupsFile);
  let match: SbMatch | undefined;
  if (files.matches) {
    const matchesFile = fileName(files.matches, 'matches.json');
    match = pickMatch(parseJson(fileText(files.matches), matchesFile), matchesFile, options.matchId);
  }
  const result = guarded(eventsFile, () =>
    importStatsBomb({
      events,
      lineups,
      ...(match ? { match } : {}),
      ...(options.home || options.kickoff
        ? {
            fixture: {
              ...(options.home ? { home: options.home } : {}),
              ...(options.kickoff ? { kickoff: options.kickoff } : {}),
            },
          }
        : {}),
      ...(options.rules ? { rules: options.rules } : {}),
      keepActions: options.keepActions === true,
      ...(options.concussion ? { concussion: options.concussion } : {}),
      file: eventsFile,
    }),
  );
  const id = match ? `statsbomb-${match.match_id}` : 'statsbomb';
  return {
    ...loadResult(
      [{ id, events: result.events, state: result.state, result: result.result }],
      result.warnings,
    ),
    skipped: result.skipped,
  };
}
