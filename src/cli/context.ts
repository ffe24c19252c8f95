/** What every command gets: where to print, how to run an action and map its outcome to an exit code. */
import { readFileSync } from 'node:fs';
import { formatProblem, MatchlineError, toProblem } from '../events/index.js';
import type { EventStore } from '../store/store.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

export interface Cli {
  readonly io: Output;
  /** Runs a command action; a thrown MatchlineError becomes its problems on screen and an exit code. */
  run(action: () => number | Promise<number>, json?: boolean): Promise<void>;
}

export function printJson(io: Output, value: unknown): void {
  io.out(
    JSON.stringify(
      value,
      (_k, v: unknown): unknown =>
        v instanceof Map
          ? Object.fromEntries(v as Map<string, unknown>)
          : v instanceof Set
            ? [...(v as Set<unknown>)]
            : v,
      2,
    ),
  );
}

/** Prints a MatchlineError as data (every problem, one per line) and returns exit code 1. */
export function reportError(io: Output, error: unknown, json = false): number {
  if (error instanceof MatchlineError) {
    if (json) printJson(io, { valid: false, problems: error.problems.map(toProblem) });
    else for (const p of error.problems) io.err(formatProblem(p));
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(
    `matchline: unexpected error: ${message}${process.env.MATCHLINE_DEBUG ? `\n${(error as Error).stack ?? ''}` : ' (set MATCHLINE_DEBUG=1 for details)'}`,
  );
  return 2;
}

export function createCli(io: Output): Cli {
  return {
    io,
    run(action, json = false) {
      return Promise.resolve()
        .then(action)
        .then((code) => {
          process.exitCode = code;
        })
        .catch((error: unknown) => {
          process.exitCode = reportError(io, error, json);
        });
    },
  };
}

/** The version in matchline's own package.json (found upwards from this file: src/ or dist/src/). */
export function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'matchline' && manifest.version) return manifest.version;
    } catch {
      // no package.json at this level: keep looking upwards
    }
  }
  return 'unknown';
}

/** A `--store` value that names a PostgreSQL server rather than a folder. */
export const isPostgresUrl = (ref: string): boolean => /^postgres(ql)?:\/\//i.test(ref);

/**
 * Opens the store a `--store` names: a postgres:// connection string or a store folder. Loaded on
 * use, so commands that need no store (and file-store users) never load the PostgreSQL client.
 */
export async function openStore(ref: string): Promise<EventStore> {
  if (isPostgresUrl(ref)) {
    const { PostgresEventStore } = await import('../store/postgres/index.js');
    return PostgresEventStore.open(ref);
  }
  const { FileEventStore } = await import('../store/file/file.js');
  return FileEventStore.open(ref);
}
