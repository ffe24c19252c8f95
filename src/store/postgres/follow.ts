/**
 * Following the store from any process: poll what is committed, with LISTEN/NOTIFY only as a wake-up
 * hint. A subscription works without notifications (behind a pooler that drops them it polls at
 * `pollIntervalMs`), survives a server restart by retrying with its own checkpoint, and so delivers
 * every event exactly once, in position order.
 */
import { Observable } from 'rxjs';
import type pg from 'pg';
import { CAUGHT_UP, isMatchlineError, type CaughtUp } from '../../events/index.js';
import { isConnectionFailure, storeIoError, type ServerRef } from './connection.js';

/** Resolves every waiter on a NOTIFY, or each waiter after its own timeout. */
export class Wakeup {
  private waiters = new Set<() => void>();
  /** Counts wake-ups, so a reader that was busy when one came does not then sleep through it. */
  generation = 0;
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private lastAttempt = 0;

  constructor(
    private readonly connect: () => pg.Client,
    private readonly channel: string,
  ) {}

  /** Connects the listener on first use; on a dropped connection it reconnects on the next wait. */
  private ensureListening(): void {
    if (this.closed || this.client || this.connecting) return;
    if (Date.now() - this.lastAttempt < 1000) return; // the server is away: do not hammer it
    this.lastAttempt = Date.now();
    const client = this.connect();
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    client.on('notification', () => this.wakeAll());
    this.connecting = client
      .connect()
      .then(() => client.query(`LISTEN ${this.channel}`))
      .then(() => {
        if (this.closed) void client.end();
        else this.client = client;
      })
      .catch(() => this.drop(client)) // no listener: polling still delivers
      .finally(() => {
        this.connecting = null;
      });
  }

  private drop(client: pg.Client): void {
    const wasListening = this.client === client;
    if (wasListening) this.client = null;
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    if (wasListening) this.wakeAll(); // notifications may have been missed: let everyone poll now
  }

  wakeAll(): void {
    this.generation++;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /** Waits for a wake-up after `since` (a generation read before the last poll) or `ms`. */
  wait(ms: number, since = this.generation): Promise<void> {
    this.ensureListening();
    if (this.generation !== since || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    await this.connecting;
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }
}

export interface FollowOptions<T> {
  readonly server: ServerRef;
  readonly wakeup: Wakeup;
  readonly pollIntervalMs: number;
  /** How long to keep retrying a lost server before the subscription errors with STORE_IO. */
  readonly retryForMs: number;
  /** Reads the next batch after the checkpoint; an empty or short batch means caught up. */
  readonly readAfter: (checkpoint: number) => Promise<{ items: T[]; caughtUp: boolean }>;
  readonly checkpointOf: (item: T) => number;
  readonly start: number;
  readonly isClosed: () => boolean;
}

export function follow<T>(options: FollowOptions<T>): Observable<T | CaughtUp> {
  return new Observable<T | CaughtUp>((subscriber) => {
    let stopped = false;
    const run = async () => {
      let checkpoint = options.start;
      let caughtUp = false;
      let failingSince: number | null = null;
      while (!stopped && !options.isClosed()) {
        let batch: { items: T[]; caughtUp: boolean };
        const generation = options.wakeup.generation;
        try {
          batch = await options.readAfter(checkpoint);
          failingSince = null;
        } catch (error) {
          if (stopped) return;
          if (!isMatchlineError(error) && isConnectionFailure(error)) {
            failingSince ??= Date.now();
            if (Date.now() - failingSince < options.retryForMs) {
              await options.wakeup.wait(Math.min(options.pollIntervalMs, 250));
              continue;
            }
            subscriber.error(storeIoError(options.server, error, 'following the store'));
          } else {
            subscriber.error(
              isMatchlineError(error) ? error : storeIoError(options.server, error, 'following the store'),
            );
          }
          return;
        }
        for (const item of batch.items) {
          if (stopped) return;
          subscriber.next(item);
          checkpoint = options.checkpointOf(item);
        }
        if (batch.caughtUp) {
          if (!caughtUp) {
            caughtUp = true;
            subscriber.next(CAUGHT_UP);
          }
          await options.wakeup.wait(options.pollIntervalMs, generation);
        }
      }
      if (!stopped) subscriber.complete();
    };
    void run();
    return () => {
      stopped = true;
    };
  });
}
