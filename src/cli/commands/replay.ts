/**
 * `matchline replay`: a match centre on a terminal (scoreboard, progress bar, scrolling timeline),
 * plain lines when piped, NDJSON frames with --json. Ctrl-C leaves the terminal clean.
 */
import type { Command } from 'commander';
import logUpdate from 'log-update';
import pc from 'picocolors';
import { lastValueFrom, tap, takeUntil, Subject, defaultIfEmpty } from 'rxjs';
import { MatchlineError } from '../../events/index.js';
import { replay, type Frame } from '../../replay/index.js';
import { printWarnings, type Cli, type Output } from '../context.js';
import { modeOf, resolveStreams } from '../io.js';
import { LENIENT_OPTION, STORE_OPTION } from '../options.js';
import { bar } from '../ui.js';

interface ReplayCliOptions {
  speed: string;
  from?: string;
  to?: string;
  step: string;
  json?: boolean;
  store?: string;
  lenient?: boolean;
}

function parseSpeed(text: string): number {
  const speed = text.toLowerCase() === 'infinity' ? Number.POSITIVE_INFINITY : Number(text);
  if (!(speed > 0))
    throw new MatchlineError({
      code: 'USAGE',
      message: `--speed takes a positive number of match minutes per second, not ${text}`,
    });
  return speed;
}

function scoreText(frame: Frame): string {
  const s = frame.state;
  const so =
    s.shootout && (s.shootout.kicks.length > 0 || s.shootout.decided)
      ? ` (${s.shootout.score.home}-${s.shootout.score.away} pens)`
      : '';
  return `${s.teams.home.name} ${s.score.home}-${s.score.away} ${s.teams.away.name}${so}`;
}

function timelineLines(frame: Frame): string[] {
  const ids = new Set(frame.events.map((e) => e.id));
  return frame.state.timeline
    .filter((t) => ids.has(t.eventId))
    .map((t) => `${t.minute.padStart(6)}  ${t.status === 'ok' ? '' : `[${t.status}] `}${t.text}`);
}

/** One plain line per frame: the minute, the score, what happened. */
export function plainLine(frame: Frame): string {
  const what = timelineLines(frame).map((l) => l.trim());
  return `${frame.minute.padEnd(7)} ${scoreText(frame)}${what.length ? ' | ' + what.join(' | ') : ''}`;
}

export async function replayCommand(io: Output, file: string, opts: ReplayCliOptions): Promise<number> {
  const speed = parseSpeed(opts.speed);
  if (opts.step !== 'minute' && opts.step !== 'event')
    throw new MatchlineError({ code: 'USAGE', message: '--step takes minute or event' });
  const [stream] = await resolveStreams([file], opts.store);
  const events = stream!.events;
  let last: Frame | undefined;
  const frames$ = replay(events, {
    speed,
    step: opts.step,
    ...modeOf(opts),
    ...(opts.from === undefined ? {} : { from: opts.from }),
    ...(opts.to === undefined ? {} : { to: opts.to }),
  }).pipe(tap((frame) => (last = frame)));
  // A terminal with no size (some pseudo-terminals) cannot hold a redrawn scoreboard: fall back to lines.
  const interactive = process.stdout.isTTY && (process.stdout.columns ?? 0) > 0 && !opts.json;
  if (!interactive) {
    await lastValueFrom(
      frames$.pipe(
        tap((frame) => io.out(opts.json ? JSON.stringify(frameJson(frame)) : plainLine(frame))),
        defaultIfEmpty(null),
      ),
    );
    printWarnings(io, last?.state.warnings ?? []);
    return 0;
  }
  const stop = new Subject<void>();
  const onSigint = () => stop.next();
  process.once('SIGINT', onSigint);
  const history: string[] = [];
  try {
    await lastValueFrom(
      frames$.pipe(
        takeUntil(stop),
        tap((frame) => {
          const lines = timelineLines(frame);
          if (lines.length) {
            logUpdate.clear();
            for (const l of lines)
              io.out(l.includes('GOAL') ? pc.green(l) : l.includes('card') ? pc.yellow(l) : l);
            history.push(...lines);
          }
          const period =
            frame.state.period === 0
              ? 'pre-match'
              : frame.state.status === 'finished'
                ? 'full time'
                : `period ${frame.state.period}`;
          logUpdate(
            `${pc.bold(scoreText(frame))}\n${pc.cyan(frame.minute.padEnd(8))} ${pc.dim(period)}\n${bar(frame.index, frame.total)} ${frame.index + 1}/${frame.total}`,
          );
        }),
        defaultIfEmpty(null),
      ),
    );
    logUpdate.done();
    printWarnings(io, last?.state.warnings ?? []);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  return 0;
}

/** A frame as JSON: the minute, its events and the headline state (not the whole fold). */
export function frameJson(frame: Frame): unknown {
  const s = frame.state;
  return {
    kind: frame.kind,
    minute: frame.minute,
    at: frame.at,
    events: frame.events,
    score: s.score,
    shootout: s.shootout ? s.shootout.score : null,
    status: s.status,
    period: s.period,
    version: s.version,
  };
}

export function register(program: Command, cli: Cli): void {
  program
    .command('replay')
    .description(
      'replay a match minute by minute: a match centre on a terminal, plain lines or NDJSON when piped',
    )
    .argument('<stream>', 'a stream file (or a stream id with --store)')
    .option('--speed <n>', 'match minutes per real second (Infinity: as fast as possible)', 'Infinity')
    .option('--from <point>', 'start at a point')
    .option('--to <point>', 'stop at a point')
    .option('--step <step>', 'minute (default) or event', 'minute')
    .option('--json', 'NDJSON frames')
    .option(...LENIENT_OPTION)
    .option(...STORE_OPTION)
    .action((ref: string, opts: ReplayCliOptions) => cli.run(() => replayCommand(cli.io, ref, opts)));
}
