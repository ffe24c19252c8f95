/**
 * The CommonJS build behind the `require` condition (run by `npm run build` after tsc). Node 20 cannot
 * require() an ES module, so each library file is transpiled one to one into dist/cjs/ (no bundling:
 * every entry shares one copy of the core, so an error class is the same object from every entry).
 * dist/cjs/package.json marks the folder CommonJS; the declarations are copied so `require` users get
 * types that TypeScript reads as CommonJS.
 */
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'cjs');
/** Edges that are not behind a library entry point, and use ESM-only features (top-level await, import.meta). */
const EXCLUDED = ['src/cli', 'src/serve'];

function files(base: string, dir: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (EXCLUDED.includes(relative(base, path))) continue;
    if (statSync(path).isDirectory()) found.push(...files(base, path, keep));
    else if (keep(path)) found.push(path);
  }
  return found;
}

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: files(root, join(root, 'src'), (p) => p.endsWith('.ts') && !p.endsWith('.d.ts')),
  outbase: root,
  outdir: out,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// JSON the code requires (schemas, the team directory) and the declarations, beside the code.
for (const json of files(root, join(root, 'src'), (p) => p.endsWith('.json')))
  cpSync(json, join(out, relative(root, json)));
cpSync(join(root, 'schemas'), join(out, 'schemas'), { recursive: true });
for (const dts of files(join(root, 'dist'), join(root, 'dist', 'src'), (p) => p.endsWith('.d.ts'))) {
  const target = join(out, relative(join(root, 'dist'), dts));
  mkdirSync(join(target, '..'), { recursive: true });
  cpSync(dts, target);
}
writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
console.log(`CommonJS build -> ${relative(root, out)}`);
