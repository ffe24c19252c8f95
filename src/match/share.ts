/**
 * Structural sharing without immer: a frozen copy of a mutable working state that reuses every part
 * of the previous frozen snapshot that is still equal. Replay uses it to turn one fast mutable fold
 * into per-minute frames that share what did not change (immer per event cost 3 ms a match here).
 * Frozen values (events, earlier snapshots) are shared as they are.
 */
function refuse(): never {
  throw new TypeError('matchline states are frozen: use evolve or fold to get a new state');
}

function lock<T extends object>(collection: T): T {
  const c = collection as unknown as Record<string, unknown>;
  if (collection instanceof Map) c.set = c.clear = c.delete = refuse;
  else c.add = c.clear = c.delete = refuse;
  return Object.freeze(collection);
}

export function shareFrozen<T>(working: T, previous: T | undefined): T {
  return share(working, previous) as T;
}

/** Deep equality of a working value with a frozen previous one; frozen values compare by identity. */
function equal(w: unknown, p: unknown): boolean {
  if (w === p) return true;
  if (typeof w !== 'object' || w === null || typeof p !== 'object' || p === null || Object.isFrozen(w))
    return false;
  if (w instanceof Map) {
    if (!(p instanceof Map) || p.size !== w.size) return false;
    for (const [k, v] of w as Map<unknown, unknown>)
      if (!equal(v, (p as Map<unknown, unknown>).get(k))) return false;
    return true;
  }
  if (w instanceof Set) {
    if (!(p instanceof Set) || p.size !== w.size) return false;
    for (const v of w as Set<unknown>) if (!(p as Set<unknown>).has(v)) return false;
    return true;
  }
  if (Array.isArray(w)) {
    if (!Array.isArray(p) || p.length !== w.length) return false;
    for (let i = 0; i < w.length; i++) if (!equal(w[i], p[i])) return false;
    return true;
  }
  if (Array.isArray(p) || p instanceof Map || p instanceof Set) return false;
  const src = w as Record<string, unknown>;
  const prev = p as Record<string, unknown>;
  let count = 0;
  for (const key in src) {
    count++;
    if (!equal(src[key], prev[key])) return false;
  }
  return count === Object.keys(prev).length;
}

function share(w: unknown, p: unknown): unknown {
  if (w === p || typeof w !== 'object' || w === null || Object.isFrozen(w)) return w;
  // Unchanged parts cost one comparison and no allocation.
  if (p !== undefined && equal(w, p)) return p;
  if (w instanceof Map) {
    const prev = p instanceof Map ? (p as Map<unknown, unknown>) : undefined;
    const out = new Map<unknown, unknown>();
    for (const [k, v] of w as Map<unknown, unknown>) out.set(k, share(v, prev?.get(k)));
    return lock(out);
  }
  if (w instanceof Set) return lock(new Set(w as Set<unknown>));
  if (Array.isArray(w)) {
    const prev = Array.isArray(p) ? (p as unknown[]) : undefined;
    const out = new Array<unknown>(w.length);
    for (let i = 0; i < w.length; i++) out[i] = share(w[i], prev?.[i]);
    return Object.freeze(out);
  }
  const prev = typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : undefined;
  const src = w as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in src) out[key] = share(src[key], prev?.[key]);
  return Object.freeze(out);
}
