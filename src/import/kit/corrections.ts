/**
 * Feed corrections as events. A newer snapshot of a match is compared with the stream already
 * stored, by provider id: a deleted record becomes eventRetracted of the original id, a changed
 * goal, card, change or action becomes eventAmended, a record not seen before is appended, and an
 * unchanged one is left alone. Re-importing the same snapshot appends nothing.
 */
import type { MatchEvent } from '../../events/index.js';
import type { Problem } from '../../events/errors.js';

/** What a correction may change, per event type (the engine's R-COR rules decide the rest). */
const PATCHABLE: Partial<Record<MatchEvent['type'], readonly string[]>> = {
  goal: ['team', 'scorer', 'scorerTeam', 'assist', 'penalty', 'ownGoal', 'at'],
  booking: ['card', 'player', 'at'],
  substitution: ['playerOff', 'playerOn', 'at'],
  action: ['player', 'at'],
};

export interface SnapshotChanges {
  /** Events to append to the stored stream, in order. */
  readonly append: MatchEvent[];
  readonly warnings: Problem[];
}

const sourceKey = (e: MatchEvent) => (e.source ? `${e.source.provider}|${e.source.id}` : undefined);

/**
 * The events that turn `stored` into `next`. `deleted` lists provider ids the newer snapshot marks
 * as deleted (Opta type 43, DataFactory deletedIncidences).
 */
export function changesSince(
  stored: readonly MatchEvent[],
  next: readonly MatchEvent[],
  deleted: readonly { provider: string; id: string }[] = [],
): SnapshotChanges {
  const bySource = new Map<string, MatchEvent>();
  const ids = new Set<string>();
  const retracted = new Set<string>();
  for (const e of stored) {
    ids.add(e.id);
    const key = sourceKey(e);
    if (key && !bySource.has(key)) bySource.set(key, e);
    if (e.type === 'eventRetracted') retracted.add(e.target);
  }
  const finished = stored.some((e) => e.type === 'matchEnded');
  const append: MatchEvent[] = [];
  const warnings: Problem[] = [];
  for (const d of deleted) {
    const original = bySource.get(`${d.provider}|${d.id}`);
    if (!original || retracted.has(original.id)) continue;
    append.push({
      id: uniqueId(`${original.id}-deleted`, ids),
      type: 'eventRetracted',
      ...(original.at ? { at: original.at } : {}),
      target: original.id,
      reason: 'feedDeletion',
      source: { provider: d.provider, id: d.id },
    });
  }
  for (const e of next) {
    const key = sourceKey(e);
    const original = key ? bySource.get(key) : undefined;
    if (!original) {
      if (ids.has(e.id) || e.type === 'fixture' || e.type === 'lineups' || e.type === 'matchEnded') continue;
      if (finished && e.type !== 'resultRecorded') {
        warnings.push({
          code: 'IMPORT_NOTE',
          message: `${e.id} is new in this snapshot but lies before full time of the stored stream: import the snapshot into a new stream to include it`,
          eventId: e.id,
        });
        continue;
      }
      ids.add(e.id);
      append.push(e);
      continue;
    }
    if (retracted.has(original.id)) continue;
    const patch = differences(original, e);
    if (patch) {
      append.push({
        id: uniqueId(`${original.id}-v${e.source?.version ?? 'new'}`, ids),
        type: 'eventAmended',
        ...(original.at ? { at: original.at } : {}),
        target: original.id,
        patch,
        reason: 'feedCorrection',
        ...(e.source ? { source: e.source } : {}),
      });
    }
  }
  return { append, warnings };
}

function differences(a: MatchEvent, b: MatchEvent): Record<string, unknown> | null {
  if (a.type !== b.type) return null;
  const fields = PATCHABLE[a.type];
  if (!fields) return null;
  const patch: Record<string, unknown> = {};
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  for (const f of fields) {
    if (right[f] !== undefined && JSON.stringify(left[f]) !== JSON.stringify(right[f])) patch[f] = right[f];
  }
  return Object.keys(patch).length ? patch : null;
}

function uniqueId(base: string, ids: Set<string>): string {
  let id = base.slice(0, 120);
  for (let n = 2; ids.has(id); n++) id = `${base.slice(0, 120)}.${n}`;
  ids.add(id);
  return id;
}
