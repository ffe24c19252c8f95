/**
 * UEFA disciplinary points (rulebook §1.2, R-TAB-4): yellow 1, red 3, expulsion for two yellows 3 in
 * total for that player-match (not 1+1+3). A yellow followed by a straight red counts 1+3 = 4, which
 * the rulebook leaves open (§7). Rescinded cards count nothing; officials count (L1).
 */
import type { Side } from '../events/index.js';
import type { MatchState, PlayerState } from './state.js';

export function personPoints(person: PlayerState): number {
  const cards = person.cards.filter((c) => !c.rescinded);
  const secondYellow = cards.some((c) => c.card === 'secondYellow');
  const reds = cards.filter((c) => c.card === 'red').length;
  const yellows = cards.filter((c) => c.card === 'yellow').length;
  return secondYellow ? 3 + reds * 3 : yellows + reds * 3;
}

export function disciplinaryPoints(state: MatchState, side: Side): number {
  let total = 0;
  for (const person of state.players.values()) if (person.team === side) total += personPoints(person);
  return total;
}

export interface CardRow {
  readonly team: Side;
  readonly playerId: string;
  readonly player: string;
  readonly official: boolean;
  readonly card: 'yellow' | 'secondYellow' | 'red';
  readonly minute: string;
  readonly rescinded: boolean;
  readonly eventId: string;
}

/** Every card shown, in the order the players appear. */
export function cardsShown(state: MatchState): CardRow[] {
  const rows: CardRow[] = [];
  for (const person of state.players.values()) {
    for (const card of person.cards) {
      rows.push({
        team: person.team,
        playerId: person.id,
        player: person.name,
        official: person.official,
        card: card.card,
        minute: card.minute,
        rescinded: card.rescinded,
        eventId: card.eventId,
      });
    }
  }
  return rows;
}
