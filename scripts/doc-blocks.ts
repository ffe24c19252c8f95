/**
 * Code blocks of the Markdown docs, for the docs harness (scripts/package-test.ts). A fenced block whose
 * language is ts, typescript, js or javascript is type-checked and run on its own; the info string
 * `no-run` (```ts no-run) keeps it from running, `no-check` from both. Other languages are text.
 */
export interface DocBlock {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  readonly noRun: boolean;
  readonly noCheck: boolean;
  /** A file name for the block: its document and line. */
  readonly slug: string;
}

const CODE = new Set(['ts', 'typescript', 'js', 'javascript']);

export function extractBlocks(markdown: string, file: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang = '', rest = ''] = open;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence!); i++)
      body.push(lines[i]!.slice(indent!.length));
    if (!CODE.has(lang.toLowerCase())) continue;
    const flags = rest.split(/\s+/);
    blocks.push({
      file,
      line: start + 1,
      lang,
      code: body.join('\n') + '\n',
      noRun: flags.includes('no-run'),
      noCheck: flags.includes('no-check'),
      slug: `${file.replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '-')}-${start + 1}`,
    });
  }
  return blocks;
}
