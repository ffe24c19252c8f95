/**
 * Reading streams for the CLI: files, folders of .ndjson/.json files (dot-folders such as a store's
 * .matchline/ skipped), `-` for standard input, or stream ids in a file store.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { MatchlineError, readStreamText, type MatchEvent, type Problem } from '../events/index.js';
import { fold, type FoldOptions } from '../match/fold.js';
import type { MatchState } from '../match/state.js';
import { playerTallies, toMatchResult, type MatchResult, type PlayerTally } from '../competition/index.js';
import { isPostgresUrl, openStore } from './context.js';
import { fileNotFound, findStreamFiles, readStream } from '../node/index.js';

/** The argument that means standard input. */
export const STDIN = '-';
const STDIN_NAME = '<stdin>';

/** A whole text file (or standard input for `-`); a missing file is FILE_NOT_FOUND. */
export function readText(file: string): string {
  try {
    return readFileSync(file === STDIN ? 0 : file, 'utf8');
  } catch (error) {
    throw fileNotFound(file, error);
  }
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** Files and folders to stream files; `-` stays as it is. None at all is NO_STREAMS. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0)
    throw new MatchlineError({
      code: 'NO_STREAMS',
      message: 'no stream files given (name files or folders, or - for standard input)',
    });
  const files = paths.filter((p) => p !== STDIN);
  const found = files.length > 0 ? await findStreamFiles(files) : [];
  return paths.includes(STDIN) ? [STDIN, ...found] : found;
}

/** A stream to work on: events and the name messages use (a file path or a stream id). */
export interface NamedStream {
  readonly name: string;
  readonly events: MatchEvent[];
}

/**
 * Parses one stream file (or standard input) without throwing on bad events: the valid events and
 * every problem. A stream with no events at all is MISSING_FIXTURE: a stream starts with its fixture.
 */
export async function readStreamRef(ref: string): Promise<NamedStream & { problems: readonly Problem[] }> {
  const name = ref === STDIN ? STDIN_NAME : displayPath(ref);
  const { events, problems } =
    ref === STDIN ? readStreamText(readText(STDIN), name) : await readStream(ref, name);
  if (events.length === 0 && problems.length === 0)
    return { name, events: [], problems: [emptyStream(name)] };
  return { name, events: [...events], problems };
}

function emptyStream(name: string): Problem {
  return {
    code: 'MISSING_FIXTURE',
    file: name,
    message: 'the stream is empty: a stream starts with its fixture',
  };
}

/**
 * Resolves command arguments to streams: files, folders and `-`, or, with `--store <dir|url>`, stream
 * ids in a store folder or a PostgreSQL store (every stream of the store when no id is given and `allWhenEmpty` is set).
 */
export async function resolveStreams(
  refs: readonly string[],
  storeDir?: string,
  allWhenEmpty = false,
): Promise<NamedStream[]> {
  if (storeDir === undefined) {
    const out: NamedStream[] = [];
    for (const file of await expandPaths(refs)) {
      const { problems, ...stream } = await readStreamRef(file);
      if (problems.length > 0) throw new MatchlineError(problems[0]!, problems);
      out.push(stream);
    }
    return out;
  }
  const store = await openStore(storeDir);
  try {
    const ids = refs.length === 0 && allWhenEmpty ? await store.list() : refs;
    if (ids.length === 0)
      throw new MatchlineError({ code: 'NO_STREAMS', message: `the store ${storeDir} holds no streams` });
    const out: NamedStream[] = [];
    for (const id of ids) out.push({ name: id, events: await store.read(id) });
    return out;
  } finally {
    await store.close();
  }
}

/** Folds a named stream (strict unless told otherwise), naming it in rule errors and warnings. */
export function foldNamed(stream: NamedStream, options: FoldOptions = {}): MatchState {
  if (stream.events.length === 0) throw new MatchlineError(emptyStream(stream.name));
  try {
    return fold(stream.events, undefined, options);
  } catch (error) {
    if (error instanceof MatchlineError && error.file === undefined)
      throw new MatchlineError({ ...error.toJSON(), file: stream.name });
    throw error;
  }
}

/** Warnings of folded streams, each naming its stream. */
export function warningsOf(folded: readonly { name: string; warnings: readonly Problem[] }[]): Problem[] {
  return folded.flatMap(({ name, warnings }) => warnings.map((w) => ({ ...w, file: w.file ?? name })));
}

/** The fold mode a command's `--lenient` asks for. */
export const modeOf = (opts: { lenient?: boolean }): FoldOptions => ({
  mode: opts.lenient ? 'lenient' : 'strict',
});

/** A match as the commands that work across matches see it. */
export interface LoadedMatch {
  readonly name: string;
  readonly result: MatchResult;
  /** What a lenient fold let through (none in strict mode, where a broken rule throws). */
  readonly warnings: readonly Problem[];
  /** The match's player tallies (computed on first use). */
  players(): readonly PlayerTally[];
}

/**
 * The matches of the arguments: folded (strict unless told otherwise) from files and store folders;
 * from a PostgreSQL store, read from its competition projection (caught up first) instead of folding.
 */
export async function loadResults(
  refs: string[],
  storeRef: string | undefined,
  options: FoldOptions,
): Promise<LoadedMatch[]> {
  if (storeRef !== undefined && isPostgresUrl(storeRef)) return projectedMatches(storeRef, refs);
  return (await resolveStreams(refs, storeRef, true)).map((stream) => {
    const state = foldNamed(stream, options);
    let players: PlayerTally[] | undefined;
    return {
      name: stream.name,
      result: toMatchResult(state, stream.name),
      warnings: state.warnings,
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
    return chosen.map((s) => ({
      name: s.streamId,
      result: s.result,
      warnings: [],
      players: () => s.players,
    }));
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
