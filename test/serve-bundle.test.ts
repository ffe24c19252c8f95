/** The page's size as docs/serve.md and the README state it, against the built bundle. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

describe('the match centre bundle', () => {
  it('is the size the docs and the README say (minified and gzipped, to 0.1 kB)', () => {
    const bundle = readFileSync(join(ROOT, 'dist/src/serve/page/app.bundle.js'));
    const [minified, gzipped] = [kB(bundle.length), kB(gzipSync(bundle).length)];
    const docs = readFileSync(join(ROOT, 'docs/serve.md'), 'utf8');
    expect(docs).toContain(`${minified} kB minified (${gzipped} kB gzipped)`);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`one ${minified} kB script (${gzipped} kB gzipped)`);
  });
});
