/**
 * Stats Perform: `statsperform.load({ matchSheet: ma1, events: ma3 })`, JSON or XML. The MA1 gives
 * the fixture, line-ups (match names first), officials, assists and the scores that decide the
 * result; the MA3 gives the events, in Opta's coding (mapped by ../opta/events.ts). Without an MA3
 * the MA1's goals, cards and substitutions make the stream.
 */
import type { Side } from '../../events/index.js';
import { MatchlineError } from '../../events/errors.js';
import {
  addLineups,
  clockLabel,
  finishStream,
  goalSides,
  guarded,
  loadResult,
  matchRules,
  numberedPeriod,
  preferName,
  runningClockMs,
  seasonLabel,
  shirtOf,
  StreamBuilder,
  type Checkpoint,
  type LoadResult,
  type ProviderFile,
  type Score,
  type SheetTeam,
} from '../kit/index.js';
import { mapOptaRecords, type OptaRecord } from '../opta/events.js';
import { list, num, obj, readFeed, str, type Plain } from './feed.js';

export { readFeed } from './feed.js';

export interface StatsPerformFiles {
  /** The MA1 match sheet (JSON or XML). */
  readonly matchSheet: ProviderFile;
  /** The MA3 event feed of the same match (JSON or XML). */
  readonly events?: ProviderFile;
}
export interface StatsPerformOptions {
  readonly keepActions?: boolean;
  readonly competition?: string;
  readonly season?: string;
}

const CARDS: Record<string, 'yellow' | 'secondYellow' | 'red'> = {
  YC: 'yellow',
  Y2C: 'secondYellow',
  RC: 'red',
};

function records(ma3: Plain, file: string): OptaRecord[] {
  return list(obj(ma3.liveData).event).map((e, i): OptaRecord => {
    const need = (key: string) => {
      const v = num(e[key]);
      if (v === undefined || !Number.isInteger(v))
        throw new MatchlineError({
          code: 'PROVIDER_FORMAT',
          message: `event ${i} has no whole-number ${key}`,
          file,
          pointer: `/liveData/event/${i}/${key}`,
        });
      return v;
    };
    const id = str(e.id);
    if (!id)
      throw new MatchlineError({
        code: 'PROVIDER_FORMAT',
        message: `event ${i} has no id`,
        file,
        pointer: `/liveData/event/${i}`,
      });
    const qualifiers = new Map<number, string>();
    for (const q of list(e.qualifier)) {
      const qid = num(q.qualifierId);
      if (qid !== undefined) qualifiers.set(qid, str(q.value) ?? '');
    }
    const player = str(e.playerId);
    const team = str(e.contestantId);
    const outcome = str(e.outcome);
    const timestamp = str(e.timeStamp);
    return {
      id,
      eventId: str(e.eventId) ?? '',
      typeId: need('typeId'),
      periodId: need('periodId'),
      min: need('timeMin'),
      sec: need('timeSec'),
      team: team ?? '',
      ...(player ? { player } : {}),
      ...(outcome ? { outcome } : {}),
      ...(timestamp ? { timestamp } : {}),
      qualifiers,
    };
  });
}

const score = (v: unknown): Score | undefined => {
  const s = obj(v);
  const home = num(s.home);
  const away = num(s.away);
  return home === undefined || away === undefined ? undefined : { home, away };
};

export function load(files: StatsPerformFiles, options: StatsPerformOptions = {}): LoadResult {
  const sheet = readFeed(files.matchSheet, 'ma1.json');
  if (sheet.kind !== 'ma1')
    throw new MatchlineError({
      code: 'USAGE',
      message: 'the match sheet given is an MA3 event feed: give the MA1',
      file: sheet.name,
    });
  const events = files.events ? readFeed(files.events, 'ma3.json') : undefined;
  if (events && events.kind !== 'ma3')
    throw new MatchlineError({
      code: 'USAGE',
      message: 'the events file given is an MA1 match sheet: give the MA3',
      file: events.name,
    });
  return guarded(sheet.name, () => convert(sheet, events, options));
}

function convert(
  sheet: { name: string; feed: Plain },
  events: { name: string; feed: Plain } | undefined,
  options: StatsPerformOptions,
): LoadResult {
  const file = events?.name ?? sheet.name;
  const info = obj(sheet.feed.matchInfo);
  const live = obj(sheet.feed.liveData);
  const details = obj(live.matchDetails);
  const builder = new StreamBuilder({ provider: 'statsperform', prefix: 'sp', file, order: 'time' });
  const contestants = list(info.contestant);
  const homeC = contestants.find((c) => c.position === 'home');
  const awayC = contestants.find((c) => c.position === 'away');
  if (!homeC || !awayC || !str(homeC.id) || !str(awayC.id))
    throw new MatchlineError({
      code: 'PROVIDER_FORMAT',
      message: 'matchInfo.contestant needs a home and an away team with ids',
      file: sheet.name,
      pointer: '/matchInfo/contestant',
    });
  const homeId = str(homeC.id)!;
  const awayId = str(awayC.id)!;
  const sideOf = (team: unknown): Side | null => (team === homeId ? 'home' : team === awayId ? 'away' : null);
  const date = (str(info.date) ?? '').replace(/Z$/, '');
  const time = str(info.time) ?? '00:00:00Z';
  const kickoff = `${date}T${time.endsWith('Z') ? time : `${time}Z`}`;
  if (Number.isNaN(Date.parse(kickoff)))
    throw new MatchlineError({
      code: 'PROVIDER_FORMAT',
      message: `matchInfo date/time "${date}" "${time}" is not a date`,
      file: sheet.name,
      pointer: '/matchInfo/date',
    });
  const competition = options.competition ?? str(obj(info.competition).name) ?? 'Stats Perform';
  const scores = obj(details.scores);
  const periodsPlayed = list(details.period)
    .map((p) => num(p.id))
    .filter((p): p is number => p !== undefined);
  const shootoutScore = score(scores.pen);
  const week = str(info.week);
  builder.setup({
    type: 'fixture',
    competition: competition.slice(0, 128),
    season: options.season ?? seasonLabel(str(obj(info.tournamentCalendar).name), kickoff),
    round: (week ? `Matchday ${week}` : (str(obj(info.stage).name) ?? 'Unknown')).slice(0, 64),
    leg: 'single',
    home: { id: homeId, name: str(homeC.name) ?? homeId },
    away: { id: awayId, name: str(awayC.name) ?? awayId },
    ...(str(obj(info.venue).longName) ? { venue: str(obj(info.venue).longName)!.slice(0, 128) } : {}),
    kickoff,
    rules: matchRules({
      competition,
      kickoff,
      periods: periodsPlayed,
      shootout: shootoutScore !== undefined,
    }),
    source: { provider: 'statsperform', id: str(info.id) ?? 'unknown' },
  });

  // Line-ups: match names first (the name on the score sheet), first + last kept.
  const cards = list(live.card);
  const team = (id: string, c: Plain): SheetTeam => {
    const lineUp = list(live.lineUp).find((l) => l.contestantId === id);
    const officials = list(lineUp?.teamOfficial).flatMap((o) => {
      const oid = str(o.id);
      const name = [str(o.shortFirstName) ?? str(o.firstName), str(o.shortLastName) ?? str(o.lastName)]
        .filter(Boolean)
        .join(' ');
      return oid && name ? [{ id: oid, name }] : [];
    });
    // Officials booked on the sheet are officials of their team even when the line-up lists only the manager.
    for (const card of cards)
      if (
        card.contestantId === id &&
        str(card.teamOfficialId) &&
        !officials.some((o) => o.id === card.teamOfficialId)
      )
        officials.push({
          id: str(card.teamOfficialId)!,
          name: str(card.officialName) ?? str(card.teamOfficialId)!,
        });
    return {
      id,
      name: str(c.name) ?? id,
      players: list(lineUp?.player).map((p) => {
        const pid = str(p.playerId) ?? '';
        const shirt = shirtOf(p.shirtNumber);
        const position = p.position === 'Substitute' ? str(p.subPosition) : str(p.position);
        return {
          id: pid,
          ...preferName(
            str(p.matchName) ?? str(p.knownName),
            [str(p.firstName), str(p.lastName)].filter(Boolean).join(' '),
            pid,
          ),
          ...(shirt === undefined ? {} : { shirt }),
          ...(position ? { position } : {}),
          starter: p.position !== 'Substitute',
        };
      }),
      officials,
    };
  };
  const players = addLineups(builder, team(homeId, homeC), team(awayId, awayC));

  const byOptaId = (entries: Plain[]) => new Map(entries.map((e) => [str(e.optaEventId), e]));
  const sheetGoals = byOptaId(list(live.goal));
  const sheetCards = byOptaId(cards);
  let deleted: { id: string }[] = [];
  if (events) {
    const mapped = mapOptaRecords(records(events.feed, events.name), {
      builder,
      sideOf,
      players,
      keepActions: options.keepActions === true,
      officialOf: (r) => str(sheetCards.get(r.id)?.teamOfficialId) ?? r.qualifiers.get(283),
      assistOf: (r) => str(sheetGoals.get(r.id)?.assistPlayerId),
    });
    deleted = mapped.deleted;
    if (deleted.length) builder.warn('IMPORT_NOTE', `${deleted.length} deleted events (type 43) left out`);
    // The sheet's goals and cards must be events of the feed.
    const written = new Set(builder.sourceIds());
    for (const [id, g] of sheetGoals)
      if (id && !written.has(id))
        builder.warn(
          'FEED_CONTRADICTION',
          `the MA1 lists a goal by ${str(g.scorerName) ?? 'unknown'} (${str(g.timeMinSec) ?? '?'}, event ${id}) that the MA3 does not have`,
        );
  } else sheetEvents(builder, live, sideOf, players);

  const checkpoint: Checkpoint | undefined = score(scores.ft)
    ? {
        source: 'the MA1 scores',
        fullTime: score(scores.ft)!,
        ...(score(scores.ht) ? { halfTime: score(scores.ht)! } : {}),
        ...(score(scores.total) ? { final: score(scores.total)! } : {}),
        ...(score(scores.et) ? { afterExtraTime: score(scores.et)! } : {}),
        ...(shootoutScore ? { shootout: shootoutScore } : {}),
      }
    : undefined;
  const id = `statsperform-${(str(info.id) ?? 'match').replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const stream = finishStream(id, builder.build(), builder.warnings, checkpoint, file);
  return loadResult(
    [{ ...stream, deleted: deleted.map((d) => ({ provider: 'statsperform', id: d.id })) }],
    builder.warnings,
  );
}

/** Without an MA3: the MA1's own goals, cards and substitutions at their minute:second. */
function sheetEvents(
  builder: StreamBuilder,
  live: Plain,
  sideOf: (team: unknown) => Side | null,
  players: ReadonlySet<string>,
): void {
  const instant = (e: Plain) => {
    const period = numberedPeriod(num(e.periodId));
    const [m, s] = (str(e.timeMinSec) ?? '').split(':').map(Number);
    if (!period || m === undefined || s === undefined || Number.isNaN(m) || Number.isNaN(s)) return null;
    // timeMinSec is the running clock as shown (73:39); the minute is elapsed (0-based).
    return { at: { period, ms: runningClockMs(m, s, period) }, clock: clockLabel(m, s) };
  };
  const periods = list(obj(live.matchDetails).period);
  for (const p of periods) {
    const period = numberedPeriod(num(p.id));
    if (!period) continue;
    const length = (num(p.lengthMin) ?? 45) * 60_000 + (num(p.lengthSec) ?? 0) * 1000;
    builder.add('periodStarted', { period, ms: 0 }, {});
    builder.add('periodEnded', { period, ms: length }, {});
  }
  const known = (id: unknown) => (typeof id === 'string' && players.has(id) ? id : undefined);
  for (const g of list(live.goal)) {
    const t = instant(g);
    const side = sideOf(g.contestantId);
    if (!t || !side) continue;
    const own = g.type === 'OG';
    const scorer = known(g.scorerId);
    const assist = known(g.assistPlayerId);
    builder.add(
      'goal',
      t.at,
      {
        ...goalSides(side, own),
        ...(scorer ? { scorer } : {}),
        ...(assist && !own ? { assist } : {}),
        penalty: g.type === 'PG',
        ownGoal: own,
      },
      { id: str(g.optaEventId) ?? `goal-${t.clock}`, clock: t.clock },
    );
  }
  for (const c of list(live.card)) {
    const t = instant(c);
    const side = sideOf(c.contestantId);
    const card = CARDS[str(c.type) ?? ''];
    if (!t || !side || !card) continue;
    const target = known(c.playerId)
      ? { player: str(c.playerId)! }
      : str(c.teamOfficialId)
        ? { official: str(c.teamOfficialId)! }
        : null;
    if (!target) continue;
    builder.add(
      'booking',
      t.at,
      {
        team: side,
        ...target,
        card,
        ...(str(c.cardReason) ? { reason: str(c.cardReason)!.slice(0, 128) } : {}),
      },
      { id: str(c.optaEventId) ?? `card-${t.clock}`, clock: t.clock },
    );
  }
  for (const s of list(live.substitute)) {
    const t = instant(s);
    const side = sideOf(s.contestantId);
    const off = known(s.playerOffId);
    const on = known(s.playerOnId);
    if (!t || !side || !off || !on) continue;
    builder.add(
      'substitution',
      t.at,
      { team: side, playerOff: off, playerOn: on, kind: 'normal' },
      { id: `sub-${off}-${on}`, clock: t.clock },
    );
  }
}

/** The files in any order, told apart by content (MA1 has no liveData.event, MA3 has). */
export function loadFiles(files: readonly ProviderFile[], options: StatsPerformOptions = {}): LoadResult {
  let matchSheet: ProviderFile | undefined;
  let events: ProviderFile | undefined;
  for (const f of files) {
    const { kind } = readFeed(f, 'statsperform');
    if (kind === 'ma1') matchSheet = f;
    else events = f;
  }
  if (!matchSheet)
    throw new MatchlineError({
      code: 'USAGE',
      message: 'no MA1 match sheet among the files given (it names the teams and line-ups)',
    });
  return load({ matchSheet, ...(events ? { events } : {}) }, options);
}
