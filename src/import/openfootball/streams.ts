/**
 * openfootball matches to matchline streams: one stream per match. Played matches with scorers get
 * goals at their minutes and then `resultRecorded`; played matches without scorers are results only;
 * awarded matches carry `resultAwarded`; fixtures still to be played are a fixture alone. Cancelled
 * matches get no stream: they are returned as competition decisions. Where the source contradicts
 * itself the importer decides (the goals over a half-time score) and says so in `notes`.
 */
import type { MatchEvent, Problem, Rules, Side } from '../../events/index.js';
import { periodLength, periodStart } from '../../time/index.js';
import { localKickoff } from './calendar.js';
import type { OfGoal, Score } from './grammar.js';
import type { OfMatch, OfParseResult } from './txt.js';

/** How a competition's knockout rounds are played. */
export type CupFormat =
  /** Two legs where a round holds the reverse fixture (UEFA, the League Cup semi-finals). */
  | 'legs'
  /** Single matches; a drawn match is replayed with home and away swapped (the FA Cup). */
  | 'replays';

/** Resolves a source's team name to a canonical team (see `TeamDirectory.lookup`). */
export type TeamLookup = (
  name: string,
  context: { readonly source: string; readonly season: string },
) => { readonly id: string; readonly name: string } | null;

export interface StreamOptions {
  readonly competition: string;
  /** "2020-21" or "2022". */
  readonly season: string;
  /** League rounds (groups, league phases, matchdays) are single matches that need no winner. */
  readonly isLeagueRound?: (round: string) => boolean;
  readonly cupFormat?: CupFormat;
  readonly awayGoals?: Rules['awayGoals'];
  /** IANA zone of the local kick-off times (default Europe/Paris: CET/CEST). */
  readonly timeZone?: string;
  readonly teams?: TeamLookup;
}

export interface OfStream {
  readonly id: string;
  readonly match: OfMatch;
  readonly events: MatchEvent[];
  /** What the importer noticed or decided about this match, with codes. */
  readonly notes: Problem[];
}

/** A match the competition cancelled: never played, never to be played. */
export interface OfCancelled {
  readonly match: OfMatch;
  readonly id: string;
  readonly reason: string;
}

export interface OfStreams {
  readonly streams: OfStream[];
  readonly cancelled: OfCancelled[];
}

export const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)
    .replace(/-$/, '');

const LEAGUE_ROUND = /\b(?:group|gruppe|league|spieltag)\b/i;
export const defaultIsLeagueRound = (round: string): boolean =>
  LEAGUE_ROUND.test(round) || (/\bmatchday\b/i.test(round) && !/\bplay-?offs?\b/i.test(round));

type Leg = 1 | 2 | 'single';

/** First and second legs: the same pair, home and away swapped, within one knockout stage. */
function legsOf(matches: readonly OfMatch[], isLeague: (round: string) => boolean, format: CupFormat) {
  const legs = new Map<OfMatch, Leg>();
  const replayed = new Set<OfMatch>();
  const byStage = new Map<string, OfMatch[]>();
  for (const m of matches) {
    if (m.status === 'cancelled') continue;
    const list = byStage.get(m.stage);
    if (list) list.push(m);
    else byStage.set(m.stage, [m]);
  }
  for (const list of byStage.values()) {
    list.forEach((m, k) => {
      if (isLeague(m.round)) return legs.set(m, 'single');
      const other = list.findIndex((x) => x !== m && x.home === m.away && x.away === m.home);
      if (format === 'replays' || other === -1) {
        legs.set(m, 'single');
        if (other > k) replayed.add(m);
        return;
      }
      legs.set(m, k < other ? 1 : 2);
    });
  }
  return { legs, replayed };
}

const side = (s: Score) => ({ home: s[0], away: s[1] });
const show = (s: Score | null) => (s ? `${s[0]}-${s[1]}` : 'none');
const same = (a: Score | null, b: Score | null) => a !== null && b !== null && a[0] === b[0] && a[1] === b[1];

/** The instant of a goal: 30 s into its stated minute; a minute past a period's end is its added time. */
function goalInstant(g: OfGoal, lastPeriod: number): { period: number; ms: number } {
  const base = g.minute <= 45 ? 1 : g.minute <= 90 ? 2 : g.minute <= 105 ? 3 : 4;
  const stated = g.offset > 0 ? [45, 90, 105, 120].indexOf(g.minute) + 1 || base : base;
  const period = Math.min(stated, lastPeriod);
  const ordinal = g.minute - periodStart(period) + g.offset;
  return { period, ms: (ordinal - 1) * 60_000 + 30_000 };
}

export function toStreams(parsed: OfParseResult, options: StreamOptions): OfStreams {
  const isLeague = options.isLeagueRound ?? defaultIsLeagueRound;
  const format = options.cupFormat ?? 'legs';
  const { legs, replayed } = legsOf(parsed.matches, isLeague, format);
  const zone = options.timeZone ?? 'Europe/Paris';
  const used = new Set<string>();
  const streams: OfStream[] = [];
  const cancelled: OfCancelled[] = [];
  const team = (name: string) => {
    const known = options.teams?.(name, { source: 'openfootball', season: options.season });
    return { id: known?.id ?? (slug(name) || 'team'), name };
  };
  for (const m of parsed.matches) {
    let id = `${m.date}-${slug(m.home) || 'home'}-${slug(m.away) || 'away'}`;
    while (used.has(id)) id += '-b';
    used.add(id);
    const where = m.line ? `line ${m.line}` : 'JSON';
    if (m.status === 'cancelled') {
      cancelled.push({ match: m, id, reason: `cancelled (openfootball, ${where})` });
      continue;
    }
    const leg = legs.get(m) ?? 'single';
    const knockout = !isLeague(m.round);
    // Kicks straight after 90 minutes (League Cup) mean the rules had no extra time; a drawn FA Cup tie
    // that is replayed had neither.
    const decisive = knockout && leg !== 1 && !replayed.has(m);
    const rules: Rules = {
      maxSubs: 5,
      maxOpportunities: 3,
      extraTime: decisive && !(m.pens !== null && m.aet === null),
      shootout: decisive,
      extraTimeExtraSub: true,
      concussionSubs: false,
      awayGoals: options.awayGoals ?? 'none',
    };
    const notes: Problem[] = [];
    const note = (code: Problem['code'], message: string) =>
      notes.push({ code, message: `${m.home} v ${m.away}: ${message}`, ...(m.line ? { line: m.line } : {}) });
    const statusNote = m.status === 'played' || m.status === 'awarded' ? '' : `; ${m.status}: no result yet`;
    const fixture = {
      id: `${id}-fixture`,
      type: 'fixture',
      competition: options.competition,
      season: options.season,
      round: m.round,
      ...(m.group ? { group: m.group } : {}),
      leg,
      home: team(m.home),
      away: team(m.away),
      ...(m.venue ? { venue: m.venue } : {}),
      kickoff: localKickoff(
        m.date!,
        m.time,
        m.utcOffset !== null ? { offsetMinutes: m.utcOffset } : { timeZone: zone },
      ),
      rules,
      coverage: { substitutions: false, bookings: false, stoppageTime: false },
      notes: `openfootball, ${where}; kick-off local to the venue${m.time ? '' : ' (time not given)'}${
        m.goals && m.status === 'played' ? '; goal instants are 30 s into the stated minute' : ''
      }${statusNote}`,
      source: { provider: 'openfootball', id: `${options.season}/${id}` },
    };
    const events: Record<string, unknown>[] = [fixture];
    if (m.status === 'awarded') {
      if (m.awarded)
        events.push({
          id: `${id}-awarded`,
          type: 'resultAwarded',
          home: m.awarded[0],
          away: m.awarded[1],
          reason: 'awarded by the competition (openfootball [awarded])',
        });
      else note('IMPORT_NOTE', 'awarded without a score in the source: kept as a fixture without a result');
    }
    if (m.status === 'played' && m.ft) events.push(...playedEvents(id, m, note));
    streams.push({ id, match: m, events: events as unknown as MatchEvent[], notes });
  }
  return { streams, cancelled };
}

/** Periods and goals where the source lists scorers, then the recorded result. */
function playedEvents(
  id: string,
  m: OfMatch,
  note: (code: Problem['code'], message: string) => void,
): Record<string, unknown>[] {
  const ft = m.ft!;
  const final = m.aet ?? ft;
  let ht = m.ht;
  const out: Record<string, unknown>[] = [];
  let goals = m.goals;
  if (goals) {
    const count = (gs: readonly OfGoal[], s: Side, upTo = 999) =>
      gs.filter((g) => g.team === s && g.minute <= upTo).length;
    const counted = (gs: readonly OfGoal[]): Score => [count(gs, 'home'), count(gs, 'away')];
    // Goals listed under the wrong teams (seen in euro.json): the counts fit the score only swapped.
    if (!same(counted(goals), final) && same([counted(goals)[1], counted(goals)[0]], final)) {
      goals = goals.map((g) => ({ ...g, team: g.team === 'home' ? 'away' : 'home' }));
      note('IMPORT_NOTE', `the goals are listed under the wrong teams; swapped to fit ${show(final)}`);
    }
    const afterNinety: Score = [
      goals.filter((g) => g.team === 'home' && g.minute <= 90).length,
      goals.filter((g) => g.team === 'away' && g.minute <= 90).length,
    ];
    if (!same(counted(goals), final) || (m.aet && !same(afterNinety, ft))) {
      note(
        'RESULT_CONFLICT',
        `the scorers (${show(counted(goals))}) do not add up to the score ${show(final)}; the score stands, the goals are left out`,
      );
      goals = null;
    } else if (ht) {
      const firstHalf = (s: Side) =>
        goals!.filter((g) => g.team === s && goalInstant(g, 4).period === 1).length;
      const fromGoals: Score = [firstHalf('home'), firstHalf('away')];
      if (!same(fromGoals, ht)) {
        note(
          'RESULT_CONFLICT',
          `the half-time score ${show(ht)} disagrees with the scorers' minutes (${show(fromGoals)}); the goals decide`,
        );
        ht = fromGoals;
      }
    }
  }
  const result = {
    id: `${id}-result`,
    type: 'resultRecorded',
    fullTime: side(ft),
    ...(ht ? { halfTime: side(ht) } : {}),
    ...(m.aet ? { afterExtraTime: side(m.aet) } : {}),
    ...(m.pens ? { shootout: side(m.pens) } : {}),
  };
  if (!goals) return [result];
  const lastPeriod = m.aet ? 4 : 2;
  const placed = goals
    .map((g) => ({ g, at: goalInstant(g, lastPeriod) }))
    .sort((a, b) => a.at.period - b.at.period || a.at.ms - b.at.ms);
  let k = 0;
  for (let p = 1; p <= lastPeriod; p++) {
    out.push({ id: `${id}-start-${p}`, type: 'periodStarted', at: { period: p, ms: 0 } });
    let end = periodLength(p) * 60_000;
    for (const { g, at } of placed.filter((x) => x.at.period === p)) {
      const scorerTeam: Side = g.ownGoal ? (g.team === 'home' ? 'away' : 'home') : g.team;
      out.push({
        id: `${id}-goal-${k++}`,
        type: 'goal',
        at,
        clock: g.offset ? `${g.minute}+${g.offset}'` : `${g.minute}'`,
        team: g.team,
        scorerName: g.name.slice(0, 128),
        scorerTeam,
        penalty: g.penalty,
        ownGoal: g.ownGoal,
      });
      end = Math.max(end, at.ms + 30_000);
    }
    out.push({ id: `${id}-end-${p}`, type: 'periodEnded', at: { period: p, ms: end } });
  }
  const lastEnd = out[out.length - 1]!.at as { period: number; ms: number };
  out.push({ id: `${id}-full-time`, type: 'matchEnded', at: lastEnd });
  out.push(result);
  return out;
}
