/** Cards and own goals, the way providers code them. */
import type { Side } from '../../events/index.js';

export type Card = 'yellow' | 'secondYellow' | 'red';

/** Opta / Stats Perform type-17 qualifiers: 31 yellow, 32 second yellow, 33 red. */
export function optaCard(qualifiers: ReadonlyMap<number, string>): Card | null {
  return qualifiers.has(32)
    ? 'secondYellow'
    : qualifiers.has(33)
      ? 'red'
      : qualifiers.has(31)
        ? 'yellow'
        : null;
}

/** An own goal counts for the other side: the event's team is the scorer's. */
export function goalSides(scorerTeam: Side, ownGoal: boolean): { team: Side; scorerTeam: Side } {
  return { team: ownGoal ? (scorerTeam === 'home' ? 'away' : 'home') : scorerTeam, scorerTeam };
}
