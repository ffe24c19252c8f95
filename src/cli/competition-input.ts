/**
 * What the competition commands read: match streams (folded into results) and competition streams
 * (`competitionDecision` events), told apart by their events; plus a team directory file.
 */
import {
  checkDecision,
  checkDecisionsAgainst,
  playerTallies,
  toMatchResult,
  type PlayerTally,
} from '../competition/index.js';
import { MatchlineError, type CompetitionDecisionEvent } from '../events/index.js';
import { defaultTeams, parseTeamDirectory, type TeamDirectory } from '../identity/index.js';
import type { FoldOptions } from '../match/fold.js';
import { isPostgresUrl } from './context.js';
import { foldNamed, loadResults, readText, resolveStreams, type LoadedMatch } from './io.js';

export interface CompetitionInput {
  readonly matches: LoadedMatch[];
  readonly decisions: CompetitionDecisionEvent[];
}

const isDecisionStream = (events: readonly { type: string }[]) =>
  events.length > 0 && events.every((e) => e.type === 'competitionDecision');

/**
 * Reads match streams and competition streams (a `competition.ndjson` in a folder, or `decisionFiles`,
 * always files). Decisions are checked against the matches here, so a problem names its file.
 * A PostgreSQL store is read through its competition projection (decisions then come from files).
 */
export async function loadCompetition(
  refs: string[],
  storeRef: string | undefined,
  options: FoldOptions,
  decisionFiles: string[] = [],
): Promise<CompetitionInput> {
  const postgres = storeRef !== undefined && isPostgresUrl(storeRef);
  const streams = [
    ...(postgres ? [] : await resolveStreams(refs, storeRef, true)),
    ...(decisionFiles.length ? await resolveStreams(decisionFiles) : []),
  ];
  const matches: LoadedMatch[] = postgres ? await loadResults(refs, storeRef, options) : [];
  const decisions: CompetitionDecisionEvent[] = [];
  const fileOf = new Map<string, string>();
  for (const stream of streams) {
    if (isDecisionStream(stream.events)) {
      (stream.events as unknown as CompetitionDecisionEvent[]).forEach((d, i) => {
        const problem = checkDecision(d, i);
        if (problem) throw new MatchlineError({ ...problem, file: stream.name });
        decisions.push(d);
        fileOf.set(d.id, stream.name);
      });
      continue;
    }
    const state = foldNamed(stream, options);
    if (!state.fixture) {
      throw new MatchlineError({
        code: 'MISSING_FIXTURE',
        message: `${stream.name} has no fixture: not a match of a competition`,
        file: stream.name,
      });
    }
    let players: PlayerTally[] | undefined;
    matches.push({
      name: stream.name,
      result: toMatchResult(state, stream.name),
      warnings: state.warnings,
      players: () => (players ??= [...playerTallies([state]).values()]),
    });
  }
  try {
    checkDecisionsAgainst(
      matches.map((m) => m.result),
      decisions,
    );
  } catch (error) {
    if (error instanceof MatchlineError && error.eventId && fileOf.has(error.eventId))
      throw new MatchlineError({ ...error.toJSON(), file: fileOf.get(error.eventId)! });
    throw error;
  }
  return { matches, decisions };
}

/** The shipped directory, extended with a user's file when given. */
export function teamDirectory(file?: string): TeamDirectory {
  return file ? defaultTeams().extend(parseTeamDirectory(readText(file), file)) : defaultTeams();
}
