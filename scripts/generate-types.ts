/**
 * Generates src/events/generated.ts from schemas/*.schema.json (the single source of truth).
 * `npm run gen:types` writes it; test/schema-drift.test.ts fails when the committed file differs.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileFromFile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const schemaDir = join(root, 'schemas');
export const generatedPath = join(root, 'src/events/generated.ts');

export async function generateTypes(): Promise<string> {
  const banner =
    '/* Generated from schemas/ by `npm run gen:types`. Do not edit by hand. */\n/* eslint-disable */';
  // event.schema.json references every per-type schema, so one compile yields all types once.
  const body = await compileFromFile(join(schemaDir, 'event.schema.json'), {
    cwd: schemaDir,
    bannerComment: banner,
    additionalProperties: false,
    style: { singleQuote: true, printWidth: 110, trailingComma: 'all' },
  });
  // Competition streams hold their own event types (schemas/competition/), outside the match union.
  const competition = await compileFromFile(join(schemaDir, 'competition/competitionDecision.schema.json'), {
    cwd: schemaDir,
    bannerComment: '',
    additionalProperties: false,
    declareExternallyReferenced: false,
    style: { singleQuote: true, printWidth: 110, trailingComma: 'all' },
  });
  return `${body}\n${competition}`;
}

export function schemaFiles(): string[] {
  return readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(generatedPath, await generateTypes());
  console.log(`wrote ${generatedPath}`);
}
