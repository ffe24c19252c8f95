/**
 * Deep freeze for states leaving `fold`: a plain recursive Object.freeze, with Maps and Sets locked
 * the way immer locks them (their mutators throw). Measured faster than immer's generic `freeze`,
 * which checks drafts and archetypes at every node (see docs/benchmarks.md).
 */
import type { MatchState } from './state.js';

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
    lock(value);
    return;
  }
  if (value instanceof Set) {
    lock(value);
    return;
  }
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) freezeNode(value[i]);
    return;
  }
  for (const key in value) freezeNode((value as Record<string, unknown>)[key]);
}

/** Freezes a Map or Set the way immer does: its mutators throw. Returns it, frozen. */
export function lock<T extends Map<unknown, unknown> | Set<unknown>>(collection: T): T {
  const c = collection as unknown as Record<string, unknown>;
  if (collection instanceof Map) c.set = c.clear = c.delete = refuse;
  else c.add = c.clear = c.delete = refuse;
  return Object.freeze(collection);
}

const freeze = Object.freeze;
const freezeEach = (items: readonly object[]): void => {
  for (let i = 0; i < items.length; i++) freeze(items[i]);
};

/**
 * The one freeze at the end of `fold`, written for the state's known shape: it visits the ~150
 * objects a match state owns without walking their primitive fields (half the cost of the generic
 * walk on 32-event matches). Events are frozen generically, once: a frozen event is skipped.
 */
export function freezeState(state: MatchState): MatchState {
  const log = state.log;
  for (let i = 0; i < log.length; i++) if (!Object.isFrozen(log[i])) freezeNode(log[i]);
  freeze(log);
  if (state.lastAt) freeze(state.lastAt);
  lock(state.periodLengths);
  lock(state.addedTime);
  freeze(state.score);
  if (state.halfTime) freeze(state.halfTime);
  if (state.afterNormalTime) freeze(state.afterNormalTime);
  if (state.afterExtraTime) freeze(state.afterExtraTime);
  const shootout = state.shootout;
  if (shootout) {
    for (const kick of shootout.kicks) freeze(kick.score);
    freezeEach(shootout.kicks);
    freeze(shootout.kicks);
    freeze(shootout.score);
    freeze(shootout.taken);
    freeze(shootout);
  }
  if (state.result) freeze(state.result);
  for (const goal of state.goals) {
    freeze(goal.score);
    freeze(goal);
  }
  freeze(state.goals);
  freezeEach(state.missedPenalties);
  freeze(state.missedPenalties);
  for (const player of state.players.values()) {
    const spells = player.spells;
    if (!Object.isFrozen(spells)) {
      freezeEach(spells);
      freeze(spells);
    }
    const cards = player.cards;
    if (!Object.isFrozen(cards)) {
      freezeEach(cards);
      freeze(cards);
    }
    freeze(player);
  }
  lock(state.players);
  for (const team of [state.teams.home, state.teams.away]) {
    if (team.lastSub) freeze(team.lastSub);
    freeze(team);
  }
  freeze(state.teams);
  freezeEach(state.timeline);
  freeze(state.timeline);
  for (const problem of state.warnings) freezeNode(problem);
  freeze(state.warnings);
  lock(state.rejected);
  lock(state.eventIndex);
  for (const patch of state.corrections.amended.values()) freezeNode(patch);
  lock(state.corrections.retracted);
  lock(state.corrections.amended);
  lock(state.corrections.rescinded);
  freeze(state.corrections);
  if (!Object.isFrozen(state.rules)) freezeNode(state.rules);
  return freeze(state);
}
