/**
 * The consumer test (`npm run test:package`, run by .ci/run): the package as a user gets it.
 *
 * 1. `npm pack` (which builds), then a fresh project installs the tarball with --ignore-scripts.
 * 2. No installed package may need a compiler (no install scripts, no binding.gyp).
 * 3. test/consumer/esm.mts and cjs.cts, type-checked with `tsc --strict` and run: every entry point,
 *    by import and by require.
 * 4. The installed `matchline` binary: --version and summary on a stream.
 * 5. Every ts/js block of README.md and docs/*.md, type-checked and run (see docs/contributing.md for
 *    the info strings `no-run` and `no-check`).
 *
 * The working directory of every program is the repo root, so examples can read events/ and test/fixtures/.
 * Prints one line per check and `package: N passed, N failed`; with `--json <file>` writes the counts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { extractBlocks, type DocBlock } from './doc-blocks.js';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
const results: { name: string; ok: boolean; detail?: string }[] = [];

function record(name: string, ok: boolean, detail?: string): void {
  results.push({ name, ok, ...(detail ? { detail } : {}) });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n${detail.replace(/^/gm, '     ')}` : ''}`);
}

function run(command: string, args: string[], cwd: string, timeout = 120_000) {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}` };
}

const work = mkdtempSync(join(tmpdir(), 'matchline-package-'));
const project = join(work, 'consumer');
try {
  // 1. Build (what `prepare` does before a publish), pack, and install the tarball as a user would, with
  // no scripts run.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = join(work, packed[0]!.filename);
  record(`npm pack: ${packed[0]!.filename}, ${packed[0]!.files.length} files`, existsSync(tarball));
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  const install = run(
    'npm',
    [
      'install',
      tarball,
      `fast-check@${manifest.devDependencies['fast-check']}`,
      `@types/node@${manifest.devDependencies['@types/node']}`,
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ],
    project,
    300_000,
  );
  record('npm install <tarball> --ignore-scripts', install.code === 0, install.out);

  // 2. Nothing in the install path compiles native code.
  const native: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
      if (entry.startsWith('.')) continue;
      const pkg = join(dir, entry);
      if (entry.startsWith('@')) {
        visit(pkg);
        continue;
      }
      const file = join(pkg, 'package.json');
      if (!existsSync(file)) continue;
      const scripts =
        (JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
      const hooks = ['preinstall', 'install', 'postinstall'].filter((h) => scripts[h]);
      if (hooks.length || existsSync(join(pkg, 'binding.gyp')))
        native.push(`${relative(project, pkg)} (${hooks.join(', ') || 'binding.gyp'})`);
      visit(join(pkg, 'node_modules'));
    }
  };
  visit(join(project, 'node_modules'));
  record('no installed package has an install script or binding.gyp', native.length === 0, native.join('\n'));

  // 3 and 5. Consumer programs and doc blocks, type-checked together with tsc --strict.
  const src = join(project, 'src');
  mkdirSync(join(src, 'docs'), { recursive: true });
  for (const file of ['esm.mts', 'store.mts', 'cjs.cts'])
    writeFileSync(join(src, file), readFileSync(join(root, 'test/consumer', file)));
  const docFiles = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const blocks: DocBlock[] = docFiles.flatMap((file) =>
    extractBlocks(readFileSync(join(root, file), 'utf8'), file),
  );
  const checked = blocks.filter((b) => !b.noCheck);
  for (const block of checked) writeFileSync(join(src, 'docs', `${block.slug}.mts`), block.code);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        types: ['node'],
        outDir: 'out',
        rootDir: 'src',
        resolveJsonModule: true,
        skipLibCheck: false,
      },
      include: ['src'],
    }),
  );
  const tsc = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], project);
  record(
    `tsc --strict: the consumer programs and ${checked.length} doc blocks (of ${blocks.length})`,
    tsc.code === 0,
    tsc.out,
  );
  for (const program of ['esm.mjs', 'store.mjs', 'cjs.cjs']) {
    const r = run(process.execPath, [join(project, 'out', program)], root);
    record(`consumer program ${program}`, r.code === 0, r.out);
    if (r.code === 0) console.log(r.out.trimEnd().replace(/^/gm, '     '));
  }

  // 4. The command line as installed.
  const bin = join(project, 'node_modules/.bin/matchline');
  const version = run(bin, ['--version'], root);
  record(
    `matchline --version prints ${manifest.version}`,
    version.out.trim() === manifest.version,
    version.out,
  );
  const summary = run(bin, ['summary', 'events/ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson'], root);
  record(
    'matchline summary on a stream: Liverpool 2-5 Real Madrid (HT 2-2)',
    summary.code === 0 && summary.out.includes('Liverpool 2-5 Real Madrid (HT 2-2)'),
    summary.out,
  );

  for (const block of blocks.filter((b) => !b.noCheck && !b.noRun)) {
    const r = run(process.execPath, [join(project, 'out', 'docs', `${block.slug}.mjs`)], root, 60_000);
    record(`${block.file}:${block.line} (${block.lang}) runs`, r.code === 0, r.out);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`package: ${passed} passed, ${failed} failed`);
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0)
  writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify({ passed, failed, results }, null, 2));
process.exitCode = failed === 0 ? 0 : 1;
