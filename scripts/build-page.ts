/** Bundles the match centre's page script into dist/ beside the compiled server (run by `npm run build`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundlePage } from '../src/serve/page/assets.js';

const target = join(import.meta.dirname, '..', 'dist', 'src', 'serve', 'page', 'app.bundle.js');
const script = await bundlePage();
mkdirSync(join(target, '..'), { recursive: true });
writeFileSync(target, script);
console.log(`page bundle: ${script.length} bytes, ${gzipSync(script).length} gzipped -> ${target}`);
