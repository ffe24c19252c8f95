/** Helpers for the match-centre tests: a store folder of seed streams, a server, an SSE reader. */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileEventStore } from '../src/store/index.js';
import { startMatchCentre, type RunningMatchCentre, type ServeOptions } from '../src/serve/index.js';
import { ROOT } from './helpers.js';

/** A fresh store folder holding copies of seed streams (`events/<dir>/<file>.ndjson`), named by file. */
export function seedFolder(files: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'matchline-serve-'));
  for (const file of files) cpSync(join(ROOT, 'events', file), join(dir, file.split('/').at(-1)!));
  return dir;
}

export const GROUP_D = readdirSync(join(ROOT, 'events/ucl/2020-21'))
  // The seed articles' Group D: matchdays 1-4 (events/ also holds MD5 and MD6).
  .filter((f) => /^group-d-md[1-4]-/.test(f))
  .map((f) => `ucl/2020-21/${f}`);

export const LIV_RMA = 'ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';

export async function startOn(
  files: readonly string[],
  options: Partial<ServeOptions> = {},
): Promise<RunningMatchCentre & { folder: string }> {
  const folder = seedFolder(files);
  const store = await FileEventStore.open(folder);
  const centre = await startMatchCentre({ store, token: 'test-token', ...options });
  return Object.assign(centre, { folder });
}

export interface SseMessage {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
  readonly comment: boolean;
}

/** Reads a Server-Sent Events response as it arrives (a minimal parser of the wire format). */
export class SseReader {
  readonly messages: SseMessage[] = [];
  readonly status: Promise<number>;
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  ended = false;

  constructor(url: string, headers: Record<string, string> = {}) {
    const response = fetch(url, {
      headers: { Accept: 'text/event-stream', ...headers },
      signal: this.abort.signal,
    });
    this.status = response.then((r) => r.status);
    void response.then((r) => this.pump(r)).catch(() => this.finish());
  }

  private finish(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private async pump(response: Response): Promise<void> {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields: Record<string, string> = {};
        let comment = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comment = true;
          const colon = line.indexOf(':');
          if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
        }
        this.messages.push({
          event: fields.event ?? 'message',
          id: fields.id,
          data: fields.data ?? '',
          comment,
        });
      }
      this.notify();
    }
    this.finish();
  }

  /** Waits until a message satisfies `predicate` (or the stream ends, or `ms` pass). */
  async until(predicate: (m: SseMessage) => boolean, ms = 10_000): Promise<SseMessage> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      if (this.ended)
        throw new Error(`the stream ended without the message (${this.messages.length} received)`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such message within ${ms} ms (${this.messages.length} received)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  of(event: string): SseMessage[] {
    return this.messages.filter((m) => m.event === event);
  }

  json<T = Record<string, unknown>>(event: string): T[] {
    return this.of(event).map((m) => JSON.parse(m.data) as T);
  }

  close(): void {
    this.abort.abort();
  }
}

export async function post(
  url: string,
  body: unknown,
  token: string | null = 'test-token',
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}
