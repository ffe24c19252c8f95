/**
 * Reading streams from text: NDJSON (one event per line) or a JSON array. Parse errors carry the line.
 * Pure: callers read files themselves and pass the text and a name for messages.
 */
import { MatchlineError, type Problem } from './errors.js';
import { checkEvent } from './validate.js';
import type { MatchEvent } from './types.js';

export interface ParsedLine {
  readonly value: unknown;
  /** 1-based line number in the source text. */
  readonly line: number;
}

export interface ParseResult {
  readonly items: readonly ParsedLine[];
  readonly problems: readonly Problem[];
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function jsonErrorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return lineOfOffset(text, Number(position[1]));
  return undefined;
}

function cleanJsonMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '');
}

/** Splits text into JSON values with line numbers, without judging their shape. */
export function parseJsonLines(text: string, file?: string): ParseResult {
  const fileField = file === undefined ? {} : { file };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!Array.isArray(parsed)) throw new Error('expected a JSON array of events');
      // A JSON array has no per-event lines worth reporting; point at the event index instead.
      return { items: (parsed as unknown[]).map((value) => ({ value, line: 0 })), problems: [] };
    } catch (error) {
      const line = jsonErrorLine(text, error);
      return {
        items: [],
        problems: [
          {
            ...fileField,
            ...(line === undefined ? {} : { line }),
            code: 'PARSE_ERROR',
            message: `not valid JSON: ${cleanJsonMessage(error)}`,
          },
        ],
      };
    }
  }
  const items: ParsedLine[] = [];
  const problems: Problem[] = [];
  eachNdjsonValue(text, file, (value, line) => items.push({ value, line }), problems);
  return { items, problems };
}

/**
 * One NDJSON line: its JSON value, a PARSE_ERROR problem, or null for a blank line. Shared by the text
 * walker below and the Node file reader (`matchline/node`), so both judge a line the same way.
 */
export function parseNdjsonLine(
  raw: string,
  line: number,
  file?: string,
): { readonly value: unknown } | { readonly problem: Problem } | null {
  if (raw.trim() === '') return null;
  try {
    return { value: JSON.parse(raw) as unknown };
  } catch (error) {
    return {
      problem: {
        ...(file === undefined ? {} : { file }),
        line,
        code: 'PARSE_ERROR',
        message: `not valid JSON: ${cleanJsonMessage(error)}`,
      },
    };
  }
}

/**
 * Walks NDJSON once: each parsed value with its 1-based line goes to `visit`, each line that is not
 * JSON becomes a PARSE_ERROR in `problems`. No array of lines, no record per line.
 */
function eachNdjsonValue(
  text: string,
  file: string | undefined,
  visit: (value: unknown, line: number) => void,
  problems: Problem[],
): void {
  let line = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    const parsed = parseNdjsonLine(text.slice(start, end), line, file);
    start = end + 1;
    if (parsed === null) continue;
    if ('problem' in parsed) problems.push(parsed.problem);
    else visit(parsed.value, line);
  }
}

export interface ReadStreamResult {
  readonly events: readonly MatchEvent[];
  readonly problems: readonly Problem[];
}

/** Parses and schema-validates a stream. Every problem names the file, line, event index and id. */
export function readStreamText(text: string, file?: string): ReadStreamResult {
  const problems: Problem[] = [];
  const events: MatchEvent[] = [];
  const located = (problem: Problem, line: number): Problem => ({
    ...problem,
    ...(file === undefined ? {} : { file }),
    ...(line ? { line } : {}),
  });
  const check = (value: unknown, line: number, index: number): void => {
    const problem = checkEvent(value, index);
    if (problem) problems.push(located(problem, line));
    else events.push(value as MatchEvent);
  };
  if (text.trimStart().startsWith('[')) {
    const { items, problems: parseProblems } = parseJsonLines(text, file);
    problems.push(...parseProblems);
    items.forEach((item, i) => check(item.value, item.line, i));
  } else {
    // NDJSON, the stored format: validated as it is parsed (parsing dominates reading a season).
    let index = 0;
    eachNdjsonValue(text, file, (value, line) => check(value, line, index++), problems);
  }
  return { events, problems };
}

/** Like readStreamText but throws a MatchlineError (carrying all problems) when anything is wrong. */
export function parseStream(text: string, file?: string): MatchEvent[] {
  const { events, problems } = readStreamText(text, file);
  if (problems.length > 0) throw new MatchlineError(problems[0]!, problems);
  return events as MatchEvent[];
}

/** Serialises a stream as NDJSON (one event per line, trailing newline). */
export function toNdjson(events: readonly MatchEvent[]): string {
  let out = '';
  for (const event of events) out += JSON.stringify(event) + '\n';
  return out;
}
