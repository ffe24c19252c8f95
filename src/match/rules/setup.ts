/** Fixture and line-ups: who plays, under which rules, and the team sheets. */
import type { EventOf, Player, Side } from '../../events/index.js';
import { fail, type FoldContext } from '../context.js';
import type { CardRecord, MatchState, PlayerState, Spell } from '../state.js';

// Shared and frozen: most players never get a card, substitutes on the bench have no spell and
// starters share one opening spell until they leave; recipes replace these arrays, never change them.
const KICKOFF = Object.freeze({ period: 1, ms: 0 });
const SIDES = ['home', 'away'] as const;
export const NO_SPELLS = Object.freeze([]) as unknown as Spell[];
export const NO_CARDS = Object.freeze([]) as unknown as CardRecord[];
const STARTER_SPELLS = Object.freeze([
  Object.freeze({ from: KICKOFF, fromInterval: true, to: null, toInterval: false, ended: null }),
]) as unknown as Spell[];

export function applyFixture(draft: MatchState, event: EventOf<'fixture'>, ctx: FoldContext): void {
  if (draft.fixture !== null) fail(ctx, event, 'DUPLICATE_FIXTURE', 'the stream already has a fixture');
  if (ctx.index !== 0)
    fail(ctx, event, 'MISSING_FIXTURE', 'the fixture must be the first event of the stream');
  draft.fixture = event;
  draft.rules = event.rules;
  draft.teams.home.id = event.home.id;
  draft.teams.home.name = event.home.name;
  draft.teams.away.id = event.away.id;
  draft.teams.away.name = event.away.name;
}

/** A player's (or official's) record at the start of the match. */
export function newPlayer(p: Player, team: Side, starter: boolean, official: boolean): PlayerState {
  return {
    id: p.id,
    name: p.name,
    shirt: p.shirt ?? null,
    team,
    starter,
    official,
    status: starter ? 'pitch' : 'bench',
    spells: starter ? STARTER_SPELLS : NO_SPELLS,
    yellowsInPlay: 0,
    cards: NO_CARDS,
    goals: 0,
    penaltyGoals: 0,
    ownGoals: 0,
    assists: 0,
    penaltiesMissed: 0,
    concussed: false,
  };
}

export function applyLineups(draft: MatchState, event: EventOf<'lineups'>, ctx: FoldContext): void {
  if (draft.fixture === null) fail(ctx, event, 'MISSING_FIXTURE', 'line-ups before the fixture');
  if (draft.hasLineups) fail(ctx, event, 'DUPLICATE_FIXTURE', 'the stream already has line-ups');
  if (draft.status !== 'scheduled') fail(ctx, event, 'INVALID_LINEUPS', 'line-ups after the kick-off');
  for (const side of SIDES) {
    const count = event[side].starting.length;
    if (count < 7) {
      fail(
        ctx,
        event,
        'INVALID_LINEUPS',
        `${draft.teams[side].name} name only ${count} starters (at least 7)`,
        `/${side}/starting`,
      );
    }
  }
  // Nobody is on the sheet before the line-ups, so a repeated id is caught while filling it; the
  // sheet is emptied again before failing, so nothing is half-applied.
  const players = draft.players;
  const add = (p: Player, side: Side, starter: boolean, official: boolean): void => {
    const size = players.size;
    players.set(p.id, newPlayer(p, side, starter, official));
    if (players.size === size) {
      players.clear();
      fail(ctx, event, 'INVALID_LINEUPS', `player id ${p.id} appears twice in the line-ups`, `/${side}`);
    }
  };
  for (const side of SIDES) {
    const sheet = event[side];
    for (const p of sheet.starting) add(p, side, true, false);
    for (const p of sheet.substitutes) add(p, side, false, false);
    if (sheet.officials) for (const p of sheet.officials) add(p, side, false, true);
  }
  draft.teams.home.onPitch = event.home.starting.length;
  draft.teams.away.onPitch = event.away.starting.length;
  draft.hasLineups = true;
}
