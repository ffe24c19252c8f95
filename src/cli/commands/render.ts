/** `matchline render timeline|positions`: the match centre's pictures as SVG files. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { MatchlineError } from '../../events/index.js';
import { toMatchResult } from '../../competition/index.js';
import { positionsSeries, positionsSvg, timelineSeries, timelineSvg } from '../../render/index.js';
import { printWarnings, type Output } from '../context.js';
import { foldNamed, modeOf, resolveStreams, warningsOf } from '../io.js';
import { LENIENT_OPTION } from '../options.js';

type Run = (action: () => number | Promise<number>) => Promise<void>;

interface RenderOptions {
  readonly output?: string;
  readonly group?: string;
  readonly store?: string;
  readonly width?: string;
  readonly lenient?: boolean;
}

function widthOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const width = Number(raw);
  if (!Number.isInteger(width) || width < 200 || width > 10_000)
    throw new MatchlineError({
      code: 'USAGE',
      message: `--width takes a whole number of pixels from 200 to 10000, not ${raw}`,
    });
  return width;
}

/** Writes the picture to the file named, or to standard output. */
function emit(io: Output, svg: string, output: string | undefined): number {
  if (output === undefined) io.out(svg);
  else {
    writeFileSync(output, svg + '\n');
    io.err(`wrote ${output}`);
  }
  return 0;
}

export function renderCommand(program: Command, io: Output, run: Run): void {
  const command = program.command('render').description('draw a match timeline or table positions as SVG');
  command
    .command('timeline')
    .description('a match on a minute axis split by period: goals, cards, substitutions, VAR')
    .argument('<stream>', 'a stream file (or a stream id with --store)')
    .option('-o, --output <file>', 'the SVG file to write (default: standard output)')
    .option('--width <px>', 'picture width in pixels', '960')
    .option(...LENIENT_OPTION)
    .option('--store <dir>', 'read the argument as a stream id in this file store')
    .action((ref: string, opts: RenderOptions) =>
      run(async () => {
        const width = widthOf(opts.width);
        const [stream] = await resolveStreams([ref], opts.store);
        const state = foldNamed(stream!, modeOf(opts));
        const code = emit(io, timelineSvg(timelineSeries(state), { width }), opts.output);
        printWarnings(io, state.warnings);
        return code;
      }),
    );
  command
    .command('positions')
    .description('table positions by matchday of a group or league')
    .argument('[streams...]', 'stream files or folders (or stream ids with --store; all of them when none)')
    .option('-o, --output <file>', 'the SVG file to write (default: standard output)')
    .option('--width <px>', 'picture width in pixels', '640')
    .option('--group <name>', 'the group to draw when the matches span several')
    .option(...LENIENT_OPTION)
    .option('--store <dir>', 'read the arguments as stream ids in this file store')
    .action((refs: string[], opts: RenderOptions) =>
      run(async () => {
        const width = widthOf(opts.width);
        const streams = await resolveStreams(refs, opts.store, true);
        const folded = streams.map((s) => {
          const state = foldNamed(s, modeOf(opts));
          return { name: s.name, state, warnings: state.warnings };
        });
        const all = folded.map((f) => toMatchResult(f.state, f.name));
        const groups = [...new Set(all.map((r) => r.fixture.group ?? ''))];
        if (opts.group === undefined && groups.length > 1)
          throw new MatchlineError({
            code: 'USAGE',
            message: `these matches span groups ${groups.filter(Boolean).join(', ')}${groups.includes('') ? ' and matches outside a group' : ''}: choose one with --group`,
          });
        const results = opts.group === undefined ? all : all.filter((r) => r.fixture.group === opts.group);
        if (results.length === 0)
          throw new MatchlineError({
            code: 'USAGE',
            message: `no matches${opts.group ? ` in group ${opts.group}` : ''}`,
          });
        const first = results[0]!.fixture;
        const title = `${first.competition} ${first.season}${first.group ? `, group ${first.group}` : ''}: positions by matchday`;
        const code = emit(io, positionsSvg(positionsSeries(results), { width, title }), opts.output);
        printWarnings(io, warningsOf(folded));
        return code;
      }),
    );
}
