/** Team sheets as providers give them (a list of players with a starter flag) to the lineups event. */
import type { StreamBuilder } from './builder.js';

export interface SheetPlayer {
  readonly id: string;
  readonly name: string;
  readonly fullName?: string;
  readonly shirt?: number;
  readonly position?: string;
  readonly starter: boolean;
}
export interface SheetTeam {
  readonly id: string;
  readonly name: string;
  readonly players: readonly SheetPlayer[];
  readonly officials?: readonly { readonly id: string; readonly name: string }[];
}

const shirtOf = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 999 ? n : undefined;
};
export { shirtOf };

function player(p: SheetPlayer) {
  return {
    id: p.id,
    name: p.name,
    ...(p.fullName ? { fullName: p.fullName } : {}),
    ...(p.shirt === undefined ? {} : { shirt: p.shirt }),
    ...(p.position ? { position: p.position.slice(0, 64) } : {}),
  };
}

/** Writes the lineups event; more than eleven starters is the sheet's mistake: the first eleven start. */
export function addLineups(builder: StreamBuilder, home: SheetTeam, away: SheetTeam): Set<string> {
  const ids = new Set<string>();
  const sheet = (team: SheetTeam) => {
    const starting = team.players.filter((p) => p.starter);
    if (starting.length > 11)
      builder.warn(
        'FEED_CONTRADICTION',
        `${team.name} has ${starting.length} starters on the sheet: the first eleven are kept as starters`,
      );
    const first = starting.slice(0, 11);
    const rest = team.players.filter((p) => !first.includes(p));
    for (const p of team.players) ids.add(p.id);
    return {
      starting: first.map(player),
      substitutes: rest.map(player),
      ...(team.officials?.length
        ? { officials: team.officials.slice(0, 16).map((o) => ({ id: o.id, name: o.name })) }
        : {}),
    };
  };
  builder.setup({ type: 'lineups', home: sheet(home), away: sheet(away) });
  return ids;
}
