/**
 * Hand-written baselines: what a careful developer would write without matchline. They do the
 * central work (score, who is on the pitch, cards, periods) with no checks, no timeline, no freezing.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { definitionsSchema, eventSchemas } from '../src/events/schemas.js';
import type { MatchEvent, Side } from '../src/events/index.js';

export interface PlainState {
  score: { home: number; away: number };
  period: number;
  live: boolean;
  lastMs: number;
  onPitch: Map<string, Side>;
  subs: { home: number; away: number };
  cards: Map<string, number>;
  sentOff: Set<string>;
  goals: { team: Side; scorer: string | undefined; period: number; ms: number }[];
  shootout: { home: number; away: number };
}

/** A fresh plain state. */
export function plainState(): PlainState {
  return {
    score: { home: 0, away: 0 },
    period: 0,
    live: false,
    lastMs: 0,
    onPitch: new Map(),
    subs: { home: 0, away: 0 },
    cards: new Map(),
    sentOff: new Set(),
    goals: [],
    shootout: { home: 0, away: 0 },
  };
}

/** A switch over event types mutating one plain object. */
export function plainFold(events: readonly MatchEvent[]): PlainState {
  const s = plainState();
  const retracted = new Set<string>();
  for (const e of events) if (e.type === 'eventRetracted') retracted.add(e.target);
  for (const e of events) plainStep(s, e, retracted);
  return s;
}

/** One event of the plain fold. */
export function plainStep(s: PlainState, e: MatchEvent, retracted: ReadonlySet<string>): void {
  switch (e.type) {
    case 'lineups':
      for (const p of e.home.starting) s.onPitch.set(p.id, 'home');
      for (const p of e.away.starting) s.onPitch.set(p.id, 'away');
      break;
    case 'periodStarted':
      s.period = e.at.period;
      s.live = true;
      s.lastMs = 0;
      break;
    case 'periodEnded':
      s.live = false;
      break;
    case 'goal':
      if (retracted.has(e.id)) break;
      s.score[e.team]++;
      s.goals.push({ team: e.team, scorer: e.scorer, period: e.at.period, ms: e.at.ms });
      break;
    case 'substitution':
      s.onPitch.delete(e.playerOff);
      s.onPitch.set(e.playerOn, e.team);
      s.subs[e.team]++;
      break;
    case 'booking': {
      const who = e.player ?? e.official ?? '';
      const n = (s.cards.get(who) ?? 0) + 1;
      s.cards.set(who, n);
      if (e.card !== 'yellow' || n >= 2) {
        s.onPitch.delete(who);
        s.sentOff.add(who);
      }
      break;
    }
    case 'shootoutKick':
      if (e.outcome === 'scored') s.shootout[e.team]++;
      break;
    case 'action':
      s.lastMs = e.at.ms;
      break;
    default:
      break;
  }
}

const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ??
  addFormatsPlugin) as unknown as (ajv: Ajv2020) => Ajv2020;

/** Bare ajv validators, compiled once per type, dispatched on `type`. */
export function bareValidators(): (event: unknown) => boolean {
  const ajv = new Ajv2020({ allErrors: false, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema(definitionsSchema);
  const byType = new Map<string, ValidateFunction>();
  for (const [type, schema] of Object.entries(eventSchemas)) byType.set(type, ajv.compile(schema));
  return (event) => byType.get((event as { type: string }).type)?.(event) === true;
}

/** Frames the hand-written way: per minute, copy only the parts of a plain state that changed. */
export function plainFrames(
  events: readonly MatchEvent[],
): { minute: number; score: { home: number; away: number }; onPitch: ReadonlyMap<string, Side> }[] {
  const frames: {
    minute: number;
    score: { home: number; away: number };
    onPitch: ReadonlyMap<string, Side>;
  }[] = [];
  let score = { home: 0, away: 0 };
  let onPitch = new Map<string, Side>();
  let i = 0;
  const minuteOf = (e: MatchEvent) =>
    e.at ? [0, 0, 45, 90, 105, 120][e.at.period]! + Math.ceil(e.at.ms / 60_000) : 0;
  const last = events.reduce((m, e) => Math.max(m, minuteOf(e)), 0);
  for (let minute = 1; minute <= last; minute++) {
    while (i < events.length && minuteOf(events[i]!) <= minute) {
      const e = events[i++]!;
      if (e.type === 'goal') score = { ...score, [e.team]: score[e.team] + 1 };
      else if (e.type === 'lineups') {
        onPitch = new Map(onPitch);
        for (const p of e.home.starting) onPitch.set(p.id, 'home');
        for (const p of e.away.starting) onPitch.set(p.id, 'away');
      } else if (e.type === 'substitution') {
        onPitch = new Map(onPitch);
        onPitch.delete(e.playerOff);
        onPitch.set(e.playerOn, e.team);
      } else if (e.type === 'booking' && e.card !== 'yellow' && e.player) {
        onPitch = new Map(onPitch);
        onPitch.delete(e.player);
      }
    }
    frames.push({ minute, score, onPitch });
  }
  return frames;
}

/**
 * One event the immutable hand-written way: a new frozen plain state that copies only what the event
 * changes (the score, the Map of who is on the pitch, the cards) and shares the rest.
 */
export function plainEvolve(s: Readonly<PlainState>, e: MatchEvent): PlainState {
  const next: PlainState = { ...s };
  switch (e.type) {
    case 'lineups':
      next.onPitch = new Map(s.onPitch);
      for (const p of e.home.starting) next.onPitch.set(p.id, 'home');
      for (const p of e.away.starting) next.onPitch.set(p.id, 'away');
      break;
    case 'periodStarted':
      next.period = e.at.period;
      next.live = true;
      next.lastMs = 0;
      break;
    case 'periodEnded':
      next.live = false;
      break;
    case 'goal':
      next.score = { ...s.score, [e.team]: s.score[e.team] + 1 };
      next.goals = s.goals.concat({ team: e.team, scorer: e.scorer, period: e.at.period, ms: e.at.ms });
      break;
    case 'substitution':
      next.onPitch = new Map(s.onPitch);
      next.onPitch.delete(e.playerOff);
      next.onPitch.set(e.playerOn, e.team);
      next.subs = { ...s.subs, [e.team]: s.subs[e.team] + 1 };
      break;
    case 'booking': {
      const who = e.player ?? e.official ?? '';
      const n = (s.cards.get(who) ?? 0) + 1;
      next.cards = new Map(s.cards).set(who, n);
      if (e.card !== 'yellow' || n >= 2) {
        next.onPitch = new Map(s.onPitch);
        next.onPitch.delete(who);
        next.sentOff = new Set(s.sentOff).add(who);
      }
      break;
    }
    case 'shootoutKick':
      if (e.outcome === 'scored') next.shootout = { ...s.shootout, [e.team]: s.shootout[e.team] + 1 };
      break;
    case 'action':
      next.lastMs = e.at.ms;
      break;
    default:
      break;
  }
  return Object.freeze(next);
}
