/** Opta F24 (the event feed): Games/Game/Event with Q qualifiers, to OptaRecords. */
import { attr, child, children, formatError, type XmlDocument } from '../kit/index.js';
import type { OptaRecord } from './events.js';

export interface F24Game {
  /** Game attributes when the file has them (a cut-down file may not). */
  readonly id?: string;
  readonly homeTeam?: { readonly id: string; readonly name?: string };
  readonly awayTeam?: { readonly id: string; readonly name?: string };
  readonly date?: string;
  readonly competition?: string;
  readonly season?: string;
  readonly round?: string;
  readonly records: OptaRecord[];
}

export function isF24(doc: XmlDocument): boolean {
  return child(child(doc.root, 'Games'), 'Game') !== undefined;
}

const INT = /^-?\d+$/;

export function readF24(doc: XmlDocument, file: string): F24Game {
  const game = child(child(doc.root, 'Games'), 'Game');
  if (!game) throw formatError(file, 'an Opta F24 file is Games/Game/Event', { line: 1 });
  const records = children(game, 'Event').map((e, i): OptaRecord => {
    const pointer = `/Games/Game/Event[${i}]`;
    const where = { pointer, ...(doc.line(e) ? { line: doc.line(e)! } : {}) };
    const need = (name: string): string => {
      const value = attr(e, name);
      if (value === undefined || !INT.test(value))
        throw formatError(file, `event ${i} has no whole-number ${name}`, where);
      return value;
    };
    const id = attr(e, 'id');
    if (!id) throw formatError(file, `event ${i} has no id`, where);
    const qualifiers = new Map<number, string>();
    for (const q of children(e, 'Q')) {
      const qid = Number(attr(q, 'qualifier_id'));
      if (Number.isInteger(qid)) qualifiers.set(qid, attr(q, 'value') ?? '');
    }
    const player = attr(e, 'player_id');
    const version = Number(attr(e, 'version'));
    const outcome = attr(e, 'outcome');
    const timestamp = attr(e, 'timestamp');
    return {
      id,
      eventId: attr(e, 'event_id') ?? '',
      typeId: Number(need('type_id')),
      periodId: Number(need('period_id')),
      min: Number(need('min')),
      sec: Number(need('sec')),
      team: `t${need('team_id')}`,
      ...(player ? { player: `p${player}` } : {}),
      ...(outcome ? { outcome } : {}),
      ...(timestamp ? { timestamp } : {}),
      ...(Number.isSafeInteger(version) && version >= 0 ? { version } : {}),
      qualifiers,
    };
  });
  const team = (prefix: 'home' | 'away') => {
    const id = attr(game, `${prefix}_team_id`);
    const name = attr(game, `${prefix}_team_name`);
    return id ? { id: `t${id}`, ...(name ? { name } : {}) } : undefined;
  };
  const homeTeam = team('home');
  const awayTeam = team('away');
  const gameId = attr(game, 'id');
  const date = attr(game, 'game_date');
  const competition = attr(game, 'competition_name');
  const season = attr(game, 'season_name') ?? attr(game, 'season_id');
  const round = attr(game, 'matchday');
  return {
    ...(gameId ? { id: gameId } : {}),
    ...(homeTeam ? { homeTeam } : {}),
    ...(awayTeam ? { awayTeam } : {}),
    ...(date ? { date } : {}),
    ...(competition ? { competition } : {}),
    ...(season ? { season } : {}),
    ...(round ? { round } : {}),
    records,
  };
}
