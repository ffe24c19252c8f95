/** The marker a followed source emits once it has delivered everything stored so far. */
export const CAUGHT_UP = Object.freeze({ kind: 'caughtUp' as const });
export type CaughtUp = typeof CAUGHT_UP;

export function isCaughtUp(item: unknown): item is CaughtUp {
  return typeof item === 'object' && item !== null && (item as { kind?: unknown }).kind === 'caughtUp';
}
