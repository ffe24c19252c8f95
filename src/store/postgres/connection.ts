/**
 * Talking about a PostgreSQL server without leaking its password, and turning driver failures into
 * typed errors. Every message the store produces names the server by `redactUrl`, and any driver text
 * is scrubbed of the password before it is shown.
 */
import { MatchlineError } from '../../events/index.js';

/** postgres://user:secret@host:5432/db -> postgres://user:***@host:5432/db (also in query parameters). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()])
      if (/pass/i.test(key)) parsed.searchParams.set(key, '***');
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable connection string)';
  }
}

/** The secrets of a connection string: its password, in plain and percent-decoded form. */
export function secretsOf(url: string): string[] {
  try {
    const parsed = new URL(url);
    const out = [parsed.password, decodeURIComponent(parsed.password)];
    for (const [key, value] of parsed.searchParams) if (/pass/i.test(key)) out.push(value);
    return out.filter((s) => s.length > 0);
  } catch {
    return [];
  }
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}

/** SQLSTATE classes and socket errors that mean "the server or the connection went away": retryable. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '53300', // too_many_connections
]);

export function isConnectionFailure(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (CONNECTION_CODES.has(code) || code.startsWith('08')) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable|Client was closed/i.test(
    message,
  );
}

export interface ServerRef {
  /** The connection string with its password replaced by ***. */
  readonly shown: string;
  readonly secrets: readonly string[];
}

/**
 * A typed error for a failure of the server or the connection. `committed` says what the caller may
 * assume about an append in flight: 'no' when it failed before COMMIT was sent, 'unknown' when the
 * connection dropped while COMMIT was on its way (retry with the same expected version or the same
 * `source` ids: a WRONG_EXPECTED_VERSION or an ignored count then shows it had been committed).
 */
export function storeIoError(
  server: ServerRef,
  error: unknown,
  doing: string,
  committed: 'no' | 'unknown' | 'n/a' = 'n/a',
): MatchlineError {
  const e = error as { code?: unknown; message?: unknown };
  const detail = scrub(
    `${typeof e?.message === 'string' ? e.message : String(error)}${typeof e?.code === 'string' ? ` [${e.code}]` : ''}`,
    server.secrets,
  );
  const outcome =
    committed === 'no'
      ? '; nothing was written, the append can be retried'
      : committed === 'unknown'
        ? '; the append may or may not have been committed: retry it with the same expected version or source ids'
        : '';
  return new MatchlineError({
    code: 'STORE_IO',
    message: `PostgreSQL at ${server.shown} failed while ${doing}: ${detail}${outcome}`,
  });
}
