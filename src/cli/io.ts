/** Reading streams from disk for the CLI: files, or directories of .ndjson/.json files. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MatchlineError, readStreamText, type MatchEvent } from '../events/index.js';
import { fold, type FoldOptions } from '../match/fold.js';
import type { MatchState } from '../match/state.js';
import { toMatchResult } from '../competition/index.js';

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
 * Resolves command arguments to streams: files and folders, or, with `--store <dir>`, stream ids in
 * a file store (every stream of the store when no id is given and `allWhenEmpty` is set).
 */
export async function resolveStreams(
  refs: readonly string[],
  storeDir?: string,
  allWhenEmpty = false,
): Promise<NamedStream[]> {
  if (storeDir === undefined)
    return expandPaths(refs).map((file) => ({ name: displayPath(file), events: readStreamFile(file) }));
  const { FileEventStore } = await import('../store/file/file.js');
  const store = await FileEventStore.open(storeDir);
  const ids = refs.length === 0 && allWhenEmpty ? await store.list() : refs;
  const out: NamedStream[] = [];
  for (const id of ids) out.push({ name: id, events: await store.read(id) });
  return out;
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

/** Folds streams leniently into match results for the commands that work across matches. */
export async function loadResults(refs: string[], storeDir?: string) {
  return (await resolveStreams(refs, storeDir, true)).map((stream) => {
    const state = foldNamed(stream, { mode: 'lenient' });
    return { name: stream.name, state, result: toMatchResult(state, stream.name) };
  });
}
