/**
 * The league phase's way into the knockouts (UEFA club competitions from 2024-25, rulebook §1.1):
 * places 1-8 go to the round of 16, 9-24 to the knockout phase play-offs, 25-36 are out. The play-off
 * draw pairs pots of two by place, seeded (9-16) against unseeded (17-24); the seeded team plays the
 * second leg at home [P] uefa.com league-phase explainer, [S] gamereactor.eu 2025 draw article.
 */
import type { TableRow } from './table.js';

/** The play-off pots as data: places of the seeded pair and of the unseeded pair they are drawn against. */
export const PLAYOFF_PAIRINGS: readonly {
  readonly seeded: readonly [number, number];
  readonly unseeded: readonly [number, number];
}[] = [
  { seeded: [9, 10], unseeded: [23, 24] },
  { seeded: [11, 12], unseeded: [21, 22] },
  { seeded: [13, 14], unseeded: [19, 20] },
  { seeded: [15, 16], unseeded: [17, 18] },
];

export interface PlayoffPot {
  readonly seeded: readonly TableRow[];
  readonly unseeded: readonly TableRow[];
}

export interface LeaguePhaseDraw {
  readonly roundOf16: readonly TableRow[];
  readonly playoffs: readonly PlayoffPot[];
  readonly eliminated: readonly TableRow[];
  /** Rows whose place the rules left undecided (they share a rank across a boundary). */
  readonly undecided: readonly TableRow[];
}

/** Splits a final league-phase table (36 rows) into the knockout paths and the play-off pots. */
export function leaguePhaseDraw(rows: readonly TableRow[]): LeaguePhaseDraw {
  const at = (place: number) => rows[place - 1]!;
  const undecided = rows.filter((r) => r.level);
  return {
    roundOf16: rows.slice(0, 8),
    playoffs: PLAYOFF_PAIRINGS.map((p) => ({ seeded: p.seeded.map(at), unseeded: p.unseeded.map(at) })),
    eliminated: rows.slice(24),
    undecided,
  };
}
