/**
 * Deep freeze for states leaving `fold`: a plain recursive Object.freeze, with Maps and Sets locked
 * the way immer locks them (their mutators throw). Measured faster than immer's generic `freeze`,
 * which checks drafts and archetypes at every node (see docs/benchmarks.md).
 */
function refuse(): never {
  throw new TypeError('matchline states are frozen: use evolve or fold to get a new state');
}

export function deepFreeze<T>(value: T): T {
  freezeNode(value);
  return value;
}

function freezeNode(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  if (value instanceof Map) {
    for (const item of value.values()) freezeNode(item);
    const map = value as unknown as Record<string, unknown>;
    map.set = map.clear = map.delete = refuse;
    Object.freeze(value);
    return;
  }
  if (value instanceof Set) {
    const set = value as unknown as Record<string, unknown>;
    set.add = set.clear = set.delete = refuse;
    Object.freeze(value);
    return;
  }
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) freezeNode(value[i]);
    return;
  }
  for (const key in value) freezeNode((value as Record<string, unknown>)[key]);
}
