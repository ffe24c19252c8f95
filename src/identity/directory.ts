/**
 * One identity per club: canonical team ids and every name sources use for them, season by season.
 * A name the directory does not know is an error with suggestions, never a new silent team.
 */
import { MatchlineError } from '../events/errors.js';

const seasonYear = (season: string | undefined): number | null => {
  const m = season ? /^(\d{4})/.exec(season) : null;
  return m ? Number(m[1]) : null;
};

export interface TeamAlias {
  readonly name: string;
  /** The source that spells it so ("openfootball"); any source when absent. */
  readonly source?: string;
  /** First and last season the name was used ("2023-24"), inclusive. */
  readonly from?: string;
  readonly to?: string;
}

export interface TeamIdentity {
  readonly id: string;
  /** The name shown for the club. */
  readonly name: string;
  readonly country?: string;
  readonly aliases?: readonly (string | TeamAlias)[];
}

export interface LookupContext {
  readonly source?: string;
  readonly season?: string;
}

export interface ResolvedTeam {
  readonly id: string;
  readonly name: string;
}

const GENERIC = new Set(['fc', 'afc', 'cf']);

/** The matching key of a name: case, accents, punctuation, a country tag and FC/AFC/CF ignored. */
export function teamKey(name: string): string {
  return name
    .replace(/\s*\([A-Z]{2,3}\)\s*$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t && !GENERIC.has(t))
    .join(' ');
}

/** Edit distance, for suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

interface Entry {
  readonly identity: TeamIdentity;
  readonly alias: TeamAlias;
}

function inSeason(alias: TeamAlias, ctx: LookupContext): boolean {
  if (alias.source && ctx.source && alias.source !== ctx.source) return false;
  const year = seasonYear(ctx.season);
  if (year === null) return true;
  const from = seasonYear(alias.from);
  const to = seasonYear(alias.to);
  return (from === null || year >= from) && (to === null || year <= to);
}

export class TeamDirectory {
  private readonly byKey = new Map<string, Entry[]>();
  readonly teams: readonly TeamIdentity[];

  constructor(teams: readonly TeamIdentity[]) {
    const ids = new Set<string>();
    for (const t of teams) {
      if (ids.has(t.id)) {
        throw new MatchlineError({
          code: 'UNKNOWN_TEAM',
          message: `the team directory lists the id "${t.id}" twice`,
        });
      }
      ids.add(t.id);
    }
    this.teams = teams;
    for (const identity of teams) {
      const aliases: TeamAlias[] = [{ name: identity.name }, { name: identity.id }];
      for (const a of identity.aliases ?? []) aliases.push(typeof a === 'string' ? { name: a } : a);
      for (const alias of aliases) {
        const key = teamKey(alias.name);
        const list = this.byKey.get(key) ?? [];
        if (!list.some((e) => e.identity.id === identity.id && e.alias === alias))
          list.push({ identity, alias });
        this.byKey.set(key, list);
      }
    }
  }

  /** A directory with more clubs, or more aliases for known ids (merged). */
  extend(more: readonly TeamIdentity[]): TeamDirectory {
    const merged = new Map(this.teams.map((t) => [t.id, t]));
    for (const t of more) {
      const known = merged.get(t.id);
      merged.set(
        t.id,
        known
          ? {
              ...known,
              aliases: [
                ...(known.aliases ?? []),
                ...(t.aliases ?? []),
                ...(t.name !== known.name ? [t.name] : []),
              ],
            }
          : t,
      );
    }
    return new TeamDirectory([...merged.values()]);
  }

  /** The club a name stands for, or null. Two clubs answering one name is an error. */
  lookup(name: string, ctx: LookupContext = {}): ResolvedTeam | null {
    const entries = (this.byKey.get(teamKey(name)) ?? []).filter((e) => inSeason(e.alias, ctx));
    const ids = [...new Set(entries.map((e) => e.identity.id))];
    if (ids.length === 0) return null;
    if (ids.length > 1) {
      throw new MatchlineError({
        code: 'UNKNOWN_TEAM',
        message: `"${name}" names more than one club (${ids.join(', ')}); give the source or season`,
      });
    }
    const identity = entries[0]!.identity;
    return { id: identity.id, name: identity.name };
  }

  /** Known names closest to `name` (by key), best first. */
  suggest(name: string, limit = 3): string[] {
    const key = teamKey(name);
    const scored = new Map<string, number>();
    for (const [k, entries] of this.byKey) {
      const d = k.includes(key) || key.includes(k) ? Math.abs(k.length - key.length) / 10 : distance(key, k);
      for (const e of entries) {
        const best = scored.get(e.identity.name);
        if (best === undefined || d < best) scored.set(e.identity.name, d);
      }
    }
    return [...scored.entries()]
      .filter(([, d]) => d <= Math.max(3, key.length / 3))
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([n]) => n);
  }

  /** The club a name stands for; UNKNOWN_TEAM with suggestions when none. */
  resolve(name: string, ctx: LookupContext = {}): ResolvedTeam {
    const found = this.lookup(name, ctx);
    if (found) return found;
    const suggestions = this.suggest(name);
    throw new MatchlineError({
      code: 'UNKNOWN_TEAM',
      message: `no team "${name}"${ctx.season ? ` in ${ctx.season}` : ''}${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`,
    });
  }
}

/** Reads a directory file: `{ "clubs": [...] }` or a bare array of identities. */
export function parseTeamDirectory(text: string, file = 'teams'): TeamIdentity[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new MatchlineError({ code: 'PARSE_ERROR', message: `${file}: ${(e as Error).message}`, file });
  }
  const list = Array.isArray(value) ? value : (value as { clubs?: unknown })?.clubs;
  if (!Array.isArray(list)) {
    throw new MatchlineError({
      code: 'SCHEMA_INVALID',
      message: `${file}: expected {"clubs": [...]} or an array`,
      file,
    });
  }
  list.forEach((t: unknown, i) => {
    const ok =
      typeof t === 'object' &&
      t !== null &&
      typeof (t as TeamIdentity).id === 'string' &&
      typeof (t as TeamIdentity).name === 'string';
    if (!ok)
      throw new MatchlineError({
        code: 'SCHEMA_INVALID',
        message: `${file}: entry ${i} needs an "id" and a "name"`,
        file,
        pointer: `/clubs/${i}`,
      });
  });
  return list as TeamIdentity[];
}
