/** `matchline validate <paths...>`: schemas and match rules, every problem with its place. */
import type { Command } from 'commander';
import { formatProblem, type Problem } from '../../events/index.js';
import { fold } from '../../match/fold.js';
import { printJson, type Cli, type Output } from '../context.js';
import { expandPaths, readStreamRef } from '../io.js';

/**
 * Exit 0 when every file is valid (schemas and rules), 1 otherwise. An empty stream is MISSING_FIXTURE;
 * paths with no stream files at all are NO_STREAMS. Folder walks skip dot-folders (a store's .matchline/).
 */
export async function validateCommand(
  io: Output,
  paths: string[],
  opts: { json?: boolean },
): Promise<number> {
  const problems: Problem[] = [];
  const files = await expandPaths(paths);
  for (const file of files) {
    const { name, events, problems: readProblems } = await readStreamRef(file);
    problems.push(...readProblems);
    if (readProblems.length > 0) continue;
    const state = fold(events, undefined, { mode: 'lenient' });
    problems.push(...state.warnings.map((w) => ({ ...w, file: name })));
  }
  if (opts.json) printJson(io, { files: files.length, valid: problems.length === 0, problems });
  else {
    for (const p of problems) io.err(formatProblem(p));
    io.out(
      `${files.length} file${files.length === 1 ? '' : 's'} checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    );
  }
  return problems.length === 0 ? 0 : 1;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('validate')
    .description('check stream files (NDJSON or JSON arrays) against the schemas and the match rules')
    .argument('<paths...>', 'stream files or directories (- for standard input)')
    .option('--json', 'print the problems as JSON')
    .action((paths: string[], opts: { json?: boolean }) =>
      cli.run(() => validateCommand(cli.io, paths, opts)),
    );
}
