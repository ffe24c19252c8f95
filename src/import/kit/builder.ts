/**
 * One stream from a provider's records. Adapters say what happened (a goal, a card, a change, a
 * period boundary, an on-ball action, a deletion); the builder does what every provider needs:
 * unique schema-safe ids, one period start and end, time order, substitution opportunities and
 * interval changes, events outside a period set aside, and every event checked against its schema
 * before it is written. What it had to decide is a warning with a code, never silence.
 */
import type { MatchEvent, Side } from '../../events/index.js';
import type { ErrorCode, Problem } from '../../events/errors.js';
import { checkEvent } from '../../events/validate.js';
import type { Instant } from '../../time/index.js';
import { formatElapsed } from '../../time/index.js';

type Fields = Record<string, unknown>;
type Entry =
  | { seq: number; kind: 'event'; event: Fields & { type: string; at: Instant } }
  | { seq: number; kind: 'play'; team: Side; at: Instant };

export interface BuilderOptions {
  /** The provider's name as written in `source.provider`. */
  readonly provider: string;
  /** Event id prefix ("opta", "sb"). */
  readonly prefix: string;
  /** The events file, named in warnings. */
  readonly file?: string;
  /** 'time': sort by instant (Opta, DataFactory); 'given': keep the provider's order, clamping stamps that go back. */
  readonly order: 'time' | 'given';
}

const ID_UNSAFE = /[^A-Za-z0-9._:@-]/g;
const IN_MATCH_NOT_PLAY = new Set(['periodStarted', 'periodEnded', 'substitution', 'addedTime']);

/** At one instant a period starts before anything happens in it and ends after. */
const rank = (entry: Entry) =>
  entry.kind === 'event'
    ? entry.event.type === 'periodStarted'
      ? -1
      : entry.event.type === 'periodEnded'
        ? 1
        : 0
    : 0;
const instantOf = (entry: Entry): Instant => (entry.kind === 'play' ? entry.at : entry.event.at);

export class StreamBuilder {
  readonly warnings: Problem[] = [];
  private readonly head: Fields[] = [];
  private readonly body: Entry[] = [];
  private readonly ids = new Set<string>();
  private readonly bySource = new Map<string, string>();
  private seq = 0;

  constructor(readonly options: BuilderOptions) {}

  warn(code: ErrorCode, message: string, extra: { eventId?: string; line?: number } = {}): void {
    this.warnings.push({
      code,
      message,
      ...(this.options.file ? { file: this.options.file } : {}),
      ...extra,
    });
  }

  /** A unique event id from the provider's id; a repeated provider id gets a suffix and a warning. */
  idFor(sourceId: string): string {
    const base = `${this.options.prefix}-${sourceId.replace(ID_UNSAFE, '_')}`.slice(0, 120);
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}.${n}`;
    if (id !== base)
      this.warn('IMPORT_NOTE', `provider id ${sourceId} occurs more than once: the repeat is ${id}`, {
        eventId: id,
      });
    this.ids.add(id);
    if (!this.bySource.has(sourceId)) this.bySource.set(sourceId, id);
    return id;
  }

  /** The event id given to a provider id, if any. */
  eventIdOf(sourceId: string): string | undefined {
    return this.bySource.get(sourceId);
  }

  /** Every provider id given an event so far. */
  sourceIds(): string[] {
    return [...this.bySource.keys()];
  }

  /** The fixture and line-ups (written first, in this order). */
  setup(event: Fields & { type: 'fixture' | 'lineups' }): void {
    this.head.push({ id: `${this.options.prefix}-${event.type}`, ...event });
  }

  /** An in-match event at an instant; `sourceId` keeps the provider's id for idempotent re-imports. */
  add(
    type: MatchEvent['type'],
    at: Instant,
    fields: Fields,
    source?: { id: string; version?: number; clock?: string },
  ): string {
    const id = this.idFor(source?.id ?? `${type}-${this.seq}`);
    const event: Fields & { type: string; at: Instant } = { id, type, at, ...fields };
    if (source?.clock) event.clock = source.clock;
    if (source)
      event.source = {
        provider: this.options.provider,
        id: source.id.slice(0, 128),
        ...(source.version === undefined ? {} : { version: source.version }),
      };
    this.body.push({ seq: this.seq++, kind: 'event', event });
    return id;
  }

  /** An in-play moment that is not kept as an event: it ends a stoppage (substitution opportunities). */
  play(team: Side, at: Instant): void {
    this.body.push({ seq: this.seq++, kind: 'play', team, at });
  }

  /** The events, in order, each valid against its schema. */
  build(): MatchEvent[] {
    const entries = [...this.body];
    if (this.options.order === 'time')
      entries.sort((a, b) => {
        const x = instantOf(a);
        const y = instantOf(b);
        return x.period - y.period || x.ms - y.ms || rank(a) - rank(b) || a.seq - b.seq;
      });
    const out: Fields[] = [...this.head];
    const started = new Set<number>();
    const ended = new Map<number, number>(); // period -> index in out of its end
    let period = 0;
    let last = 0;
    const played = new Set<string>();
    const group = new Map<Side, { id: string; ms: number; period: number } | null>();
    for (const entry of entries) {
      const at = instantOf(entry);
      if (entry.kind === 'event' && entry.event.type === 'periodStarted') {
        if (started.has(at.period) || at.period <= period) continue;
        started.add(at.period);
        period = at.period;
        last = at.ms;
        group.clear();
        out.push(entry.event);
        continue;
      }
      const inPeriod = started.has(at.period) && at.period === period && !ended.has(at.period);
      if (entry.kind === 'event' && entry.event.type === 'periodEnded') {
        if (ended.has(at.period)) {
          // one end per team: the later one is the period's end
          const i = ended.get(at.period)!;
          if (i === out.length - 1) {
            const previous = out[i]!;
            out[i] = { ...entry.event, at: { ...at, ms: Math.max(at.ms, (previous.at as Instant).ms) } };
          }
          continue;
        }
        if (!inPeriod) continue;
        entry.event.at = { ...at, ms: Math.max(at.ms, last) };
        ended.set(at.period, out.length);
        out.push(entry.event);
        continue;
      }
      if (!inPeriod) {
        if (entry.kind === 'event' && at.period >= 1)
          this.warn(
            entry.event.type === 'action' ? 'IMPORT_NOTE' : 'FEED_CONTRADICTION',
            `${entry.event.type} ${String(entry.event.id)} at ${formatElapsed(at)} of period ${at.period} lies outside the period's play: left out`,
            { eventId: String(entry.event.id) },
          );
        continue;
      }
      if (at.ms < last) {
        if (entry.kind === 'event')
          this.warn(
            'IMPORT_NOTE',
            `${String(entry.event.id)} is stamped ${formatElapsed(at)}, before the event it follows (${formatElapsed({ period: at.period, ms: last })}): placed at the later time`,
            { eventId: String(entry.event.id) },
          );
        if (entry.kind === 'event') entry.event.at = { period: at.period, ms: last };
      } else last = at.ms;
      if (entry.kind === 'play' || !IN_MATCH_NOT_PLAY.has(entry.event.type)) {
        const team = entry.kind === 'play' ? entry.team : (entry.event.team as Side | undefined);
        if (team) played.add(`${team}|${at.period}`);
        group.clear();
        if (entry.kind === 'play') continue;
      }
      const event = entry.event;
      if (event.type === 'substitution') this.placeSubstitution(event, played, group);
      out.push(event);
    }
    const tail = out[out.length - 1];
    if (tail && tail.type === 'periodEnded')
      out.push({ id: `${this.options.prefix}-full-time`, type: 'matchEnded', at: tail.at });
    return keepValid(out, (message, eventId) =>
      this.warn('IMPORT_NOTE', message, eventId ? { eventId } : {}),
    );
  }

  /** R-MIN-P4 interval changes and R-SUB-3 opportunities: one stoppage = no play between, within 60 s. */
  private placeSubstitution(
    event: Fields & { at: Instant },
    played: Set<string>,
    group: Map<Side, { id: string; ms: number; period: number } | null>,
  ): void {
    const team = event.team as Side;
    const at = event.at;
    if (event.atInterval === undefined)
      event.atInterval =
        at.period >= 2 && at.period <= 4 && at.ms < 60_000 && !played.has(`${team}|${at.period}`);
    if (event.atInterval === true || event.opportunityId !== undefined) return;
    const open = group.get(team);
    if (open && open.period === at.period && at.ms - open.ms <= 60_000) event.opportunityId = open.id;
    else {
      event.opportunityId = `${team}-${String(event.id)}`.slice(0, 64);
      group.set(team, { id: event.opportunityId as string, ms: at.ms, period: at.period });
    }
  }
}

/** Only events that pass their schema are written; each one left out is reported. */
export function keepValid(
  events: readonly Fields[],
  report: (message: string, eventId?: string) => void,
): MatchEvent[] {
  const valid: MatchEvent[] = [];
  for (const event of events) {
    const problem = checkEvent(event, valid.length);
    if (problem) {
      report(`left out an event that fails its schema: ${problem.message}`, problem.eventId);
      continue;
    }
    valid.push(event as unknown as MatchEvent);
  }
  return valid;
}
