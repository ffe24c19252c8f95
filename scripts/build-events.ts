/**
 * `npm run build:events`: rebuilds events/ from the openfootball fixtures and the hand-entered
 * sources (scripts/sources/). `--check` writes nothing and exits 1 when events/ differs from what the
 * build produces (CI runs the same comparison as a test).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildLibrary } from './build-events/library.js';

const ROOT = join(import.meta.dirname, '..');
const EVENTS = join(ROOT, 'events');

/** Every file under events/ (relative, `/`-separated). */
export function committedFiles(dir = EVENTS): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

function main(): number {
  const check = process.argv.includes('--check');
  const { files, replaced } = buildLibrary(ROOT);
  const existing = new Set(committedFiles());
  const stale = [...existing].filter((f) => !files.has(f));
  const changed = [...files].filter(
    ([f, text]) => !existing.has(f) || readFileSync(join(EVENTS, f), 'utf8') !== text,
  );
  if (check) {
    for (const f of stale) console.error(`events/${f}: not produced by the build`);
    for (const [f] of changed) console.error(`events/${f}: differs from what the build produces`);
    console.error(`${files.size} files built, ${changed.length} differ, ${stale.length} stale`);
    return changed.length + stale.length === 0 ? 0 : 1;
  }
  for (const f of stale) rmSync(join(EVENTS, f));
  for (const [f, text] of changed) {
    mkdirSync(dirname(join(EVENTS, f)), { recursive: true });
    writeFileSync(join(EVENTS, f), text);
  }
  console.error(
    `events/: ${files.size} files (${changed.length} written, ${stale.length} removed); ${replaced.filter((r) => r.openfootball).length} hand-entered matches replaced their openfootball results, ${replaced.filter((r) => !r.openfootball).length} added`,
  );
  return 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exitCode = main();
