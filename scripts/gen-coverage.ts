/**
 * Writes the importer coverage matrix (src/import/coverage.ts) into docs/import.md, between the
 * coverage markers. `npm run gen:coverage`; test/import-coverage.test.ts fails when the doc differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COVERAGE_FEATURES, COVERAGE_PROVIDERS, coverageCell } from '../src/import/coverage.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const docPath = join(root, 'docs/import.md');
export const START = '<!-- coverage:start (npm run gen:coverage writes this section) -->';
export const END = '<!-- coverage:end -->';

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const escape = (text: string) => text.replace(/\|/g, '\\|');

/** The section between the markers, as markdown (before prettier pads the tables). */
export function coverageMarkdown(): string {
  const out: string[] = [];
  out.push(
    'What each importer gives the engine, per event type and field: **parsed** from the feed, **inferred** by a rule, **not read** (the feed has it, the importer leaves it out), or **not in feed**. The same matrix is data in `matchline/import` (`COVERAGE`, `coverageCell(provider, key)`). Every cell that names a fixture is checked by `test/import-coverage.test.ts`, which imports that file with the real importer and finds the event.',
    '',
  );
  out.push(row(['event / field', ...COVERAGE_PROVIDERS]));
  out.push(row(['---', ...COVERAGE_PROVIDERS.map(() => '---')]));
  for (const feature of COVERAGE_FEATURES)
    out.push(
      row([
        `\`${feature.key}\``,
        ...COVERAGE_PROVIDERS.map((p) => {
          const cell = coverageCell(p, feature.key);
          return cell.status === 'parsed' && !cell.fixture
            ? 'parsed (no fixture)'
            : cell.status.replace(/-/g, ' ');
        }),
      ]),
    );
  for (const provider of COVERAGE_PROVIDERS) {
    out.push('', `#### ${provider}`, '');
    out.push(row(['event / field', 'status', 'rule', 'fixture (under `test/fixtures/`)']));
    out.push(row(['---', '---', '---', '---']));
    for (const feature of COVERAGE_FEATURES) {
      const cell = coverageCell(provider, feature.key);
      out.push(
        row([
          `\`${feature.key}\``,
          cell.status,
          escape(cell.rule),
          cell.fixture ? `\`${cell.fixture}\`` : '',
        ]),
      );
    }
  }
  return out.join('\n');
}

/** docs/import.md with the section replaced (prettier-formatted, as the lint wants it). */
export async function generatedDoc(current: string): Promise<string> {
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/import.md lacks the markers ${START} … ${END}`);
  const next = `${current.slice(0, start + START.length)}\n\n${coverageMarkdown()}\n\n${current.slice(end)}`;
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(docPath)) ?? {};
  return prettier.format(next, { ...options, filepath: docPath });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const current = readFileSync(docPath, 'utf8');
  writeFileSync(docPath, await generatedDoc(current));
  console.log(`wrote the coverage matrix into ${docPath}`);
}
