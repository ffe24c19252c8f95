/**
 * Opta F7 (the match sheet): teams, line-ups with names and shirts, kick-off, the result and the
 * score each team's TeamData gives. The events come from the F24.
 */
import {
  attr,
  child,
  children,
  formatError,
  preferName,
  shirtOf,
  text,
  type SheetPlayer,
  type SheetTeam,
  type XmlDocument,
  type XmlNode,
} from '../kit/index.js';

export interface F7Team extends SheetTeam {
  readonly side: 'home' | 'away';
  readonly score?: number;
  readonly shootoutScore?: number;
  readonly formation?: string;
}
export interface F7Sheet {
  readonly matchId?: string;
  /** ISO 8601 with the file's offset. */
  readonly kickoff?: string;
  readonly competition?: string;
  readonly season?: string;
  readonly round?: string;
  readonly venue?: string;
  readonly attendance?: number;
  /** `Result Type` (NormalResult, Aggregate, PenaltyShootout, ...) and its Winner team ref. */
  readonly resultType?: string;
  readonly winner?: string;
  readonly home: F7Team;
  readonly away: F7Team;
}

/** "20180923T150000+0100" (F7's compact form) to "2018-09-23T15:00:00+01:00". */
export function f7Date(value: string | undefined): string | undefined {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)([+-]\d\d)(\d\d)$/.exec(value?.trim() ?? '');
  if (m) return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7]}:${m[8]}`;
  const iso = value?.trim();
  return iso && !Number.isNaN(Date.parse(iso)) ? iso : undefined;
}

const textOf = (node: XmlNode | undefined, name: string) => text(child(node, name))?.trim() || undefined;
const statOf = (node: XmlNode | undefined, type: string) =>
  text(children(node, 'Stat').find((s) => attr(s, 'Type') === type))?.trim() || undefined;

export function isF7(doc: XmlDocument): boolean {
  return child(child(doc.root, 'SoccerFeed'), 'SoccerDocument') !== undefined;
}

export function readF7(doc: XmlDocument, file: string): F7Sheet {
  const document = child(child(doc.root, 'SoccerFeed'), 'SoccerDocument');
  const data = child(document, 'MatchData');
  if (!document || !data)
    throw formatError(file, 'an Opta F7 file is SoccerFeed/SoccerDocument/MatchData', { line: 1 });
  const info = child(data, 'MatchInfo');
  const result = child(info, 'Result');
  // Names and positions: the Team elements (PersonName First/Known/Last).
  const names = new Map<string, { name: string; fullName?: string }>();
  const teamNames = new Map<string, string>();
  const officials = new Map<string, { id: string; name: string }[]>();
  for (const team of children(document, 'Team')) {
    const ref = attr(team, 'uID');
    if (!ref) continue;
    teamNames.set(ref, textOf(team, 'Name') ?? ref);
    for (const p of children(team, 'Player')) {
      const id = attr(p, 'uID');
      const person = child(p, 'PersonName');
      if (!id) continue;
      const full = [textOf(person, 'First'), textOf(person, 'Last')].filter(Boolean).join(' ');
      names.set(id, preferName(textOf(person, 'Known') ?? full, full, id));
    }
    officials.set(
      ref,
      children(team, 'TeamOfficial').flatMap((o) => {
        const id = attr(o, 'uID');
        const person = child(o, 'PersonName');
        const name = [textOf(person, 'First'), textOf(person, 'Last')].filter(Boolean).join(' ');
        return id && name ? [{ id, name: name.slice(0, 128) }] : [];
      }),
    );
  }
  const teams = children(data, 'TeamData').map((t): F7Team => {
    const ref = attr(t, 'TeamRef');
    const sideText = attr(t, 'Side');
    if (!ref || (sideText !== 'Home' && sideText !== 'Away'))
      throw formatError(file, 'a TeamData element needs TeamRef and Side="Home" or "Away"', {
        ...(doc.line(t) ? { line: doc.line(t)! } : {}),
      });
    const players = children(child(t, 'PlayerLineUp'), 'MatchPlayer').map((p): SheetPlayer => {
      const id = attr(p, 'PlayerRef');
      if (!id)
        throw formatError(file, 'a MatchPlayer element has no PlayerRef', {
          ...(doc.line(p) ? { line: doc.line(p)! } : {}),
        });
      const shirt = shirtOf(attr(p, 'ShirtNumber'));
      const position = attr(p, 'Position') === 'Substitute' ? attr(p, 'SubPosition') : attr(p, 'Position');
      return {
        id,
        ...(names.get(id) ?? { name: id }),
        ...(shirt === undefined ? {} : { shirt }),
        ...(position ? { position } : {}),
        starter: attr(p, 'Status') === 'Start',
      };
    });
    const score = Number(attr(t, 'Score'));
    const kicks = Number(attr(t, 'ShootOutScore'));
    const formation = attr(t, 'Formation');
    return {
      id: ref,
      name: teamNames.get(ref) ?? ref,
      side: sideText === 'Home' ? 'home' : 'away',
      players,
      officials: officials.get(ref) ?? [],
      ...(attr(t, 'Score') !== undefined && Number.isInteger(score) ? { score } : {}),
      ...(attr(t, 'ShootOutScore') !== undefined && Number.isInteger(kicks) ? { shootoutScore: kicks } : {}),
      ...(formation ? { formation } : {}),
    };
  });
  const home = teams.find((t) => t.side === 'home');
  const away = teams.find((t) => t.side === 'away');
  if (!home || !away) throw formatError(file, 'an Opta F7 file needs a Home and an Away TeamData');
  const competition = child(document, 'Competition');
  const attendance = Number(textOf(info, 'Attendance'));
  const kickoff = f7Date(textOf(info, 'Date'));
  const matchId = attr(document, 'uID');
  const competitionName = textOf(competition, 'Name');
  const season = statOf(competition, 'season_name') ?? statOf(competition, 'season_id');
  const round = statOf(competition, 'matchday');
  const venue = textOf(child(document, 'Venue'), 'Name');
  const resultType = attr(result, 'Type');
  const winner = attr(result, 'Winner');
  return {
    ...(matchId ? { matchId } : {}),
    ...(kickoff ? { kickoff } : {}),
    ...(competitionName ? { competition: competitionName } : {}),
    ...(season ? { season } : {}),
    ...(round ? { round } : {}),
    ...(venue ? { venue } : {}),
    ...(Number.isInteger(attendance) ? { attendance } : {}),
    ...(resultType ? { resultType } : {}),
    ...(winner ? { winner } : {}),
    home,
    away,
  };
}
