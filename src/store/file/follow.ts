/**
 * Following a store across processes: catch up, CAUGHT_UP, then pull again whenever something may
 * have changed: an append through this instance (awaited, so a subscriber of the same instance has
the events when `append` resolves), a file-system notification under the store folder
 * (another process), or, as the fallback where notifications do not arrive, a timer. Items are
 * emitted once each, in key order (a global position or a stream version), so nothing is doubled,
 * and each pull starts after the last key emitted, so nothing is skipped.
 */
import { Observable } from 'rxjs';
import { CAUGHT_UP, type CaughtUp } from '../../events/index.js';

export interface FollowOptions<T> {
  /** Everything stored after key `last`, in key order. */
  readonly pull: (last: number) => Promise<readonly T[]>;
  readonly keyOf: (item: T) => number;
  readonly after: number;
  /** Registers a live pull that the store awaits after each of its own appends; returns the removal. */
  readonly register: (pullNow: () => Promise<void>) => () => void;
  readonly pollMs: number;
  /** Starts notifications; `retry` is called on every poll (a folder that did not exist yet). */
  readonly watch: (onChange: () => void) => { retry(): void; stop(): void };
}

export function follow<T>(options: FollowOptions<T>): Observable<T | CaughtUp> {
  return new Observable<T | CaughtUp>((subscriber) => {
    let last = options.after;
    let stopped = false;
    let running: Promise<void> | null = null;
    let queued: Promise<void> | null = null;
    const pullOnce = async (): Promise<void> => {
      try {
        for (const item of await options.pull(last)) {
          if (stopped) return;
          const key = options.keyOf(item);
          if (key <= last) continue;
          last = key;
          subscriber.next(item);
        }
      } catch (error) {
        if (!stopped) subscriber.error(error);
        stopped = true;
      }
    };
    /** Resolves after a pull that started after this call: a change mid-pull is pulled once more. */
    const pull = (): Promise<void> => {
      if (stopped) return Promise.resolve();
      if (queued) return queued;
      if (running) {
        queued = running.then(() => {
          queued = null;
          return pull();
        });
        return queued;
      }
      running = pullOnce().finally(() => {
        running = null;
      });
      return running;
    };
    const cleanups: (() => void)[] = [];
    void (async () => {
      await pull();
      if (stopped) return;
      subscriber.next(CAUGHT_UP);
      const unregister = options.register(pull);
      const watcher = options.watch(() => void pull());
      const timer = setInterval(() => {
        watcher.retry();
        void pull();
      }, options.pollMs);
      cleanups.push(
        unregister,
        () => watcher.stop(),
        () => clearInterval(timer),
      );
      if (stopped) cleanups.forEach((c) => c());
      else void pull(); // whatever came between the catch-up and the watch
    })();
    return () => {
      stopped = true;
      cleanups.forEach((c) => c());
    };
  });
}
