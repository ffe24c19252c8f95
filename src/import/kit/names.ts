/** Player names: the name a player is known by first, the full one kept. */

export interface NamedPlayer {
  readonly name: string;
  readonly fullName?: string;
}

/**
 * Common name (nickname, known name, short name) when the source has one, with the full or legal
 * name kept as fullName when it differs. Blank names fall back to the other, then to the id.
 */
export function preferName(common: unknown, full: unknown, fallback: string): NamedPlayer {
  const c = typeof common === 'string' ? common.trim().slice(0, 128) : '';
  const f = typeof full === 'string' ? full.trim().slice(0, 200) : '';
  if (c && f && c !== f) return { name: c, fullName: f };
  return { name: c || f.slice(0, 128) || fallback };
}
