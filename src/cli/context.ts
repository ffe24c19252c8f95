/** What every command gets: where to print, how to run an action and map its outcome to an exit code. */
import { readFileSync } from 'node:fs';
import { formatProblem, MatchlineError, toProblem, type Problem } from '../events/index.js';
import type { EventStore } from '../store/store.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Exit codes shared by every command (documented in docs/cli.md): 0 success; 1 a problem with the
 * data (a file that is missing or not a valid stream, a broken rule, a store conflict); 2 the command
 * line itself (an unknown option, a bad option value, a missing argument); 3 a bug in matchline.
 */
export const EXIT = { ok: 0, data: 1, usage: 2, internal: 3 } as const;

export interface Cli {
  readonly io: Output;
  /** True when the command line asked for --json: errors are then JSON on standard output too. */
  readonly json: boolean;
  /** Runs a command action; a thrown MatchlineError becomes its problems on screen and an exit code. */
  run(action: () => number | Promise<number>): Promise<void>;
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

/** The exit code of a failure: USAGE problems are the command line's fault, others the data's. */
export function exitCodeOf(problems: readonly Problem[]): number {
  return problems.some((p) => p.code === 'USAGE') ? EXIT.usage : EXIT.data;
}

/** Prints the problems as JSON on standard output (with --json) or one line each on standard error. */
export function printProblems(
  io: Output,
  problems: readonly Problem[],
  json: boolean,
  exitCode: number,
): void {
  if (json) printJson(io, { ok: false, exitCode, problems: problems.map(toProblem) });
  else for (const p of problems) io.err(formatProblem(p));
}

/** Warnings of a lenient fold, after the command's output: one line each with its code. */
export function printWarnings(io: Output, warnings: readonly Problem[]): void {
  for (const w of warnings) io.err(`warning: ${formatProblem(w)}`);
}

/** Prints an error as data and returns its exit code; anything not a MatchlineError is a bug (3). */
export function reportError(io: Output, error: unknown, json = false): number {
  if (error instanceof MatchlineError) {
    const code = exitCodeOf(error.problems);
    printProblems(io, error.problems, json, code);
    return code;
  }
  const message = error instanceof Error ? error.message : String(error);
  const sentence = `unexpected error: ${message}`;
  if (json)
    printJson(io, {
      ok: false,
      exitCode: EXIT.internal,
      problems: [{ code: 'INTERNAL', message: sentence }],
    });
  io.err(
    `matchline: ${sentence}${process.env.MATCHLINE_DEBUG ? `\n${(error as Error).stack ?? ''}` : ' (set MATCHLINE_DEBUG=1 for details)'}`,
  );
  return EXIT.internal;
}

export function createCli(io: Output, json = false): Cli {
  return {
    io,
    json,
    run(action) {
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
