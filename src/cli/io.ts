/** Reading streams from disk for the CLI: files, or directories of .ndjson/.json files. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MatchlineError, readStreamText, type MatchEvent } from '../events/index.js';
import { fold, type FoldOptions } from '../match/fold.js';
import type { MatchState } from '../match/state.js';
import { playerTallies, toMatchResult, type MatchResult, type PlayerTally } from '../competition/index.js';
import { isPostgresUrl, openStore } from './context.js';

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new MatchlineError({ code: 'FILE_NOT_FOUND', message: `cannot read ${file}: ${reason}`, file });
  }
}

/** Parses and schema-validates a stream file; throws with every problem (file, line, index, id). */
export function readStreamFile(file: string): MatchEvent[] {
  const { events, problems } = readStreamText(readText(file), file);
  if (problems.length > 0) throw new MatchlineError(problems[0]!, problems);
  return [...events];
}

/** Expands files and directories (recursively) into stream files, sorted. */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    let info;
    try {
      info = statSync(path);
    } catch {
      throw new MatchlineError({
        code: 'FILE_NOT_FOUND',
        message: `no such file or directory: ${path}`,
        file: path,
      });
    }
    if (info.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        const child = join(path, entry);
        if (statSync(child).isDirectory() || /\.(nd)?json$/.test(entry)) walk(child);
      }
    } else out.push(path);
  };
  for (const p of paths) walk(p);
  return out;
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** A stream to work on: events and the name messages use (a file path or a stream id). */
export interface NamedStream {
  readonly name: string;
  readonly events: MatchEvent[];
}

/**
 * Resolves command arguments to streams: files and folders, or, with `--store <dir|url>`, stream ids
 * in a store folder or a PostgreSQL store (every stream of the store when no id is given and
 * `allWhenEmpty` is set).
 */
export async function resolveStreams(
  refs: readonly string[],
  storeRef?: string,
  allWhenEmpty = false,
): Promise<NamedStream[]> {
  if (storeRef === undefined)
    return expandPaths(refs).map((file) => ({ name: displayPath(file), events: readStreamFile(file) }));
  const store = await openStore(storeRef);
  try {
    const ids = refs.length === 0 && allWhenEmpty ? await store.list() : refs;
    const out: NamedStream[] = [];
    for (const id of ids) out.push({ name: id, events: await store.read(id) });
    return out;
  } finally {
    await store.close();
  }
}

/** Folds a named stream, naming it in rule errors. */
export function foldNamed(stream: NamedStream, options: FoldOptions = {}): MatchState {
  try {
    return fold(stream.events, undefined, options);
  } catch (error) {
    if (error instanceof MatchlineError && error.file === undefined)
      throw new MatchlineError({ ...error.toJSON(), file: stream.name });
    throw error;
  }
}

/** A match as the commands that work across matches see it. */
export interface LoadedMatch {
  readonly name: string;
  readonly result: MatchResult;
  /** The match's player tallies (computed on first use). */
  players(): readonly PlayerTally[];
}

/**
 * The matches of the arguments: folded leniently from files and store folders; from a PostgreSQL
 * store, read from its competition projection (caught up first) instead of folding every stream.
 */
export async function loadResults(refs: string[], storeRef?: string): Promise<LoadedMatch[]> {
  if (storeRef !== undefined && isPostgresUrl(storeRef)) return projectedMatches(storeRef, refs);
  return (await resolveStreams(refs, storeRef, true)).map((stream) => {
    const state = foldNamed(stream, { mode: 'lenient' });
    let players: PlayerTally[] | undefined;
    return {
      name: stream.name,
      result: toMatchResult(state, stream.name),
      players: () => (players ??= [...playerTallies([state]).values()]),
    };
  });
}

async function projectedMatches(url: string, refs: readonly string[]): Promise<LoadedMatch[]> {
  const { PostgresEventStore, PostgresProjectionSink } = await import('../store/postgres/index.js');
  const { CompetitionProjection } = await import('../store/projection.js');
  const store = await PostgresEventStore.open(url);
  try {
    const projection = new CompetitionProjection(store, new PostgresProjectionSink(store));
    await projection.load();
    await projection.catchUp();
    const summaries = projection.matches();
    const byId = new Map(summaries.map((s) => [s.streamId, s]));
    const chosen = refs.length === 0 ? summaries : refs.map((id) => byId.get(id) ?? missing(id));
    return chosen.map((s) => ({ name: s.streamId, result: s.result, players: () => s.players }));
  } finally {
    await store.close();
  }
}

function missing(streamId: string): never {
  throw new MatchlineError({
    code: 'STREAM_NOT_FOUND',
    message: `${streamId} is not a match in this store (no such stream, or a stream without a fixture)`,
    file: streamId,
  });
}
