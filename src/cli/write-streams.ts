/**
 * Where `matchline import -o` puts its streams. A store (a folder with `.matchline/`, or a
 * postgres:// URL) gets them through `append`, so a re-import adds only what changed; a plain folder
 * gets one NDJSON file per stream, never replacing a file unless `--force` says so and never writing
 * outside the folder.
 */
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isMatchlineError, MatchlineError, toNdjson, type MatchEvent } from '../events/index.js';
import type { EventStore } from '../store/store.js';
import { isPostgresUrl, openStore } from './context.js';

export interface StreamToWrite {
  readonly id: string;
  readonly events: readonly MatchEvent[];
}

export interface WrittenStream {
  readonly id: string;
  /** The file written, or `<store>#<id>` for a store. */
  readonly target: string;
  /** Events written: all of them for a file; for a store, those not already stored. */
  readonly written: number;
  /** Store only: events of the import already stored unchanged, skipped. */
  readonly ignored: number;
}

/** True when `out` names a store rather than a plain output folder. */
export function isStoreTarget(out: string): boolean {
  return isPostgresUrl(out) || existsSync(join(out, '.matchline'));
}

/**
 * Writes every stream, or nothing: for a folder, every target is checked (inside the folder, not
 * already there unless `force`) before the first file is written.
 */
export async function writeStreams(
  out: string,
  streams: readonly StreamToWrite[],
  options: { readonly force?: boolean } = {},
): Promise<WrittenStream[]> {
  if (isStoreTarget(out)) return appendToStore(out, streams);
  const targets = streams.map((s) => insideFolder(out, `${s.id}.ndjson`));
  if (!options.force) {
    const existing = targets.filter(pathExists);
    if (existing.length > 0)
      throw new MatchlineError({
        code: 'OUTPUT_EXISTS',
        file: existing[0]!,
        message: `${existing.length} of the ${targets.length} output files already exist (the first: ${existing[0]}); nothing was written. Use --force to replace them, or -o a store folder to add only what changed`,
      });
  }
  mkdirSync(out, { recursive: true });
  return streams.map((s, i) => {
    writeReplacing(targets[i]!, toNdjson(s.events));
    return { id: s.id, target: targets[i]!, written: s.events.length, ignored: 0 };
  });
}

async function appendToStore(out: string, streams: readonly StreamToWrite[]): Promise<WrittenStream[]> {
  const store = await openStore(out);
  // Loaded on use, as every edge the CLI reaches (the importers' kit here).
  const { changesSince } = await import('../import/kit/index.js');
  try {
    const written: WrittenStream[] = [];
    for (const s of streams) {
      const stored = await readIfStored(store, s.id);
      if (!stored) {
        const result = await store.append(s.id, s.events, { expectedVersion: 'no-stream' });
        written.push({ id: s.id, target: `${out}#${s.id}`, written: result.appended, ignored: 0 });
        continue;
      }
      // A newer snapshot of a stored match: only what changed, as amendments and new events.
      const { append } = changesSince(stored, s.events);
      if (append.length > 0) await store.append(s.id, append, { expectedVersion: stored.length });
      written.push({
        id: s.id,
        target: `${out}#${s.id}`,
        written: append.length,
        ignored: s.events.length - append.length,
      });
    }
    return written;
  } finally {
    await store.close();
  }
}

async function readIfStored(store: EventStore, id: string): Promise<MatchEvent[] | undefined> {
  try {
    return await store.read(id);
  } catch (error) {
    if (isMatchlineError(error) && error.code === 'STREAM_NOT_FOUND') return undefined;
    throw error;
  }
}

/** One output file (`import statsbomb -o file`): refused when it exists, unless `force`. */
export function writeOutputFile(
  path: string,
  text: string,
  options: { readonly force?: boolean } = {},
): void {
  if (!options.force && pathExists(path))
    throw new MatchlineError({
      code: 'OUTPUT_EXISTS',
      file: path,
      message: `${path} already exists; nothing was written. Use --force to replace it`,
    });
  writeReplacing(resolve(path), text);
}

/** lstat, so a dangling symbolic link counts as there. */
function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes beside the target and renames over it, so a link at the target is replaced, not followed. */
function writeReplacing(target: string, text: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A path inside `dir`; a name that would leave it is refused (defence in depth: ids are slugs). */
export function insideFolder(dir: string, name: string): string {
  const target = resolve(dir, name);
  const rel = relative(resolve(dir), target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new MatchlineError({ code: 'USAGE', message: `refusing to write ${name} outside ${dir}` });
  return target;
}
