/**
 * HTTP plumbing shared by the routes: every error a JSON body with a code, write tokens compared in
 * constant time, and a token bucket per stream for the event rate of writes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { MatchlineError, toProblem } from '../events/index.js';

export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly problems?: readonly unknown[] };
}

/** An error meant for the client: a status, a code and a sentence. */
export class HttpError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const STATUS_BY_CODE: Record<string, HttpStatus> = {
  WRONG_EXPECTED_VERSION: 409,
  STREAM_NOT_FOUND: 404,
  INVALID_STREAM_ID: 400,
  USAGE: 400,
  STORE_LOCKED: 503,
  STORE_IO: 500,
  STREAM_CORRUPT: 500,
};

/** The status and JSON body for anything a handler threw; internals never reach the client. */
export function errorResponse(error: unknown): {
  status: HttpStatus;
  body: ErrorBody;
  headers: Record<string, string>;
} {
  if (error instanceof HttpError)
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message } },
      headers: error.headers,
    };
  if (error instanceof MatchlineError) {
    const status = STATUS_BY_CODE[error.code] ?? 422;
    // A store fault names server files: the client gets the code, the operator's log the rest.
    if (status === 500)
      return {
        status,
        body: { error: { code: error.code, message: 'the store could not serve this stream' } },
        headers: {},
      };
    const problems = error.problems.map(toProblem);
    return {
      // A broken rule or schema: the request was understood and refused (nothing was written).
      status,
      body: { error: { code: error.code, message: error.sentence, problems } },
      headers: {},
    };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'internal server error' } },
    headers: {},
  };
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Compares a presented token with the expected one in time independent of where they differ. */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  // Equal-length digests: timingSafeEqual needs equal lengths, and the length leaks nothing.
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Reads `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** A token bucket: `rate` events a second, bursts up to `burst`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes `count` tokens for `key`, or returns the seconds to wait. */
  take(key: string, count: number): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (count > this.burst) return Number.POSITIVE_INFINITY;
    if (bucket.tokens >= count) {
      bucket.tokens -= count;
      return 0;
    }
    return Math.ceil((count - bucket.tokens) / this.rate);
  }
}
