/**
 * The page's two assets, held in memory and served by fixed routes (no URL names a file): the HTML
 * shell and one script bundle. The bundle is built by `npm run build` next to this module; from
 * the sources (tsx, tests) it is bundled once, on first request, with esbuild (a dev dependency).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Plugin } from 'esbuild';
import { PAGE_HTML } from './html.js';

export function pageHtml(): string {
  return PAGE_HTML;
}

let script: Promise<string> | null = null;

/** Where `npm run build` puts the bundle, beside this module. */
export const BUNDLE_FILE = fileURLToPath(new URL('./app.bundle.js', import.meta.url));

/**
 * The page folds events the server already validated: ajv (a third of the bundle, reached through
 * the events module) is left out, and a validator call in the page would fail loudly.
 */
const noValidator: Plugin = {
  name: 'no-validator',
  setup(build) {
    build.onResolve({ filter: /^(ajv|ajv-formats)(\/.*)?$/ }, (args) => ({
      path: args.path,
      namespace: 'no-validator',
    }));
    build.onLoad({ filter: /.*/, namespace: 'no-validator' }, () => ({
      contents:
        'export class Ajv2020 { constructor() { throw new Error("schema validation is not part of the page bundle"); } } export default function addFormats() {}',
      loader: 'js',
    }));
  },
};

export async function bundlePage(minify = true): Promise<string> {
  const ts = fileURLToPath(new URL('./client/main.ts', import.meta.url));
  const entry = existsSync(ts) ? ts : fileURLToPath(new URL('./client/main.js', import.meta.url));
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    legalComments: 'none',
    plugins: [noValidator],
  });
  return result.outputFiles[0]!.text;
}

export function pageScript(): Promise<string> {
  script ??= readFile(BUNDLE_FILE, 'utf8').catch(() => bundlePage());
  return script;
}
