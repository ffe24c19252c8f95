/**
 * What the Wyscout v2 and v3 readers hand to the converter: the match sheet (teams, sides, scores,
 * line-ups, substitutions with their minute) and the event records, already decoded (period, time
 * since the period's kick-off, what the record means for match state).
 */
import type { Card, PlayPeriod } from '../kit/index.js';

export type Plain = Record<string, unknown>;

export const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Plain => (isPlain(v) ? v : {});
/** A number, or a numeric string ("37", "0"); anything else is undefined. */
export const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
/** An id as text (Wyscout ids are numbers; the keys of its objects are strings). */
export const idText = (v: unknown): string | undefined =>
  typeof v === 'number' && Number.isFinite(v)
    ? String(v)
    : typeof v === 'string' && v.trim() !== ''
      ? v.trim()
      : undefined;
/** Pappalardo's public files write names with literal "\u00eb" escapes: decode them. */
export const nameText = (v: unknown): string =>
  typeof v === 'string'
    ? v
        .replace(/\\+u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        .replace(/\s+/g, ' ')
        .trim()
    : '';

export interface WyPlayer {
  readonly id: string;
  readonly shortName: string;
  readonly fullName: string;
  readonly role?: string;
  /** The team whose squad lists the player (v2 API shape, v3), when known. */
  readonly team?: string;
}

export interface WySheetPlayer {
  readonly id: string;
  readonly shirt?: number;
  /** `goals` as the sheet writes it ("null" and "0" are none). */
  readonly goals: number;
  readonly ownGoals: number;
  /** The minute of the player's yellow card, 0 when none (`yellowCards` holds a minute, not a count). */
  readonly yellowMinute: number;
  readonly redMinute: number;
}

export interface WySheetSub {
  readonly playerIn: string;
  readonly playerOut: string;
  /** The display minute the sheet gives. */
  readonly minute: number;
  /** v3: the period and second of the half from the top-level `substitutions`. */
  readonly exact?: { readonly period: PlayPeriod; readonly ms: number };
}

export interface WySheetTeam {
  readonly id: string;
  readonly side: 'home' | 'away';
  readonly score?: number;
  readonly scoreHT?: number;
  readonly scoreET?: number;
  readonly scoreP?: number;
  readonly lineup: readonly WySheetPlayer[];
  readonly bench: readonly WySheetPlayer[];
  readonly substitutions: readonly WySheetSub[];
}

export interface WySheet {
  readonly matchId: string;
  readonly label?: string;
  /** ISO 8601 with Z, from `dateutc`. */
  readonly kickoff?: string;
  readonly gameweek?: number;
  readonly venue?: string;
  /** "Regular", "ExtraTime", "Penalties". */
  readonly duration?: string;
  readonly competitionId?: string;
  readonly home: WySheetTeam;
  readonly away: WySheetTeam;
}

export type ShotOutcome = 'saved' | 'offTarget' | 'woodwork';

export interface WyRecord {
  readonly id: string;
  readonly matchId?: string;
  readonly period: PlayPeriod;
  /** Milliseconds since the period's kick-off. */
  readonly ms: number;
  /** The provider's running clock, "mm:ss". */
  readonly clock: string;
  readonly team: string;
  readonly player?: string;
  /** The player's name as the event gives it (v3), for warnings. */
  readonly playerName?: string;
  /** The provider's own name for the event ("simple pass", "ground defending duel"). */
  readonly kind: string;
  /** Play is going on (ends a stoppage); false for interruptions and offsides. */
  readonly play: boolean;
  readonly outcome?: 'successful' | 'unsuccessful';
  readonly goal?: { readonly penalty: boolean; readonly ownGoal: boolean };
  readonly penaltyMissed?: ShotOutcome;
  /** A kick of the shoot-out (period 5). */
  readonly kick?: 'scored' | 'saved' | 'missed' | 'woodwork';
  readonly card?: Card;
}

export interface WyGame {
  readonly version: 2 | 3;
  readonly matchId?: string;
  readonly records: readonly WyRecord[];
  readonly teams: ReadonlyMap<string, string>;
  readonly players: ReadonlyMap<string, WyPlayer>;
  readonly sheet?: WySheet;
  /** v3: each starter's position at kick-off, from `formations`. */
  readonly positions?: ReadonlyMap<string, string>;
}

const PERIOD_CODES: Record<string, PlayPeriod> = { '1H': 1, '2H': 2, E1: 3, E2: 4, P: 5 };
/** Wyscout's `matchPeriod` codes (1H, 2H, E1, E2, P) to periods 1-5. */
export function wyPeriod(value: unknown): PlayPeriod | null {
  return typeof value === 'string' ? (PERIOD_CODES[value] ?? null) : null;
}

/** A match sheet's `teamsData` to the two sides; both reader versions share it. */
export function readTeamsData(match: Plain, fail: (message: string, pointer: string) => never): WySheet {
  const matchId = idText(match.wyId) ?? idText(match.matchId);
  if (!matchId) fail('the match has no wyId', '');
  const teamsData = obj(match.teamsData);
  const teams = Object.entries(teamsData).filter(([, t]) => isPlain(t));
  const sideOf = (t: unknown) => (obj(t).side === 'home' ? 'home' : obj(t).side === 'away' ? 'away' : null);
  const home = teams.find(([, t]) => sideOf(t) === 'home');
  const away = teams.find(([, t]) => sideOf(t) === 'away');
  if (teams.length !== 2 || !home || !away)
    fail('teamsData must hold two teams, one with side "home" and one with side "away"', '/teamsData');
  const entry = (p: unknown): WySheetPlayer | null => {
    const r = obj(p);
    const id = idText(r.playerId);
    if (!id) return null;
    const shirt = num(r.shirtNumber);
    return {
      id,
      ...(shirt !== undefined && Number.isInteger(shirt) && shirt >= 0 && shirt <= 999 ? { shirt } : {}),
      goals: num(r.goals) ?? 0,
      ownGoals: num(r.ownGoals) ?? 0,
      yellowMinute: num(r.yellowCards) ?? 0,
      redMinute: num(r.redCards) ?? 0,
    };
  };
  const team = ([key, value]: [string, unknown], side: 'home' | 'away'): WySheetTeam => {
    const t = obj(value);
    const formation = obj(t.formation);
    const list = (v: unknown) => (Array.isArray(v) ? v.map(entry).filter((x) => x !== null) : []);
    const subs: WySheetSub[] = [];
    for (const s of Array.isArray(formation.substitutions) ? formation.substitutions : []) {
      const r = obj(s);
      const playerIn = idText(r.playerIn);
      const playerOut = idText(r.playerOut);
      const minute = num(r.minute);
      if (playerIn && playerOut && minute !== undefined) subs.push({ playerIn, playerOut, minute });
    }
    const score = (k: string) => num(t[k]);
    return {
      id: idText(t.teamId) ?? key,
      side,
      ...(score('score') === undefined ? {} : { score: score('score')! }),
      ...(score('scoreHT') === undefined ? {} : { scoreHT: score('scoreHT')! }),
      ...(score('scoreET') === undefined ? {} : { scoreET: score('scoreET')! }),
      ...(score('scoreP') === undefined ? {} : { scoreP: score('scoreP')! }),
      lineup: list(formation.lineup),
      bench: list(formation.bench),
      substitutions: subs,
    };
  };
  const date = typeof match.dateutc === 'string' ? match.dateutc.trim() : '';
  const iso = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d)?)$/.exec(date);
  const gameweek = num(match.gameweek);
  return {
    matchId,
    ...(typeof match.label === 'string' ? { label: nameText(match.label) } : {}),
    ...(iso ? { kickoff: `${iso[1]}T${iso[2]!.length === 5 ? `${iso[2]}:00` : iso[2]}Z` } : {}),
    ...(gameweek !== undefined && gameweek > 0 ? { gameweek } : {}),
    ...(typeof match.venue === 'string' && match.venue.trim() ? { venue: nameText(match.venue) } : {}),
    ...(typeof match.duration === 'string' ? { duration: match.duration } : {}),
    ...(idText(match.competitionId) ? { competitionId: idText(match.competitionId)! } : {}),
    home: team(home, 'home'),
    away: team(away, 'away'),
  };
}

/** Players as Wyscout writes them: `{player: {...}}` wrappers (API shape) or plain objects (players.json). */
export function readPlayer(value: unknown, team?: string): WyPlayer | null {
  const p = isPlain(obj(value).player) ? obj(obj(value).player) : obj(value);
  const id = idText(p.wyId) ?? idText(p.playerId);
  if (!id) return null;
  const full = [p.firstName, p.middleName, p.lastName].map(nameText).filter(Boolean).join(' ');
  const role = nameText(obj(p.role).name);
  return {
    id,
    shortName: nameText(p.shortName),
    fullName: full,
    ...(role ? { role } : {}),
    ...(team ? { team } : {}),
  };
}

/** `players` keyed by team (API shape, v3) or a list (players.json). */
export function readPlayers(value: unknown, into: Map<string, WyPlayer>): void {
  if (Array.isArray(value)) {
    for (const p of value) {
      const player = readPlayer(p);
      if (player && !into.has(player.id)) into.set(player.id, player);
    }
  } else if (isPlain(value)) {
    for (const [team, list] of Object.entries(value))
      for (const p of Array.isArray(list) ? list : []) {
        const player = readPlayer(p, team);
        if (player) into.set(player.id, player);
      }
  }
}

/** `teams` keyed by id with `{team: {...}}` (API shape, v3) or a list (teams.json): id to common name. */
export function readTeams(value: unknown, into: Map<string, string>): void {
  const add = (t: unknown, key?: string) => {
    const team = isPlain(obj(t).team) ? obj(obj(t).team) : obj(t);
    const id = idText(team.wyId) ?? key;
    const name = nameText(team.name) || nameText(team.officialName);
    if (id && name) into.set(id, name.slice(0, 128));
  };
  if (Array.isArray(value)) for (const t of value) add(t);
  else if (isPlain(value)) for (const [key, t] of Object.entries(value)) add(t, key);
}
