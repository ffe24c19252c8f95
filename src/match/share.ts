/**
 * Structural sharing without immer: a frozen copy of a mutable working state that reuses every part
 * of the previous frozen snapshot that is still equal. Replay uses it to turn one fast mutable fold
 * into per-minute frames that share what did not change (immer per event cost 3 ms a match here).
 * Frozen values (events, earlier snapshots) are shared as they are.
 */
import type { Instant } from '../time/index.js';
import type { MatchEvent } from '../events/index.js';
import type { CardRecord, MatchState, PlayerState, Score, Spell, TeamState } from './state.js';
import { deepFreeze, lock } from './freeze.js';

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

const freeze = Object.freeze;

/** Field by field and monomorphic: a loop over keys made keyed loads the cost of a replay here. */
function samePlayer(w: PlayerState, p: PlayerState): boolean {
  return (
    w.status === p.status &&
    w.goals === p.goals &&
    w.assists === p.assists &&
    w.ownGoals === p.ownGoals &&
    w.penaltyGoals === p.penaltyGoals &&
    w.penaltiesMissed === p.penaltiesMissed &&
    w.yellowsInPlay === p.yellowsInPlay &&
    w.concussed === p.concussed &&
    w.id === p.id &&
    w.name === p.name &&
    w.shirt === p.shirt &&
    w.team === p.team &&
    w.starter === p.starter &&
    w.official === p.official &&
    (w.spells === p.spells || sameSpells(w.spells, p.spells)) &&
    (w.cards === p.cards || sameCards(w.cards, p.cards))
  );
}

function sameSpells(w: readonly Spell[], p: readonly Spell[]): boolean {
  if (w.length !== p.length) return false;
  for (let i = 0; i < w.length; i++) {
    const a = w[i]!;
    const b = p[i]!;
    if (
      a !== b &&
      !(
        sameInstant(a.from, b.from) &&
        sameInstant(a.to, b.to) &&
        a.fromInterval === b.fromInterval &&
        a.toInterval === b.toInterval &&
        a.ended === b.ended
      )
    )
      return false;
  }
  return true;
}

function sameCards(w: readonly CardRecord[], p: readonly CardRecord[]): boolean {
  if (w.length !== p.length) return false;
  for (let i = 0; i < w.length; i++) {
    const a = w[i]!;
    const b = p[i]!;
    if (
      a !== b &&
      !(
        a.eventId === b.eventId &&
        a.card === b.card &&
        a.rescinded === b.rescinded &&
        a.derivedSecondYellow === b.derivedSecondYellow &&
        a.minute === b.minute &&
        sameInstant(a.at, b.at)
      )
    )
      return false;
  }
  return true;
}
type ComparedSpellField = 'from' | 'to' | 'fromInterval' | 'toInterval' | 'ended';
type ComparedCardField = 'eventId' | 'card' | 'rescinded' | 'derivedSecondYellow' | 'minute' | 'at';
const everySpellAndCardFieldCompared: [
  Exclude<keyof Spell, ComparedSpellField>,
  Exclude<keyof CardRecord, ComparedCardField>,
] extends [never, never]
  ? true
  : never = true;
void everySpellAndCardFieldCompared;
/** Fails to compile when PlayerState gains a field that samePlayer does not compare. */
type ComparedPlayerField =
  | 'status'
  | 'goals'
  | 'assists'
  | 'ownGoals'
  | 'penaltyGoals'
  | 'penaltiesMissed'
  | 'yellowsInPlay'
  | 'concussed'
  | 'id'
  | 'name'
  | 'shirt'
  | 'team'
  | 'starter'
  | 'official'
  | 'spells'
  | 'cards';
const everyPlayerFieldCompared: Exclude<keyof PlayerState, ComparedPlayerField> extends never ? true : never =
  true;
void everyPlayerFieldCompared;

function sameInstant(w: Instant | null, p: Instant | null): boolean {
  return w === p || (w !== null && p !== null && w.period === p.period && w.ms === p.ms);
}

function sameScore(w: Score | null, p: Score | null): boolean {
  return w === p || (w !== null && p !== null && w.home === p.home && w.away === p.away);
}

function sameNumbers(w: ReadonlyMap<number, number>, p: ReadonlyMap<number, number>): boolean {
  if (w.size !== p.size) return false;
  for (const [k, v] of w) if (p.get(k) !== v) return false;
  return true;
}

/** A frozen prefix of an append-only working array, copied on first read (then kept). */
function arrayView<T>(backing: readonly T[], n: number): () => T[] {
  let view: T[] | undefined;
  return () => (view ??= freeze(backing.slice(0, n)) as T[]);
}

/** The first `n` entries of a Map that only grows at its end (the id index), copied on first read. */
function mapView<K, V>(backing: ReadonlyMap<K, V>, n: number): () => Map<K, V> {
  let view: Map<K, V> | undefined;
  return () => {
    if (view) return view;
    const out = new Map<K, V>();
    if (n > 0)
      for (const [k, v] of backing) {
        out.set(k, v);
        if (out.size === n) break;
      }
    return (view = lock(out));
  };
}

/** Freezes in place what was pushed to a working array since the last snapshot: only what is new. */
class Frozen<T> {
  private backing: readonly T[] | undefined;
  private upTo = 0;
  private view: (() => T[]) | undefined;

  constructor(private readonly freezeOne: (item: T) => void) {}

  /** A view of `backing` as it is now; the same view while it has not grown. */
  of(backing: readonly T[]): () => T[] {
    if (backing !== this.backing) {
      this.backing = backing;
      this.upTo = 0;
    } else if (this.upTo === backing.length && this.view) return this.view;
    for (let i = this.upTo; i < backing.length; i++) this.freezeOne(backing[i]!);
    this.upTo = backing.length;
    return (this.view = arrayView(backing, backing.length));
  }
}

/**
 * Frozen snapshots of one working state as a fold advances, written for the state's shape. The
 * append-only parts (log, timeline, warnings, id index) are not copied: a snapshot reads them as
 * frozen prefixes of the working arrays, copied only when a reader first asks for them, so a
 * snapshot costs what changed, not the stream. Players are compared field by field. The generic
 * `shareFrozen` spent 70% of a replay comparing and collecting here.
 */
export class Snapshots {
  private previous: MatchState;
  /** The working containers the previous snapshot was taken from: while they are the same objects, they only grew. */
  private seen: Seen;
  private readonly log = new Frozen<MatchEvent>(deepFreeze);
  private readonly timeline = new Frozen<MatchState['timeline'][number]>(deepFreeze);
  private readonly warnings = new Frozen<MatchState['warnings'][number]>(deepFreeze);
  private ids: { backing: unknown; size: number; view: () => Map<string, number> } | undefined;

  constructor(initial: MatchState) {
    this.previous = initial;
    this.seen = seenOf(initial);
  }

  /** A frozen copy of `w`; events in its log are frozen in place if they are not yet. */
  take(w: MatchState): MatchState {
    const p = this.previous;
    const seen = this.seen;
    const log = this.log.of(w.log);
    const timeline = this.timeline.of(w.timeline);
    const warnings = this.warnings.of(w.warnings);
    const ids = w.eventIndex;
    if (!this.ids || this.ids.backing !== ids || this.ids.size !== ids.size)
      this.ids = { backing: ids, size: ids.size, view: mapView(ids, ids.size) };
    const eventIndex = this.ids.view;
    const next: MatchState = {
      version: w.version,
      fixture: w.fixture,
      rules: shareFrozen(w.rules, p.rules),
      hasLineups: w.hasLineups,
      status: w.status,
      period: w.period,
      lastAt: sameInstant(w.lastAt, p.lastAt) ? p.lastAt : w.lastAt && freeze({ ...w.lastAt }),
      periodLengths: sameNumbers(w.periodLengths, p.periodLengths)
        ? p.periodLengths
        : lock(new Map(w.periodLengths)),
      addedTime: sameNumbers(w.addedTime, p.addedTime) ? p.addedTime : lock(new Map(w.addedTime)),
      score: sameScore(w.score, p.score) ? p.score : freeze({ ...w.score }),
      halfTime: sameScore(w.halfTime, p.halfTime) ? p.halfTime : w.halfTime && freeze({ ...w.halfTime }),
      afterNormalTime: sameScore(w.afterNormalTime, p.afterNormalTime)
        ? p.afterNormalTime
        : w.afterNormalTime && freeze({ ...w.afterNormalTime }),
      afterExtraTime: sameScore(w.afterExtraTime, p.afterExtraTime)
        ? p.afterExtraTime
        : w.afterExtraTime && freeze({ ...w.afterExtraTime }),
      shootout: shareFrozen(w.shootout, p.shootout),
      result: shareFrozen(w.result, p.result),
      goals: grown(w.goals, seen.goals, p.goals),
      missedPenalties: grown(w.missedPenalties, seen.missedPenalties, p.missedPenalties),
      players: this.players(w.players, p.players),
      teams:
        sameTeam(w.teams.home, p.teams.home) && sameTeam(w.teams.away, p.teams.away)
          ? p.teams
          : shareFrozen(w.teams, p.teams),
      mustAbandon: w.mustAbandon,
      get timeline() {
        return timeline();
      },
      get warnings() {
        return warnings();
      },
      rejected:
        w.rejected === seen.rejected && w.rejected.size === p.rejected.size
          ? p.rejected
          : shareFrozen(w.rejected, p.rejected),
      get eventIndex() {
        return eventIndex();
      },
      get log() {
        return log();
      },
      // Corrections are replaced whole when they change what counts; only rescissions grow in place.
      corrections:
        w.corrections === seen.corrections &&
        w.corrections.rescinded.size === p.corrections.rescinded.size &&
        w.corrections.retracted.size === p.corrections.retracted.size &&
        w.corrections.amended.size === p.corrections.amended.size
          ? p.corrections
          : shareFrozen(w.corrections, p.corrections),
    };
    this.seen = seenOf(w);
    this.previous = freeze(next);
    return this.previous;
  }
  private players(
    w: ReadonlyMap<string, PlayerState>,
    p: ReadonlyMap<string, PlayerState>,
  ): Map<string, PlayerState> {
    let same = w.size === p.size;
    if (same) {
      for (const [id, player] of w) {
        const before = p.get(id);
        if (!before || !samePlayer(player, before)) {
          same = false;
          break;
        }
      }
    }
    if (same) return p as Map<string, PlayerState>;
    const out = new Map<string, PlayerState>();
    for (const [id, player] of w) {
      const before = p.get(id);
      out.set(id, before && samePlayer(player, before) ? before : shareFrozen(player, before));
    }
    return lock(out);
  }
}

/** The working containers a snapshot was taken from. */
interface Seen {
  log: unknown;
  timeline: unknown;
  warnings: unknown;
  goals: unknown;
  missedPenalties: unknown;
  eventIndex: unknown;
  rejected: unknown;
  corrections: unknown;
}

function seenOf(w: MatchState): Seen {
  return {
    log: w.log,
    timeline: w.timeline,
    warnings: w.warnings,
    goals: w.goals,
    missedPenalties: w.missedPenalties,
    eventIndex: w.eventIndex,
    rejected: w.rejected,
    corrections: w.corrections,
  };
}

function sameTeam(w: TeamState, p: TeamState): boolean {
  return (
    w.subsUsed === p.subsUsed &&
    w.opportunitiesUsed === p.opportunitiesUsed &&
    w.onPitch === p.onPitch &&
    w.lastInPlayIndex === p.lastInPlayIndex &&
    w.concussionSubsUsed === p.concussionSubsUsed &&
    w.additionalSubsUsed === p.additionalSubsUsed &&
    w.additionalSubsAllowed === p.additionalSubsAllowed &&
    w.name === p.name &&
    w.id === p.id &&
    w.side === p.side &&
    (w.lastSub === p.lastSub ||
      (w.lastSub !== null &&
        p.lastSub !== null &&
        w.lastSub.index === p.lastSub.index &&
        w.lastSub.at === p.lastSub.at &&
        w.lastSub.opportunityId === p.lastSub.opportunityId))
  );
}
type ComparedTeamField =
  | 'subsUsed'
  | 'opportunitiesUsed'
  | 'onPitch'
  | 'lastInPlayIndex'
  | 'concussionSubsUsed'
  | 'additionalSubsUsed'
  | 'additionalSubsAllowed'
  | 'name'
  | 'id'
  | 'side'
  | 'lastSub';
const everyTeamFieldCompared: Exclude<keyof TeamState, ComparedTeamField> extends never ? true : never = true;
void everyTeamFieldCompared;

/** An append-only array: the previous frozen copy plus frozen copies of what was pushed since. */
function grown<T extends object>(working: T[], seenWorking: unknown, previous: T[]): T[] {
  if (working === seenWorking && working.length === previous.length) return previous;
  const from = working === seenWorking ? previous.length : 0;
  const out = from === 0 ? [] : previous.slice();
  for (let i = from; i < working.length; i++) out.push(shareFrozen(working[i]!, undefined));
  return freeze(out) as T[];
}
