/**
 * Reading stream files on Node (`matchline/node`). NDJSON is read line by line, so a season-long
 * feed is never held twice in memory; a JSON array is read whole. Every problem names the file and line.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  checkEvent,
  MatchlineError,
  parseNdjsonLine,
  readStreamText,
  type MatchEvent,
  type Problem,
  type ReadStreamResult,
} from '../events/index.js';

/** The error every reader here throws for a path it cannot open. */
export function fileNotFound(file: string, error: unknown): MatchlineError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EISDIR'
        ? 'it is a directory'
        : (error as Error).message;
  return new MatchlineError({ code: 'FILE_NOT_FOUND', message: `cannot read ${file}: ${reason}`, file });
}

/** Reads a whole text file; a missing file is FILE_NOT_FOUND with the path, not an errno stack. */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw fileNotFound(file, error);
  }
}

/** True when the file's first non-blank character opens a JSON array. */
async function startsWithArray(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw fileNotFound(file, error);
  }
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0).catch((error: unknown) => {
      throw fileNotFound(file, error);
    });
    return buffer.subarray(0, bytesRead).toString('utf8').trimStart().startsWith('[');
  } finally {
    await handle.close();
  }
}

/**
 * Parses and schema-validates a stream file (NDJSON or a JSON array) without throwing on bad events:
 * the valid events and every problem (file, line, event index and id). A missing file still throws.
 */
export async function readStream(file: string, name: string = file): Promise<ReadStreamResult> {
  if (await startsWithArray(file)) return readStreamText(await readTextFile(file), name);
  const events: MatchEvent[] = [];
  const problems: Problem[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      const parsed = parseNdjsonLine(raw, line, name);
      if (parsed === null) continue;
      if ('problem' in parsed) {
        problems.push(parsed.problem);
        continue;
      }
      const problem = checkEvent(parsed.value, events.length + problems.length);
      if (problem) problems.push({ ...problem, file: name, line });
      else events.push(parsed.value as MatchEvent);
    }
  } catch (error) {
    throw fileNotFound(file, error);
  }
  return { events, problems };
}

/** Reads a stream file; throws a MatchlineError carrying every problem when any event is bad. */
export async function readStreamFile(file: string, name: string = file): Promise<MatchEvent[]> {
  const { events, problems } = await readStream(file, name);
  if (problems.length > 0) throw new MatchlineError(problems[0]!, problems);
  return [...events];
}

const STREAM_FILE = /\.(nd)?json$/;

/**
 * Expands files and folders into stream files, sorted. Folder walks skip dot-folders and dot-files
 * (a file store's `.matchline/` bookkeeping) and any file not named *.ndjson or *.json; a file named
 * directly is always taken. No stream file at all is NO_STREAMS.
 */
export async function findStreamFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (path: string): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw fileNotFound(path, error);
    }
    if (!info.isDirectory()) {
      out.push(path);
      return;
    }
    for (const entry of (await readdir(path)).sort()) {
      if (entry.startsWith('.')) continue;
      const child = join(path, entry);
      const childInfo = await stat(child);
      if (childInfo.isDirectory() || STREAM_FILE.test(entry)) await walk(child);
    }
  };
  for (const p of paths) await walk(p);
  if (out.length === 0)
    throw new MatchlineError({
      code: 'NO_STREAMS',
      message: `no stream files (*.ndjson, *.json) in ${paths.join(', ')}`,
    });
  return out;
}

/**
 * Reads provider files for an importer's `loadFiles` (each provider tells its files apart by their
 * content, so the order does not matter): `opta.loadFiles(await readProviderFiles([f24, f7]))`.
 * A missing file is FILE_NOT_FOUND with its path.
 */
export async function readProviderFiles(
  paths: readonly string[],
): Promise<{ readonly name: string; readonly text: string }[]> {
  return Promise.all(paths.map(async (name) => ({ name, text: await readTextFile(name) })));
}
