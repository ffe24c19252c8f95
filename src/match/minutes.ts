/**
 * Minutes played (rulebook §3.3): on-pitch windows from the fold, measured `nominal` (default:
 * 90/120, stoppage ignored) or `actual` (elapsed time including stoppage). The shoot-out adds nothing.
 */
import { actualAt, MS_PER_MINUTE, nominalAt, nominalEnd, periodStart, type Instant } from '../time/index.js';
import type { Side } from '../events/index.js';
import type { MatchState, PlayerState, Spell } from './state.js';

export type MinutesMode = 'nominal' | 'actual';

export interface MinutesOptions {
  readonly mode?: MinutesMode;
  /** Credit a substitute who came on at least this many minutes (some sites give 1'). Default 0. */
  readonly minimumOnMinutes?: 0 | 1;
}

export interface MinutesRow {
  readonly team: Side;
  readonly teamName: string;
  readonly playerId: string;
  readonly player: string;
  readonly started: boolean;
  /** Integer in nominal mode; minutes with decimals in actual mode. */
  readonly minutes: number;
  readonly spells: readonly { from: number; to: number }[];
}

/** The last instant of play among periods 1-4 (the shoot-out is excluded, R-MIN-P1). */
/** The last period of play among 1-4 that was started (2 when kicks followed 90 minutes). */
function lastPlayedPeriod(state: MatchState): number {
  let last = 0;
  for (let p = 1; p <= 4; p++) if (state.periodLengths.has(p) || state.period === p) last = p;
  return last;
}

function endOfPlay(state: MatchState): { at: Instant; atEnd: boolean } | null {
  if (state.period === 0 || state.lastAt === null) return null;
  const last = lastPlayedPeriod(state);
  const length = state.periodLengths.get(last);
  if (length !== undefined) return { at: { period: last, ms: length }, atEnd: true };
  // Still being played: up to the latest known instant.
  return { at: state.lastAt.period <= 4 ? state.lastAt : { period: last, ms: 0 }, atEnd: false };
}

function nominalOf(at: Instant, interval: boolean, isPeriodEnd: boolean): number {
  if (at.period >= 5) return nominalEnd(4);
  if (interval || at.ms === 0) return periodStart(at.period);
  if (isPeriodEnd) return nominalEnd(at.period);
  return nominalAt(at);
}

function spellBounds(
  state: MatchState,
  spell: Spell,
  end: { at: Instant; atEnd: boolean },
  mode: MinutesMode,
): { from: number; to: number } {
  const to = spell.to ?? end.at;
  const toIsPeriodEnd = spell.to === null && end.atEnd;
  if (mode === 'nominal') {
    // Anything after the last period of play (e.g. a change during kicks) counts from its end.
    const from =
      spell.from.period >= 5
        ? nominalEnd(Math.min(state.period, 4))
        : nominalOf(spell.from, spell.fromInterval, false);
    const until =
      to.period >= 5 ? nominalEnd(Math.min(state.period, 4)) : nominalOf(to, spell.toInterval, toIsPeriodEnd);
    return { from, to: Math.max(from, until) };
  }
  const lengths = state.periodLengths;
  const clamp = (at: Instant): number =>
    at.period >= 5 ? actualAt({ period: 4, ms: lengths.get(4) ?? 0 }, lengths) : actualAt(at, lengths);
  const lastPlayed = Math.min(state.period, 4);
  const endOfLast = actualAt({ period: lastPlayed, ms: lengths.get(lastPlayed) ?? 0 }, lengths);
  const from =
    spell.from.period >= 5
      ? endOfLast
      : clamp(spell.fromInterval ? { period: spell.from.period, ms: 0 } : spell.from);
  const until = to.period >= 5 ? endOfLast : clamp(spell.toInterval ? { period: to.period, ms: 0 } : to);
  return { from: from / MS_PER_MINUTE, to: Math.max(from, until) / MS_PER_MINUTE };
}

function playerMinutes(state: MatchState, player: PlayerState, options: MinutesOptions): MinutesRow | null {
  if (player.official || player.spells.length === 0) return null;
  const mode = options.mode ?? 'nominal';
  const end = endOfPlay(state);
  const spells = end ? player.spells.map((s) => spellBounds(state, s, end, mode)) : [];
  let minutes = spells.reduce((sum, s) => sum + (s.to - s.from), 0);
  if (!player.starter && (options.minimumOnMinutes ?? 0) > minutes && end)
    minutes = options.minimumOnMinutes ?? 0;
  if (mode === 'actual') minutes = Math.round(minutes * 100) / 100;
  return {
    team: player.team,
    teamName: state.teams[player.team].name,
    playerId: player.id,
    player: player.name,
    started: player.starter,
    minutes,
    spells,
  };
}

/** Minutes of every player who appeared, home team first, in team-sheet order. */
export function minutesPlayed(state: MatchState, options: MinutesOptions = {}): MinutesRow[] {
  const rows: MinutesRow[] = [];
  for (const side of ['home', 'away'] as const) {
    for (const player of state.players.values()) {
      if (player.team !== side) continue;
      const row = playerMinutes(state, player, options);
      if (row) rows.push(row);
    }
  }
  return rows;
}

/** One player's minutes (0 when they never appeared). */
export function minutesOf(state: MatchState, playerId: string, options: MinutesOptions = {}): number {
  const player = state.players.get(playerId);
  if (!player) return 0;
  return playerMinutes(state, player, options)?.minutes ?? 0;
}
