/** Stream file bytes to events: NDJSON lines, each schema-checked; the first damaged line stops it. */
import { checkEvent, type MatchEvent, type Problem } from '../../events/index.js';

export interface ParsedChunk {
  readonly events: MatchEvent[];
  /** Bytes of the chunk that hold complete, valid events (and blank lines). */
  readonly goodBytes: number;
  /** Lines consumed (for the next chunk's line numbers). */
  readonly lines: number;
  readonly status: 'ok' | 'tornLine' | 'damaged';
  readonly problem?: Problem;
}

const NEWLINE = 0x0a;

/**
 * Parses `bytes` (a chunk starting at line `firstLine`, event index `firstIndex`). `committed`: the
 * chunk ends at a committed boundary, so a last line without a newline is a whole event (a hand-made
 * file without a final newline). Otherwise such a line is valid or else torn by a crash.
 */
export function parseChunk(
  bytes: Buffer,
  file: string,
  firstLine: number,
  firstIndex: number,
  committed: boolean,
): ParsedChunk {
  const events: MatchEvent[] = [];
  let start = 0;
  let line = firstLine;
  while (start < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    const text = bytes.subarray(start, end).toString('utf8').trim();
    if (text !== '') {
      let problem: Problem | null = null;
      let value: unknown;
      try {
        value = JSON.parse(text);
        problem = checkEvent(value, firstIndex + events.length);
      } catch (error) {
        problem = { code: 'PARSE_ERROR', message: `not valid JSON: ${(error as Error).message}` };
      }
      if (problem && newline === -1 && !committed) {
        return { events, goodBytes: start, lines: line - firstLine, status: 'tornLine' };
      }
      if (problem) {
        return {
          events,
          goodBytes: start,
          lines: line - firstLine,
          status: 'damaged',
          problem: {
            ...problem,
            code: 'STREAM_CORRUPT',
            message: `damaged line (${problem.code}): ${problem.message}`,
            file,
            line,
          },
        };
      }
      events.push(value as MatchEvent);
    }
    if (newline === -1) return { events, goodBytes: bytes.length, lines: line - firstLine, status: 'ok' };
    start = newline + 1;
    line++;
  }
  return { events, goodBytes: bytes.length, lines: line - firstLine, status: 'ok' };
}
