/** Test helpers: read seed streams, and a small builder for synthetic matches. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isMatchlineError,
  parseStream,
  type MatchEvent,
  type MatchlineError,
  type Rules,
} from '../src/events/index.js';
import { fold } from '../src/match/fold.js';
import { DEFAULT_RULES, type MatchState } from '../src/match/state.js';

export const ROOT = join(import.meta.dirname, '..');

/** The typed error `step` throws; a raw exception is rethrown and no error at all fails the test. */
export function thrownBy(step: () => unknown): MatchlineError {
  try {
    step();
  } catch (e) {
    if (!isMatchlineError(e)) throw e;
    return e;
  }
  throw new Error('expected a typed error, none was thrown');
}
export const SHARED = join(ROOT, '..', 'shared');

export function seed(path: string): MatchEvent[] {
  const file = join(ROOT, 'events', path);
  return parseStream(readFileSync(file, 'utf8'), file);
}

export function seedState(path: string): MatchState {
  return fold(seed(path));
}

/** The engine's default preset: 5 substitutions in 3 opportunities, no extra time, no kicks. */
export const RULES: Rules = DEFAULT_RULES;

/** Instant of display minute m (30 s into it), e.g. at('61'), at('45+2'), at('95'). */
export function at(label: string, sec = 30): { period: number; ms: number } {
  const [b, e] = label.split('+').map(Number) as [number, number | undefined];
  let period: number, ordinal: number;
  if (e) {
    period = b === 45 ? 1 : b === 90 ? 2 : b === 105 ? 3 : 4;
    ordinal = (b === 45 || b === 90 ? 45 : 15) + e;
  } else if (b <= 45) [period, ordinal] = [1, b];
  else if (b <= 90) [period, ordinal] = [2, b - 45];
  else if (b <= 105) [period, ordinal] = [3, b - 90];
  else [period, ordinal] = [4, b - 105];
  return { period, ms: (ordinal - 1) * 60_000 + sec * 1000 };
}

const squad = (prefix: string) => ({
  starting: Array.from({ length: 11 }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    name: `${prefix.toUpperCase()} Player ${i + 1}`,
    shirt: i + 1,
  })),
  substitutes: Array.from({ length: 9 }, (_, i) => ({
    id: `${prefix}${i + 12}`,
    name: `${prefix.toUpperCase()} Player ${i + 12}`,
    shirt: i + 12,
  })),
});

/** A synthetic match: players h1..h20 and a1..a20 (1-11 start). */
export class Stream {
  readonly events: MatchEvent[] = [];
  private n = 0;
  constructor(
    options: {
      rules?: Partial<Rules>;
      leg?: 1 | 2 | 'single';
      home?: string;
      away?: string;
      season?: string;
    } = {},
  ) {
    this.push({
      type: 'fixture',
      competition: 'Test Cup',
      season: options.season ?? '2023-24',
      round: 'Final',
      leg: options.leg ?? 'single',
      home: { id: (options.home ?? 'Home').toLowerCase(), name: options.home ?? 'Home' },
      away: { id: (options.away ?? 'Away').toLowerCase(), name: options.away ?? 'Away' },
      kickoff: '2024-01-01T20:00:00Z',
      rules: { ...RULES, ...options.rules },
    });
    this.push({ type: 'lineups', home: squad('h'), away: squad('a') });
  }
  push(event: Record<string, unknown>): this {
    this.events.push({ id: `e${this.n++}`, ...event } as unknown as MatchEvent);
    return this;
  }
  start(period: number): this {
    return this.push({ type: 'periodStarted', at: { period, ms: 0 } });
  }
  end(period: number, minutes = period <= 2 ? 45 : 15, seconds = 0): this {
    return this.push({
      type: 'periodEnded',
      at: { period, ms: Math.round((minutes * 60 + seconds) * 1000) },
    });
  }
  goal(team: 'home' | 'away', minute: string, scorer?: string, extra: Record<string, unknown> = {}): this {
    return this.push({
      type: 'goal',
      at: at(minute),
      team,
      scorerTeam: team,
      penalty: false,
      ownGoal: false,
      ...(scorer ? { scorer } : {}),
      ...extra,
    });
  }
  sub(
    team: 'home' | 'away',
    minute: string,
    off: string,
    on: string,
    extra: Record<string, unknown> = {},
  ): this {
    return this.push({
      type: 'substitution',
      at: at(minute),
      team,
      playerOff: off,
      playerOn: on,
      kind: 'normal',
      atInterval: false,
      ...extra,
    });
  }
  /** Five normal substitutions of one team in one stoppage: players 2-6 off, 12-16 on. */
  fiveSubs(team: 'home' | 'away', minute: string): this {
    const p = team === 'home' ? 'h' : 'a';
    for (let i = 2; i <= 6; i++) this.sub(team, minute, `${p}${i}`, `${p}${i + 10}`);
    return this;
  }
  card(
    team: 'home' | 'away',
    minute: string,
    player: string,
    card: 'yellow' | 'secondYellow' | 'red' = 'yellow',
  ): this {
    return this.push({ type: 'booking', at: at(minute), team, player, card });
  }
  kick(
    team: 'home' | 'away',
    taker: string,
    outcome: 'scored' | 'saved' | 'missed' | 'woodwork',
    ms = 0,
  ): this {
    return this.push({ type: 'shootoutKick', at: { period: 5, ms }, team, taker, outcome });
  }
  fullTime(period = 2, minutes = period <= 2 ? 45 : 15): this {
    return this.push({ type: 'matchEnded', at: { period, ms: minutes * 60_000 } });
  }
  /** Kick-off to full time with the given events in between halves. */
  static played(
    build: (s: Stream) => void = () => undefined,
    options?: ConstructorParameters<typeof Stream>[0],
  ): Stream {
    const s = new Stream(options).start(1);
    build(s);
    return s;
  }
  get lastId(): string {
    return this.events[this.events.length - 1]!.id;
  }
}
