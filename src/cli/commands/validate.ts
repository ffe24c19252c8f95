/** `matchline validate <paths...>`: schemas and match rules, every problem with its place. */
import type { Command } from 'commander';
import { formatProblem, readStreamText, type Problem } from '../../events/index.js';
import { fold } from '../../match/fold.js';
import { printJson, type Cli, type Output } from '../context.js';
import { displayPath, expandPaths, readText } from '../io.js';

/** Exit 0 when every file is valid (schemas and rules), 1 otherwise. */
export function validateCommand(io: Output, paths: string[], opts: { json?: boolean }): number {
  const problems: Problem[] = [];
  const files = expandPaths(paths);
  for (const file of files) {
    const name = displayPath(file);
    const { events, problems: schemaProblems } = readStreamText(readText(file), name);
    problems.push(...schemaProblems);
    if (schemaProblems.length > 0) continue;
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
    .argument('<paths...>', 'stream files or directories')
    .option('--json', 'print the problems as JSON')
    .action((paths: string[], opts: { json?: boolean }) =>
      cli.run(() => validateCommand(cli.io, paths, opts), opts.json),
    );
}
