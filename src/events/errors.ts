/**
 * Errors are data: every problem has a stable `code`, where it happened (stream, event index and id,
 * JSON pointer, file line) and a human sentence. Strict mode throws a MatchlineError; lenient mode
 * collects the same records as warnings.
 */
export const ERROR_CODES = {
  // Reading and validating streams
  PARSE_ERROR: 'the file is not valid JSON or NDJSON',
  SCHEMA_INVALID: 'an event does not match its schema',
  UNKNOWN_EVENT_TYPE: 'an event type that is not in the catalogue',
  // Stream structure and time
  DUPLICATE_EVENT_ID: 'an event id used twice in one stream',
  MISSING_FIXTURE: 'the stream does not start with a fixture',
  DUPLICATE_FIXTURE: 'a second fixture or line-ups event',
  MISSING_LINEUPS: 'a player event before the line-ups',
  INVALID_LINEUPS: 'line-ups that repeat a player or field fewer than seven',
  EVENT_BEFORE_KICKOFF: 'an in-match event before the first kick-off',
  PERIOD_OUT_OF_ORDER: 'a period started or ended out of order',
  TIME_WENT_BACKWARDS: 'an instant earlier than the previous one in the same period',
  EVENT_AFTER_FULL_TIME: 'an in-match event after full time',
  EVENT_OUTSIDE_PERIOD: 'an in-match event while no period is being played',
  EXTRA_TIME_NOT_ALLOWED: 'extra time that the rules preset does not allow',
  SHOOTOUT_NOT_ALLOWED: 'a shoot-out that the rules preset or the score does not allow',
  MATCH_NOT_LEVEL: 'extra time or kicks while the match is decided',
  // Players
  PLAYER_NOT_IN_LINEUP: 'a player who is not on the team sheet',
  PLAYER_NOT_ON_PITCH: 'a player who is not on the pitch',
  PLAYER_ALREADY_ON_PITCH: 'a substitute who is already on the pitch',
  PLAYER_ALREADY_SUBSTITUTED: 'a substituted player returning',
  PLAYER_SENT_OFF: 'a sent-off player acting or being replaced',
  SUBSTITUTION_LIMIT: 'more substitutions than the rules allow',
  OPPORTUNITY_LIMIT: 'more substitution opportunities than the rules allow',
  CONCUSSION_SUB_NOT_ALLOWED: 'a concussion or additional substitute the rules do not allow',
  BOOKING_TARGET: 'a booking that names neither or both of a player and an official',
  GOAL_INCONSISTENT: 'a goal whose own-goal flag and teams disagree',
  TOO_FEW_PLAYERS: 'play continuing with fewer than seven players',
  // Shoot-out
  SHOOTOUT_ORDER: 'a kick taken out of turn',
  SHOOTOUT_DECIDED: 'a kick after the shoot-out was decided',
  SHOOTOUT_INELIGIBLE: 'a kicker who was not on the pitch at the end of play, or kicks twice too soon',
  // Corrections
  UNKNOWN_TARGET: 'a correction of an event id that does not exist',
  CORRECTION_NOT_ALLOWED: 'a correction of an event that cannot be corrected that way',
  // Results
  RESULT_CONFLICT: 'a recorded or awarded result that conflicts with the stream',
  // Competitions
  TIE_INVALID: 'legs that do not form a tie under the rules version',
  UNKNOWN_RULES: 'a competition season no rule set covers, or an unknown rule set name',
  UNKNOWN_TEAM: 'a team name the team directory does not know',
  DECISION_INVALID: 'a competition decision that lacks what its kind needs or names no known match',
  // Event store
  WRONG_EXPECTED_VERSION: 'an append whose expected version does not match the stream',
  STREAM_NOT_FOUND: 'a stream that does not exist',
  INVALID_STREAM_ID: 'a stream id that is not a safe file name',
  STREAM_CORRUPT: 'a stored stream with a damaged line',
  EVENT_TOO_LARGE: 'an event larger than the store accepts',
  STORE_LOCKED: 'a stream locked by another writer for too long',
  STORE_IO:
    'a file operation of the store failed (disk full, read-only, not a regular file, a link), or its PostgreSQL server or connection did',
  // Importers
  IMPORT_NOTE: 'something an importer had to guess or leave out',
  PROVIDER_FORMAT: 'a provider file that does not have the shape its importer reads',
  FEED_CONTRADICTION: 'a provider feed that contradicts itself (events against its own match sheet)',
  // Files and CLI
  FILE_NOT_FOUND: 'a file that does not exist or cannot be read',
  NO_STREAMS: 'a path or folder that holds no stream files',
  OUTPUT_EXISTS: 'an output file that already exists (--force replaces it)',
  USAGE: 'a command used the wrong way',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly index?: number;
  readonly eventId?: string;
  /** JSON pointer of the offending field inside the event. */
  readonly pointer?: string;
  readonly file?: string;
  readonly line?: number;
  /** The operating system's error code (ENOSPC, EROFS…) when a file operation failed. */
  readonly errno?: string;
}

/** A typed error; check it with `isMatchlineError(e)` or by its `code`, not with instanceof. */
export class MatchlineError extends Error implements Problem {
  override readonly name = 'MatchlineError';
  readonly code: ErrorCode;
  readonly index?: number;
  readonly eventId?: string;
  readonly pointer?: string;
  readonly file?: string;
  readonly line?: number;
  readonly errno?: string;
  /** All problems when several were found (e.g. a whole file); the first is this error itself. */
  readonly problems: readonly Problem[];
  /** The human sentence alone; `message` is the formatted line with file, event and code. */
  readonly sentence: string;

  constructor(problem: Problem, problems?: readonly Problem[]) {
    super(formatProblem(problem));
    this.sentence = problem.message;
    this.code = problem.code;
    if (problem.index !== undefined) this.index = problem.index;
    if (problem.eventId !== undefined) this.eventId = problem.eventId;
    if (problem.pointer !== undefined) this.pointer = problem.pointer;
    if (problem.file !== undefined) this.file = problem.file;
    if (problem.line !== undefined) this.line = problem.line;
    if (problem.errno !== undefined) this.errno = problem.errno;
    this.problems = problems ?? [problem];
  }

  toJSON(): Problem {
    return toProblem(this);
  }
}

export function isMatchlineError(value: unknown): value is MatchlineError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'MatchlineError' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

/** A problem as data. From an error, the message is its sentence, so formatting it again adds nothing twice. */
export function toProblem(p: Problem): Problem {
  const message = p instanceof MatchlineError ? p.sentence : p.message;
  const out: { -readonly [K in keyof Problem]: Problem[K] } = { code: p.code, message };
  if (p.file !== undefined) out.file = p.file;
  if (p.line !== undefined) out.line = p.line;
  if (p.index !== undefined) out.index = p.index;
  if (p.eventId !== undefined) out.eventId = p.eventId;
  if (p.pointer !== undefined) out.pointer = p.pointer;
  if (p.errno !== undefined) out.errno = p.errno;
  return out;
}

/** One line: "file:line: event #12 (id g3) /scorer: CODE: sentence". */
export function formatProblem(p: Problem): string {
  const where: string[] = [];
  if (p.file !== undefined) where.push(p.line !== undefined ? `${p.file}:${p.line}` : p.file);
  if (p.index !== undefined) where.push(`event #${p.index}${p.eventId !== undefined ? ` (id ${p.eventId})` : ''}`);
  else if (p.eventId !== undefined) where.push(`event ${p.eventId}`);
  if (p.pointer) where.push(p.pointer);
  return `${where.length ? where.join(' ') + ': ' : ''}${p.code}: ${p.message}`;
}
