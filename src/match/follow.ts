/**
 * A private, mutable fold that follows a stream event by event: what a store, `live` and replay
 * keep per stream. An event costs its recipe, not the stream: the log and the id index only grow,
 * a correction resumes from the checkpoint just before its target, a refused batch is rolled back,
 * and a frozen state is taken only when a reader asks (sharing the append-only parts).
 */
import type { MatchEvent } from '../events/index.js';
import type { History } from './context.js';
import { applyEvent, refold } from './apply.js';
import { copyBounded, createState, thaw, type MatchState, type Mode } from './state.js';
import { Snapshots } from './share.js';
import { deepFreeze } from './freeze.js';

/** The bounded parts of the state before event `version`, and how long its append-only arrays were. */
interface Checkpoint {
  readonly version: number;
  readonly state: MatchState;
  readonly timeline: number;
  readonly warnings: number;
  readonly goals: number;
  readonly missedPenalties: number;
}

/** Sparse checkpoints bound a correction's re-fold; dense ones also sit before every correctable event. */
const EVERY = 256;
const CORRECTABLE = new Set<MatchEvent['type']>([
  'goal',
  'booking',
  'substitution',
  'penaltyMissed',
  'shootoutKick',
  'addedTime',
  'varReviewStarted',
  'varReviewCompleted',
]);

function checkpointOf(s: MatchState): Checkpoint {
  return {
    version: s.version,
    state: copyBounded(s),
    timeline: s.timeline.length,
    warnings: s.warnings.length,
    goals: s.goals.length,
    missedPenalties: s.missedPenalties.length,
  };
}

interface Arrays {
  readonly timeline: MatchState['timeline'];
  readonly warnings: MatchState['warnings'];
  readonly goals: MatchState['goals'];
  readonly missedPenalties: MatchState['missedPenalties'];
}

/** A private state at a checkpoint: its bounded parts copied, new arrays holding the prefixes. */
function restore(cp: Checkpoint | undefined, arrays: Arrays, current: MatchState): MatchState {
  const fresh = cp ? copyBounded(cp.state) : createState();
  fresh.timeline = arrays.timeline.slice(0, cp?.timeline ?? 0);
  fresh.warnings = arrays.warnings.slice(0, cp?.warnings ?? 0);
  fresh.goals = arrays.goals.slice(0, cp?.goals ?? 0);
  fresh.missedPenalties = arrays.missedPenalties.slice(0, cp?.missedPenalties ?? 0);
  fresh.log = current.log;
  fresh.eventIndex = current.eventIndex;
  fresh.corrections.retracted = current.corrections.retracted;
  fresh.corrections.amended = current.corrections.amended;
  return fresh;
}

export interface FollowOptions {
  readonly mode?: Mode;
  /** A checkpoint before every correctable event, so a live correction re-folds from its target. */
  readonly dense?: boolean;
}

export class Follower implements History {
  private readonly w: MatchState;
  readonly mode: Mode;
  private readonly dense: boolean;
  /** In version order; the empty state is the implicit checkpoint at version 0. */
  private checkpoints: Checkpoint[] = [];
  private last = 0;
  /** Checkpoints taken by a re-fold in progress, and the version it resumed from. */
  private pending: Checkpoint[] = [];
  private pendingLast = 0;
  private undos: (() => void)[] = [];
  private readonly ctx: { mode: Mode; index: number; refolding: boolean; history: History };
  private snapshots: Snapshots | undefined;
  private taken: MatchState | undefined;

  constructor(options: FollowOptions = {}, from?: MatchState) {
    this.mode = options.mode ?? 'strict';
    this.dense = options.dense ?? false;
    this.w = from ? thaw(from) : createState();
    // Snapshots share what did not change with a frozen state resumed from (a mutable one is not shared).
    if (from && Object.isFrozen(from)) this.snapshots = new Snapshots(from);
    this.ctx = { mode: this.mode, index: 0, refolding: false, history: this };
  }

  /** The working state: read it, never keep it (it changes with the next event). */
  get state(): MatchState {
    return this.w;
  }

  get version(): number {
    return this.w.version;
  }

  /**
   * Folds a batch. A MatchlineError in strict mode leaves the state as it was before the batch and
   * is rethrown. Returns how to undo the batch (valid until the next one), for a write that fails.
   */
  apply(events: readonly MatchEvent[]): () => void {
    const w = this.w;
    const start = w.version;
    const mark = {
      checkpoints: this.checkpoints,
      count: this.checkpoints.length,
      last: this.last,
      arrays: {
        timeline: w.timeline,
        warnings: w.warnings,
        goals: w.goals,
        missedPenalties: w.missedPenalties,
      },
      rejected: w.rejected,
      undos: (this.undos = []),
    };
    const undo = () => this.rollback(start, events, mark);
    try {
      this.run(events);
    } catch (error) {
      undo();
      throw error;
    }
    return undo;
  }

  /** Folds a batch that is never rolled back (a fold's own, thrown away on error). */
  run(events: readonly MatchEvent[]): void {
    const w = this.w;
    const ctx = this.ctx;
    const dense = this.dense;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const version = w.version;
      if (version - this.last >= EVERY || (dense && version > this.last && CORRECTABLE.has(event.type))) {
        this.checkpoints.push(checkpointOf(w));
        this.last = version;
      }
      ctx.index = version;
      applyEvent(w, event, ctx);
    }
  }

  /** A deeply frozen state now, sharing what has not changed with the previous one taken. */
  snapshot(): MatchState {
    this.snapshots ??= new Snapshots(deepFreeze(createState()));
    return (this.taken = this.snapshots.take(this.w));
  }

  /** The last snapshot taken, while the state has not changed since (a refused batch changes nothing). */
  get head(): MatchState | undefined {
    return this.taken !== undefined && this.taken.version === this.w.version ? this.taken : undefined;
  }

  private latest(index: number): Checkpoint | undefined {
    const cps = this.checkpoints;
    let lo = 0;
    let hi = cps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cps[mid]!.version <= index) lo = mid + 1;
      else hi = mid;
    }
    return cps[lo - 1];
  }

  resume(draft: MatchState, index: number): MatchState {
    const fresh = restore(this.latest(index), draft, draft);
    fresh.rejected = new Map(draft.rejected);
    this.pending = [];
    this.pendingLast = fresh.version;
    return fresh;
  }

  reached(fresh: MatchState, index: number, type: MatchEvent['type']): void {
    const last = this.pendingLast;
    if (index - last >= EVERY || (this.dense && index > last && CORRECTABLE.has(type))) {
      this.pending.push(checkpointOf(fresh));
      this.pendingLast = index;
    }
  }

  commit(from: number): void {
    // A new array: a rolled-back batch goes back to the list it started with.
    const kept = this.checkpoints.filter((cp) => cp.version <= from);
    this.checkpoints = kept.concat(this.pending);
    this.last = this.checkpoints.at(-1)?.version ?? 0;
    this.pending = [];
  }

  discard(): void {
    this.pending = [];
  }

  forget(index: number): void {
    if (this.last <= index) return;
    // A new array: a rolled-back batch goes back to the list it started with.
    this.checkpoints = this.checkpoints.filter((cp) => cp.version <= index);
    this.last = this.checkpoints.at(-1)?.version ?? 0;
  }

  remember(undo: () => void): void {
    this.undos.push(undo);
  }

  private rollback(
    start: number,
    events: readonly MatchEvent[],
    mark: {
      checkpoints: Checkpoint[];
      count: number;
      last: number;
      arrays: Arrays;
      rejected: MatchState['rejected'];
      undos: (() => void)[];
    },
  ): void {
    const w = this.w;
    for (let i = mark.undos.length - 1; i >= 0; i--) mark.undos[i]!();
    mark.undos.length = 0;
    const ids = w.eventIndex;
    const log = w.log;
    // The batch's ids, including one claimed by the event that failed (never logged).
    for (const event of events) if ((ids.get(event.id) ?? -1) >= start) ids.delete(event.id);
    log.length = start;
    mark.checkpoints.length = mark.count;
    this.checkpoints = mark.checkpoints;
    this.last = mark.last;
    this.pending = [];
    for (const index of mark.rejected.keys()) if (index >= start) mark.rejected.delete(index);
    // The state before the batch, again: the checkpoint before it, re-folded up to it.
    const fresh = restore(this.latest(start), mark.arrays, w);
    fresh.rejected = mark.rejected;
    refold(fresh, log, start, null, this.mode, undefined);
    Object.assign(w, fresh);
  }
}
