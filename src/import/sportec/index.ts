/**
 * Sportec Solutions / DFL event data: `sportec.load({ events, meta })`. Two XML files, both a
 * `PutDataRequest`: the match information (`MatchInformation`: competition, season, matchday,
 * kick-off, teams with their players and `Starting` flags, coaches, referees, `Result`) and the
 * event feed (`Event` elements with an `EventTime` wall-clock stamp, each wrapping a chain of
 * elements: `KickOff > Play > Pass`, `ShotAtGoal > SuccessfulShot`, `Caution`, `Substitution`...).
 * Periods run from a `KickOff` with a `GameSection` to the `FinalWhistle` of that section; an
 * event's instant is its time since its period's kick-off. The feed checks itself: `FinalResult`
 * on each `FinalWhistle`, `CurrentResult` on each goal and the sheet's `Result` are score
 * checkpoints, and the sheet decides (a goal whose own running score contradicts the count, when
 * leaving it out is what makes the goals agree with the sheet, is left out and reported).
 */
import type { MatchOfficial, Side } from '../../events/index.js';
import { MatchlineError } from '../../events/errors.js';
import { PERIOD_START } from '../../time/index.js';
import {
  addLineups,
  attr,
  child,
  children,
  clockLabel,
  fileName,
  fileText,
  finishStream,
  formatError,
  goalSides,
  guarded,
  loadResult,
  matchRules,
  parseXml,
  preferName,
  seasonLabel,
  sectionPeriod,
  shirtOf,
  StreamBuilder,
  type Checkpoint,
  type LoadResult,
  type PlayPeriod,
  type ProviderFile,
  type Score,
  type SheetTeam,
  type XmlDocument,
  type XmlNode,
} from '../kit/index.js';

export interface SportecOptions {
  /** Keep every on-ball event as an `action` (default: only what changes match state). */
  readonly keepActions?: boolean;
  readonly competition?: string;
  readonly season?: string;
}

export interface SportecFiles {
  /** The event feed (`PutDataRequest` of `Event`s). */
  readonly events: ProviderFile;
  /** The match information (`PutDataRequest` with `MatchInformation`). */
  readonly meta: ProviderFile;
}

const ID_UNSAFE = /[^A-Za-z0-9._:-]/g;
const safeId = (id: string) => id.replace(ID_UNSAFE, '_').slice(0, 64);

/** "1:0" to a score; anything else is no checkpoint. */
function result(value: string | undefined): Score | undefined {
  const m = value ? /^\s*(\d{1,3})\s*:\s*(\d{1,3})\s*$/.exec(value) : null;
  return m ? { home: Number(m[1]), away: Number(m[2]) } : undefined;
}

/** Which of the two files a parsed document is (content detection for the command). */
export function sportecKind(doc: XmlDocument): 'meta' | 'events' | null {
  const root = child(doc.root, 'PutDataRequest');
  if (!root) return null;
  if (child(root, 'MatchInformation')) return 'meta';
  if (children(root, 'Event').length > 0) return 'events';
  return null;
}

const OFFICIAL_ROLES: Record<string, MatchOfficial['role']> = {
  referee: 'referee',
  firstAssistant: 'assistant',
  secondAssistant: 'assistant',
  fourthOfficial: 'fourthOfficial',
  videoReferee: 'var',
  videoAssistant: 'assistantVar',
  videoRefereeAssistant: 'assistantVar',
};

/** The element after ShotAtGoal that says how a penalty was missed. */
const MISSED: { readonly [element: string]: string } = {
  SavedShot: 'saved',
  BlockedShot: 'saved',
  ShotWide: 'offTarget',
  ShotWoodWork: 'woodwork',
};

interface Sheet {
  readonly matchId: string;
  readonly general: XmlNode;
  readonly home: SheetTeam;
  readonly away: SheetTeam;
  readonly officials: MatchOfficial[];
  readonly venue?: string;
  /** Period lengths in ms the sheet states (`OtherGameInformation` TotalTime*), by period. */
  readonly lengths: Map<PlayPeriod, number>;
}

function readSheet(doc: XmlDocument, file: string): Sheet {
  const info = child(child(doc.root, 'PutDataRequest'), 'MatchInformation');
  const general = child(info, 'General');
  if (!info || !general)
    throw formatError(file, 'not DFL match information: no PutDataRequest > MatchInformation > General', {
      line: 1,
    });
  const teams = children(child(info, 'Teams'), 'Team');
  const team = (role: string): SheetTeam => {
    const node = teams.find((t) => attr(t, 'Role') === role);
    const id = attr(node, 'TeamId');
    if (!node || !id)
      throw formatError(file, `the match information has no Team with Role="${role}" and a TeamId`, {
        ...(doc.line(info) ? { line: doc.line(info)! } : {}),
      });
    const players = children(child(node, 'Players'), 'Player').flatMap((p) => {
      const pid = attr(p, 'PersonId');
      if (!pid) return [];
      const full = [attr(p, 'FirstName'), attr(p, 'LastName')].filter(Boolean).join(' ');
      const shirt = shirtOf(attr(p, 'ShirtNumber'));
      const position = attr(p, 'PlayingPosition');
      return [
        {
          id: safeId(pid),
          ...preferName(attr(p, 'Shortname'), full, pid),
          ...(shirt === undefined ? {} : { shirt }),
          ...(position ? { position } : {}),
          starter: attr(p, 'Starting') === 'true',
        },
      ];
    });
    const coaches = children(child(node, 'TrainerStaff'), 'Trainer')
      .filter((t) => attr(t, 'Role') === 'headcoach' && attr(t, 'PersonId'))
      .map((t) => ({
        id: safeId(attr(t, 'PersonId')!),
        name: (attr(t, 'Shortname') ?? attr(t, 'LastName') ?? attr(t, 'PersonId')!).slice(0, 128),
      }));
    return {
      id: safeId(id),
      name: (attr(node, 'TeamName') ?? id).slice(0, 128),
      players,
      ...(coaches.length ? { officials: coaches } : {}),
    };
  };
  const officials = children(child(info, 'Referees'), 'Referee').flatMap((r): MatchOfficial[] => {
    const name =
      attr(r, 'Shortname') ?? [attr(r, 'FirstName'), attr(r, 'LastName')].filter(Boolean).join(' ');
    if (!name) return [];
    const id = attr(r, 'PersonId');
    return [
      {
        role: OFFICIAL_ROLES[attr(r, 'Role') ?? ''] ?? 'other',
        name: name.slice(0, 128),
        ...(id ? { id: id.slice(0, 128) } : {}),
      },
    ];
  });
  const other = child(info, 'OtherGameInformation');
  const lengths = new Map<PlayPeriod, number>();
  for (const [key, period] of [
    ['TotalTimeFirstHalf', 1],
    ['TotalTimeSecondHalf', 2],
    ['TotalTimeFirstHalfExtra', 3],
    ['TotalTimeSecondHalfExtra', 4],
  ] as const) {
    const ms = Number(attr(other, key));
    if (Number.isFinite(ms) && ms > 0) lengths.set(period, Math.round(ms));
  }
  const venue = attr(child(info, 'Environment'), 'StadiumName');
  return {
    matchId: attr(general, 'MatchId') ?? 'unknown',
    general,
    home: team('home'),
    away: team('guest'),
    officials: officials.slice(0, 16),
    ...(venue ? { venue: venue.slice(0, 128) } : {}),
    lengths,
  };
}

/** One `Event`: its id, wall-clock time, and the chain of first children with their attributes. */
interface FeedRecord {
  readonly id: string;
  readonly line?: number;
  readonly time: number;
  /** Element names from the outside in: ["ShotAtGoal", "SuccessfulShot"]. */
  readonly chain: readonly string[];
  readonly nodes: readonly XmlNode[];
  /** The chain's attributes, outer elements winning (kloppy reads them the same way). */
  readonly attrs: ReadonlyMap<string, string>;
}

function readRecords(doc: XmlDocument, file: string): FeedRecord[] {
  const root = child(doc.root, 'PutDataRequest');
  const events = children(root, 'Event');
  if (events.length === 0)
    throw formatError(file, 'not a DFL event feed: no PutDataRequest > Event elements', { line: 1 });
  return events.map((e, i) => {
    const line = doc.line(e);
    const where = line ? { line } : {};
    const id = attr(e, 'EventId');
    if (!id) throw formatError(file, `event ${i} has no EventId`, where);
    const stamp = attr(e, 'EventTime');
    const time = stamp ? Date.parse(stamp) : NaN;
    if (!Number.isFinite(time))
      throw formatError(file, `event ${id} has no EventTime in ISO 8601 (${stamp ?? 'none'})`, where);
    const chain: string[] = [];
    const nodes: XmlNode[] = [];
    let node: XmlNode | undefined = e;
    while (node) {
      const next: [string, XmlNode[]] | undefined = Object.entries(node).find(
        (entry): entry is [string, XmlNode[]] => Array.isArray(entry[1]) && entry[0] !== '#text',
      );
      if (!next || !next[1][0]) break;
      chain.push(next[0]);
      nodes.push(next[1][0]);
      node = next[1][0];
    }
    if (chain.length === 0) throw formatError(file, `event ${id} has no element inside it`, where);
    const attrs = new Map<string, string>();
    for (const n of [...nodes].reverse())
      for (const [k, v] of Object.entries(n)) if (typeof v === 'string') attrs.set(k, v);
    return { id: safeId(id), ...(line ? { line } : {}), time, chain, nodes, attrs };
  });
}

export function load(files: SportecFiles, options: SportecOptions = {}): LoadResult {
  const metaName = fileName(files.meta, 'sportec_meta.xml');
  const eventsName = fileName(files.events, 'sportec_events.xml');
  const meta = parseXml(fileText(files.meta), metaName);
  const events = parseXml(fileText(files.events), eventsName);
  return guarded(eventsName, () =>
    convert(readSheet(meta, metaName), readRecords(events, eventsName), eventsName, options),
  );
}

function convert(sheet: Sheet, records: FeedRecord[], file: string, options: SportecOptions): LoadResult {
  const builder = new StreamBuilder({ provider: 'sportec', prefix: 'dfl', file, order: 'time' });
  const { general } = sheet;
  const sideOf = (team: string | undefined): Side | undefined =>
    team === undefined
      ? undefined
      : safeId(team) === sheet.home.id
        ? 'home'
        : safeId(team) === sheet.away.id
          ? 'away'
          : undefined;

  // Periods: a KickOff with a GameSection starts one; the FinalWhistle of that section ends it.
  const starts = new Map<PlayPeriod, number>();
  const ends = new Map<PlayPeriod, { time: number; result?: Score }>();
  for (const r of records) {
    const section = sectionPeriod(r.attrs.get('GameSection'));
    if (!section) continue;
    if (r.chain[0] === 'KickOff' && !starts.has(section)) starts.set(section, r.time);
    if (r.chain[0] === 'FinalWhistle') {
      const finalResult = result(r.attrs.get('FinalResult'));
      ends.set(section, { time: r.time, ...(finalResult ? { result: finalResult } : {}) });
    }
  }
  const periods = [...starts.keys()].sort((a, b) => a - b);
  if (periods.length === 0)
    throw formatError(file, 'the event feed has no KickOff with a GameSection: no period can be placed');
  const periodOf = (time: number): PlayPeriod | undefined =>
    [...periods].reverse().find((p) => starts.get(p)! <= time);
  const instant = (time: number) => {
    const period = periodOf(time) ?? periods[0]!;
    const ms = Math.max(0, Math.round(time - starts.get(period)!));
    const running = (PERIOD_START[period] ?? 0) * 60 + ms / 1000;
    return { at: { period, ms }, clock: clockLabel(Math.floor(running / 60), running % 60) };
  };

  const kickoffText =
    (attr(general, 'PlannedKickoffTime') ?? attr(general, 'KickoffTime'))?.replace(/\.000(?=[+-Z])/, '') ??
    new Date(starts.get(periods[0]!)!).toISOString();
  const competition = options.competition ?? attr(general, 'CompetitionName') ?? 'DFL';
  const matchDay = attr(general, 'MatchDay');
  builder.setup({
    type: 'fixture',
    competition: competition.slice(0, 128),
    season: options.season ?? seasonLabel(attr(general, 'Season'), kickoffText),
    round: (matchDay ? `Matchday ${matchDay}` : 'Unknown').slice(0, 64),
    leg: 'single',
    home: { id: sheet.home.id, name: sheet.home.name },
    away: { id: sheet.away.id, name: sheet.away.name },
    ...(sheet.venue ? { venue: sheet.venue } : {}),
    ...(sheet.officials.length ? { officials: sheet.officials } : {}),
    kickoff: kickoffText,
    rules: matchRules({ competition, kickoff: kickoffText, periods }),
    source: { provider: 'sportec', id: sheet.matchId.slice(0, 128) },
  });
  const known = addLineups(builder, sheet.home, sheet.away);
  const starters = new Set(
    [...sheet.home.players, ...sheet.away.players].filter((p) => p.starter).map((p) => p.id),
  );
  // Who comes on, and when: a goal or assist counts for a player on the pitch at its time.
  const cameOn = new Map<string, number>();
  for (const r of records)
    if (r.chain[0] === 'Substitution') {
      const on = r.attrs.get('PlayerIn');
      if (on && !cameOn.has(safeId(on))) cameOn.set(safeId(on), r.time);
    }
  const onPitchAt = (id: string, time: number) =>
    starters.has(id) || (cameOn.has(id) && cameOn.get(id)! <= time);
  const nameOf = new Map([...sheet.home.players, ...sheet.away.players].map((p) => [p.id, p.name]));
  const player = (id: string | undefined): string | undefined => {
    const pid = id ? safeId(id) : undefined;
    return pid && known.has(pid) ? pid : undefined;
  };

  for (const p of periods) {
    builder.add('periodStarted', { period: p, ms: 0 }, {});
    const end = ends.get(p);
    const length = end ? end.time - starts.get(p)! : sheet.lengths.get(p);
    if (length === undefined) {
      builder.warn(
        'IMPORT_NOTE',
        `period ${p} has no FinalWhistle and the sheet no length: it ends at its last event`,
      );
      const last = Math.max(...records.filter((r) => periodOf(r.time) === p).map((r) => r.time));
      builder.add('periodEnded', instant(last).at, { clock: instant(last).clock });
      continue;
    }
    const at = { period: p, ms: Math.max(0, Math.round(length)) };
    const running = (PERIOD_START[p] ?? 0) * 60 + at.ms / 1000;
    builder.add('periodEnded', at, { clock: clockLabel(Math.floor(running / 60), running % 60) });
  }

  // Goals first, so the running scores they carry can be checked against the sheet.
  interface Goal {
    readonly record: FeedRecord;
    readonly team: Side;
    readonly scorerTeam: Side;
    readonly own: boolean;
    readonly current?: Score;
  }
  const goals: Goal[] = [];
  for (const r of [...records].sort((a, b) => a.time - b.time)) {
    if (r.chain.includes('SuccessfulShot')) {
      const side = sideOf(
        (r.nodes[r.chain.indexOf('ShotAtGoal')]?.Team as string | undefined) ?? r.attrs.get('Team'),
      );
      const current = result(r.attrs.get('CurrentResult'));
      if (side)
        goals.push({ record: r, team: side, scorerTeam: side, own: false, ...(current ? { current } : {}) });
    } else if (r.chain[0] === 'OwnGoal') {
      const scorerTeam = sideOf(r.attrs.get('Team'));
      const countsFor = sideOf(r.attrs.get('TeamOwnGoalCountsFor'));
      const current = result(r.attrs.get('CurrentResult'));
      if (scorerTeam) {
        const sides = goalSides(scorerTeam, true);
        if (countsFor && countsFor !== sides.team)
          builder.warn(
            'FEED_CONTRADICTION',
            `own goal ${r.id}: TeamOwnGoalCountsFor names the scorer's own team`,
            { eventId: r.id },
          );
        goals.push({ record: r, ...sides, own: true, ...(current ? { current } : {}) });
      }
    }
  }
  const sheetFinal = result(attr(general, 'Result'));
  const lastPeriod = periods[periods.length - 1]!;
  const whistleFinal = ends.get(lastPeriod)?.result;
  const decided = sheetFinal ?? whistleFinal;
  const count = (list: readonly Goal[]) => ({
    home: list.filter((g) => g.team === 'home').length,
    away: list.filter((g) => g.team === 'away').length,
  });
  const equal = (a: Score, b: Score) => a.home === b.home && a.away === b.away;
  // A goal contradicts itself when its CurrentResult is not the running score it makes.
  const inconsistent = new Set<FeedRecord>();
  {
    const running = { home: 0, away: 0 };
    for (const g of goals) {
      running[g.team] += 1;
      if (g.current && !equal(g.current, running)) inconsistent.add(g.record);
    }
  }
  const leftOut = new Set<FeedRecord>();
  if (decided && !equal(count(goals), decided) && inconsistent.size > 0) {
    const kept = goals.filter((g) => !inconsistent.has(g.record));
    if (equal(count(kept), decided))
      for (const g of goals.filter((x) => inconsistent.has(x.record))) {
        leftOut.add(g.record);
        builder.warn(
          'FEED_CONTRADICTION',
          `${g.own ? 'own goal' : 'goal'} ${g.record.id} says the score is ${g.record.attrs.get('CurrentResult')}, which the goals before it do not make, and counting it would contradict the match sheet's ${decided.home}:${decided.away}: left out as an action (the sheet decides)`,
          { eventId: g.record.id, ...(g.record.line ? { line: g.record.line } : {}) },
        );
      }
  }

  const yellow = new Set<string>();
  for (const r of records) {
    const head = r.chain[0]!;
    if (
      head === 'FinalWhistle' ||
      (head === 'KickOff' && r.attrs.get('GameSection') && options.keepActions !== true)
    ) {
      if (head === 'KickOff') builder.play(sideOf(r.attrs.get('Team')) ?? 'home', instant(r.time).at);
      continue;
    }
    const { at, clock } = instant(r.time);
    const source = { id: r.id, clock };
    const side = sideOf(r.attrs.get('Team'));
    const goal = goals.find((g) => g.record === r);
    if (goal && !leftOut.has(r)) {
      const scorerId = player(r.attrs.get('Player'));
      const onPitch = scorerId && onPitchAt(scorerId, r.time) ? scorerId : undefined;
      if (scorerId && !onPitch)
        builder.warn(
          'IMPORT_NOTE',
          `goal ${r.id}: ${nameOf.get(scorerId) ?? scorerId} is a substitute whose coming-on is not in the feed: the goal names him without crediting a player on the pitch`,
          { eventId: r.id },
        );
      const assistId = goal.own
        ? undefined
        : player(r.attrs.get('Assist') ?? r.attrs.get('AssistShotAtGoal'));
      builder.add(
        'goal',
        at,
        {
          team: goal.team,
          scorerTeam: goal.scorerTeam,
          ...(onPitch
            ? { scorer: onPitch }
            : scorerId
              ? { scorerName: nameOf.get(scorerId) ?? scorerId }
              : {}),
          ...(assistId && assistId !== onPitch && onPitchAt(assistId, r.time) ? { assist: assistId } : {}),
          penalty: r.chain.includes('Penalty'),
          ownGoal: goal.own,
        },
        source,
      );
      continue;
    }
    const shot = r.chain.indexOf('ShotAtGoal');
    if (r.chain.includes('Penalty') && shot >= 0 && !goal && at.period !== 5) {
      const outcome = MISSED[r.chain[shot + 1] ?? ''];
      const taker = player(r.attrs.get('Player'));
      if (outcome && taker && side && onPitchAt(taker, r.time)) {
        builder.add('penaltyMissed', at, { team: side, taker, outcome }, source);
        continue;
      }
    }
    if (head === 'Substitution' && side) {
      const off = player(r.attrs.get('PlayerOut'));
      const on = player(r.attrs.get('PlayerIn'));
      if (off && on) {
        builder.add('substitution', at, { team: side, playerOff: off, playerOn: on, kind: 'normal' }, source);
      } else
        builder.warn(
          'FEED_CONTRADICTION',
          `substitution ${r.id} lacks a known PlayerOut or PlayerIn: not written`,
          {
            eventId: r.id,
          },
        );
      continue;
    }
    if (head === 'Caution' && side) {
      const carded = player(r.attrs.get('Player'));
      const colour = r.attrs.get('CardColor');
      const card =
        colour === 'yellow'
          ? carded && yellow.has(carded)
            ? 'secondYellow'
            : 'yellow'
          : colour === 'yellowRed'
            ? 'secondYellow'
            : colour === 'red'
              ? 'red'
              : null;
      if (card && carded) {
        if (card === 'yellow') yellow.add(carded);
        builder.add('booking', at, { team: side, player: carded, card }, source);
        continue;
      }
      builder.warn(
        'IMPORT_NOTE',
        `caution ${r.id} (CardColor ${colour ?? 'none'}) has ${card ? 'no known player' : 'no colour matchline reads'}: kept as an action`,
        {
          eventId: r.id,
        },
      );
    }
    const kind = leftOut.has(r)
      ? `${r.chain.join(' > ')} (left out: contradicts the sheet)`
      : r.chain.join(' > ');
    if (side && (options.keepActions === true || leftOut.has(r) || head === 'Caution')) {
      const p = player(r.attrs.get('Player'));
      builder.add('action', at, { team: side, ...(p ? { player: p } : {}), kind: kind.slice(0, 64) }, source);
    } else if (side) builder.play(side, at);
  }

  const halfTime = ends.get(1)?.result;
  const fullTime = ends.get(2)?.result;
  if (sheetFinal && whistleFinal && !equal(sheetFinal, whistleFinal))
    builder.warn(
      'FEED_CONTRADICTION',
      `the match information's Result ${sheetFinal.home}:${sheetFinal.away} and the last FinalWhistle's ${whistleFinal.home}:${whistleFinal.away} disagree: the match information decides`,
    );
  const checkpoint: Checkpoint | undefined = decided
    ? {
        source: sheetFinal ? 'DFL match information Result' : 'FinalWhistle FinalResult',
        final: decided,
        ...(fullTime && lastPeriod === 2 ? { fullTime: sheetFinal ?? fullTime } : {}),
        ...(halfTime ? { halfTime } : {}),
      }
    : undefined;
  const stream = finishStream(
    `sportec-${sheet.matchId}`.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 128),
    builder.build(),
    builder.warnings,
    checkpoint,
    file,
  );
  return loadResult([stream], builder.warnings);
}

/** The command's shape: the two XML files in any order, told apart by their content. */
export function loadFiles(files: readonly ProviderFile[], options: SportecOptions = {}): LoadResult {
  let meta: ProviderFile | undefined;
  let events: ProviderFile | undefined;
  for (const f of files) {
    const name = fileName(f, 'sportec.xml');
    const kind = sportecKind(parseXml(fileText(f), name));
    if (kind === 'meta' && !meta) meta = f;
    else if (kind === 'events' && !events) events = f;
    else
      throw new MatchlineError({
        code: 'USAGE',
        message: `${name} is ${kind ? `a second DFL ${kind} file` : 'neither DFL match information nor a DFL event feed'}: give one of each`,
        file: name,
      });
  }
  if (!meta || !events)
    throw new MatchlineError({
      code: 'USAGE',
      message: `DFL data is two XML files, the match information and the event feed: the ${meta ? 'event feed' : 'match information'} is missing`,
    });
  return load({ meta, events }, options);
}
