/**
 * Competition projections: a fold over a store's global log with a checkpoint. Each stored event
 * moves its match's folded state on; each changed match is summarised (result, player tallies) and
 * kept per competition, season and group, so tables and records are answered from summaries instead
 * of folding every stream. A correction (a VAR retraction, a re-credited scorer) re-folds its match
 * through the engine's own recipes, so it moves the tables and records it touches. The same code runs
 * over any EventStore; where the summaries live is a `ProjectionSink` (memory, or PostgreSQL).
 */
import { concatMap, from, type Observable } from 'rxjs';
import { isCaughtUp, type CaughtUp } from '../events/index.js';
import {
  computeTable,
  headToHead,
  playerTallies,
  sumTallies,
  teamRecord,
  toMatchResult,
  type HeadToHead,
  type MatchResult,
  type PlayerTally,
  type Table,
  type TableOptions,
  type TableRow,
  type TeamRecord,
} from '../competition/index.js';
import { fold } from '../match/fold.js';
import type { MatchState } from '../match/state.js';
import type { EventStore, StoredEvent } from './store.js';

/** What a projection keeps of one match. */
export interface MatchSummary {
  readonly streamId: string;
  /** The stream version this summary was folded to. */
  readonly version: number;
  readonly competition: string;
  readonly season: string;
  readonly group: string | null;
  readonly round: string;
  readonly status: MatchState['status'];
  readonly result: MatchResult;
  readonly players: readonly PlayerTally[];
}

/** Where a projection's summaries and checkpoint are kept between runs. */
export interface ProjectionSink {
  load(name: string): Promise<{ checkpoint: number; summaries: MatchSummary[] }>;
  /** Stores the changed summaries and the new checkpoint together (all or nothing). */
  save(name: string, checkpoint: number, changed: readonly MatchSummary[]): Promise<void>;
  reset(name: string): Promise<void>;
}

export class MemoryProjectionSink implements ProjectionSink {
  private readonly kept = new Map<string, { checkpoint: number; summaries: Map<string, MatchSummary> }>();

  load(name: string): Promise<{ checkpoint: number; summaries: MatchSummary[] }> {
    const k = this.kept.get(name);
    return Promise.resolve({ checkpoint: k?.checkpoint ?? 0, summaries: [...(k?.summaries.values() ?? [])] });
  }

  save(name: string, checkpoint: number, changed: readonly MatchSummary[]): Promise<void> {
    const k = this.kept.get(name) ?? { checkpoint: 0, summaries: new Map<string, MatchSummary>() };
    if (checkpoint > k.checkpoint) {
      for (const s of changed) k.summaries.set(s.streamId, s);
      k.checkpoint = checkpoint;
    }
    this.kept.set(name, k);
    return Promise.resolve();
  }

  reset(name: string): Promise<void> {
    this.kept.delete(name);
    return Promise.resolve();
  }
}

export interface GroupKey {
  readonly competition: string;
  readonly season: string;
  readonly group: string | null;
}

/** Which group (every field given must match) and the table options (rules, live, until, ...). */
export interface TableQuery extends Partial<GroupKey>, TableOptions {}

const keyOf = (k: GroupKey) => `${k.competition}\u0000${k.season}\u0000${k.group ?? ''}`;

/** Folded states the projection keeps to fold the next event on (least recently used dropped). */
const KEPT_STATES = 512;

export class CompetitionProjection {
  private readonly states = new Map<string, { version: number; state: MatchState }>();
  private readonly summaries = new Map<string, MatchSummary>();
  private readonly dirty = new Set<string>();
  private position = 0;

  constructor(
    private readonly store: EventStore,
    private readonly sink: ProjectionSink = new MemoryProjectionSink(),
    readonly name = 'competitions',
  ) {}

  /** The global position of the last event folded in. */
  get checkpoint(): number {
    return this.position;
  }

  /** Starts from what the sink kept (checkpoint and summaries). */
  async load(): Promise<this> {
    const kept = await this.sink.load(this.name);
    this.position = kept.checkpoint;
    this.summaries.clear();
    this.states.clear();
    for (const s of kept.summaries) this.summaries.set(s.streamId, s);
    return this;
  }

  /** Forgets everything (also in the sink) and folds the whole log again. */
  async rebuild(): Promise<number> {
    await this.sink.reset(this.name);
    this.position = 0;
    this.summaries.clear();
    this.states.clear();
    this.dirty.clear();
    return this.catchUp();
  }

  /** Folds one stored event in (events must come in position order). */
  async apply(item: StoredEvent): Promise<void> {
    if (item.position <= this.position) return; // already folded in (a resumed subscription)
    let kept = this.states.get(item.streamId);
    if (!kept || kept.version !== item.version - 1) {
      // Not in memory (first sight since a restart, or dropped): fold the stream up to the event before.
      const before = item.version > 1 ? await this.store.read(item.streamId, { to: item.version - 1 }) : [];
      kept = { version: item.version - 1, state: fold(before, undefined, { mode: 'lenient' }) };
    }
    const state = fold([item.event], kept.state, { mode: 'lenient' });
    this.states.delete(item.streamId);
    this.states.set(item.streamId, { version: item.version, state });
    if (this.states.size > KEPT_STATES) this.states.delete(this.states.keys().next().value!);
    this.dirty.add(item.streamId);
    this.position = item.position;
  }

  /** Summarises the matches changed since the last flush and saves them with the checkpoint. */
  async flush(): Promise<MatchSummary[]> {
    const changed: MatchSummary[] = [];
    for (const streamId of this.dirty) {
      const kept = this.states.get(streamId);
      if (!kept?.state.fixture) continue; // a stream without a fixture is not a match of a competition
      const { state } = kept;
      const fixture = state.fixture!;
      const summary: MatchSummary = {
        streamId,
        version: kept.version,
        competition: fixture.competition,
        season: fixture.season,
        group: fixture.group ?? null,
        round: fixture.round,
        status: state.status,
        result: toMatchResult(state, streamId),
        players: [...playerTallies([state]).values()],
      };
      this.summaries.set(streamId, summary);
      changed.push(summary);
    }
    this.dirty.clear();
    await this.sink.save(this.name, this.position, changed);
    return changed;
  }

  /** Folds in everything stored after the checkpoint, then saves. Returns the events folded. */
  async catchUp(batch = 5000): Promise<number> {
    let count = 0;
    for (;;) {
      const items = await this.store.readAll({ after: this.position, limit: batch });
      for (const item of items) await this.apply(item);
      count += items.length;
      if (items.length < batch) break;
      await this.flush();
    }
    await this.flush();
    return count;
  }

  /**
   * Follows the store from the checkpoint: folds each event in and saves after each delivered
   * batch, so a restarted follower resumes where the saved checkpoint says. Emits each change.
   */
  follow(options: { catchUpFlushEvery?: number } = {}): Observable<MatchSummary[] | CaughtUp> {
    const every = options.catchUpFlushEvery ?? 1000;
    let caughtUp = false;
    let pending = 0;
    return this.store.subscribeAll({ after: this.position }).pipe(
      concatMap((item) =>
        from(
          (async (): Promise<MatchSummary[] | CaughtUp> => {
            if (isCaughtUp(item)) {
              caughtUp = true;
              await this.flush();
              return item;
            }
            await this.apply(item);
            // Catching up, save every `every` events; once live, after every event.
            if (caughtUp || ++pending >= every) {
              pending = 0;
              return this.flush();
            }
            return [];
          })(),
        ),
      ),
    );
  }

  /** Competitions, seasons and groups with at least one match. */
  groups(): GroupKey[] {
    const seen = new Map<string, GroupKey>();
    for (const s of this.summaries.values()) {
      const key = { competition: s.competition, season: s.season, group: s.group };
      seen.set(keyOf(key), key);
    }
    return [...seen.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  }

  /** Summaries matching the query (every field given must match). */
  matches(query: Partial<GroupKey> = {}): MatchSummary[] {
    return [...this.summaries.values()]
      .filter(
        (s) =>
          (query.competition === undefined || s.competition === query.competition) &&
          (query.season === undefined || s.season === query.season) &&
          (query.group === undefined || s.group === query.group),
      )
      .sort((a, b) => a.streamId.localeCompare(b.streamId));
  }

  /** The match results of the summaries matching the query, as the competition functions take them. */
  results(query: Partial<GroupKey> = {}): MatchResult[] {
    return this.matches(query).map((s) => s.result);
  }

  /** The table of one group (its rules by competition and season unless given), as computeTable gives it. */
  computeTable(query: TableQuery = {}): Table {
    const { competition, season, group, ...options } = query;
    return computeTable(this.results({ competition, season, group }), options);
  }

  table(query: TableQuery = {}): TableRow[] {
    return this.computeTable(query).rows;
  }

  teamRecord(team: string, query: Partial<GroupKey> = {}): TeamRecord {
    return teamRecord(this.results(query), team);
  }

  headToHead(a: string, b: string, query: Partial<GroupKey> = {}): HeadToHead {
    return headToHead(this.results(query), a, b);
  }

  players(query: Partial<GroupKey> = {}): PlayerTally[] {
    return sumTallies(this.matches(query).map((s) => s.players));
  }
}
