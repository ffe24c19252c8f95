/**
 * StatsBomb open data to a matchline stream. Pure: takes the parsed events, lineups and (optionally)
 * the matches-file entry; never reads files. Order is StatsBomb's `index`, never the minute.
 */
import type { MatchEvent, Rules, Side } from '../../events/index.js';
import type { Problem } from '../../events/errors.js';
import { MatchlineError } from '../../events/errors.js';
import { finishStream, keepValid, preferName, type Checkpoint } from '../kit/index.js';
import type { MatchState } from '../../match/state.js';
import { formatElapsed, periodStart } from '../../time/index.js';

/* The subset of StatsBomb's JSON the importer reads. */
interface SbRef {
  id: number;
  name: string;
}
export interface SbEvent {
  id: string;
  index: number;
  period: number;
  timestamp: string;
  minute: number;
  second: number;
  type: SbRef;
  team?: SbRef;
  player?: SbRef;
  tactics?: { lineup: { player: SbRef; position?: SbRef; jersey_number?: number }[] };
  shot?: { outcome: SbRef; type: SbRef };
  substitution?: { replacement: SbRef; outcome?: SbRef };
  foul_committed?: { card?: SbRef };
  bad_behaviour?: { card?: SbRef };
}
export interface SbLineupPlayer {
  player_id: number;
  player_name: string;
  player_nickname?: string | null;
  jersey_number?: number;
  positions?: {
    position: string;
    from: string;
    to: string | null;
    from_period: number;
    to_period: number | null;
    start_reason: string;
    end_reason: string;
  }[];
}
export interface SbLineupTeam {
  team_id: number;
  team_name: string;
  lineup: SbLineupPlayer[];
}
export interface SbMatch {
  match_id: number;
  match_date: string;
  kick_off?: string | null;
  competition?: { competition_name: string };
  season?: { season_name: string };
  competition_stage?: { name: string };
  stadium?: { name: string } | null;
  home_team: { home_team_id: number; home_team_name: string };
  away_team: { away_team_id: number; away_team_name: string };
  home_score?: number | null;
  away_score?: number | null;
}

/** A goal known from another source (e.g. openfootball) for the part of a match an excerpt leaves out. */
export interface PriorGoal {
  readonly team: Side;
  readonly name: string;
  readonly minute: number;
  readonly offset?: number;
  readonly penalty?: boolean;
  readonly ownGoal?: boolean;
}

export interface StatsBombInput {
  readonly events: readonly SbEvent[];
  readonly lineups: readonly SbLineupTeam[];
  readonly match?: SbMatch;
  /** Fixture details when there is no matches-file entry. */
  readonly fixture?: {
    competition?: string;
    season?: string;
    round?: string;
    kickoff?: string;
    home?: string;
    venue?: string;
  };
  readonly rules?: Partial<Rules>;
  /** Goals before an excerpt's first event, from another source. */
  readonly priorGoals?: readonly PriorGoal[];
  /** Keep every other on-ball event as an `action` (the whole feed), instead of only counting it. */
  readonly keepActions?: boolean;
  /**
   * Players (StatsBomb id or name) who went off for a concussion substitute. StatsBomb codes these
   * changes as Tactical or Injury, so the feed cannot say; the match report can.
   */
  readonly concussion?: readonly (number | string)[];
  /** The events file's name, for warnings. */
  readonly file?: string;
}

export interface ImportResult {
  readonly events: MatchEvent[];
  /** StatsBomb event types not mapped, with counts (passes, carries, ...). */
  readonly skipped: Record<string, number>;
  /** The importer's own notes (home/away guessed, excerpt prelude, ...) and the engine's lenient warnings. */
  readonly warnings: Problem[];
  readonly state: MatchState;
  /** The score as the matches file decides it (the events' own without one). */
  readonly result: {
    readonly score: { home: number; away: number };
    readonly decidedBy: string;
    readonly agrees: boolean;
  };
}

const T = {
  startingXI: 35,
  halfStart: 18,
  halfEnd: 34,
  substitution: 19,
  shot: 16,
  ownGoalAgainst: 20,
  ownGoalFor: 25,
  foulCommitted: 22,
  badBehaviour: 24,
} as const;
const GOAL = 97;
const PENALTY = 88;
const CARD: Record<number, 'yellow' | 'secondYellow' | 'red'> = { 7: 'yellow', 6: 'secondYellow', 5: 'red' };
/** Events that are not play: they neither end a stoppage nor open a period's play. */
const NOT_IN_PLAY = new Set([
  T.startingXI,
  T.halfStart,
  T.halfEnd,
  T.substitution,
  36 /* Tactical Shift */,
  40 /* Injury Stoppage */,
  26,
  27,
]);

function ms(timestamp: string): number {
  const m = /^(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(timestamp);
  if (!m) return 0;
  return (
    ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 +
    Number((m[4] ?? '0').padEnd(3, '0').slice(0, 3))
  );
}

/** "95:10" on StatsBomb's match clock in period p to milliseconds since that period's kick-off. */
function clockToMs(clock: string, period: number): number {
  const [mm, ss] = clock.split(':').map(Number) as [number, number];
  return Math.max(0, (mm * 60 + ss) * 1000 - periodStart(period) * 60_000);
}

const pid = (id: number) => `sb-${id}`;
const seasonOf = (name: string | undefined): string | undefined => {
  if (!name) return undefined;
  const m = /^(\d{4})\/(\d{4})$/.exec(name);
  return m ? `${m[1]}-${m[2]!.slice(2)}` : /^\d{4}$/.test(name) ? name : undefined;
};
const tokens = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);

export function importStatsBomb(input: StatsBombInput): ImportResult {
  const sorted = [...input.events].sort((a, b) => a.index - b.index);
  const warnings: Problem[] = [];
  const note = (message: string, index?: number) =>
    warnings.push({
      code: 'IMPORT_NOTE',
      message,
      ...(index === undefined ? {} : { eventId: `sb-${index}` }),
    });
  const skipped: Record<string, number> = {};

  // Home and away: the matches file, an explicit home team, or (a guess) the first Starting XI.
  const xis = sorted.filter((e) => e.type.id === T.startingXI);
  let homeId: number | undefined = input.match?.home_team.home_team_id;
  if (homeId === undefined && input.fixture?.home !== undefined)
    homeId = input.lineups.find((t) => t.team_name === input.fixture?.home)?.team_id;
  if (homeId === undefined) {
    homeId = xis[0]?.team?.id ?? input.lineups[0]?.team_id;
    warnings.push({
      code: 'IMPORT_NOTE',
      message:
        'home and away guessed from the first Starting XI (give the matches-file entry or the home team: StatsBomb files do not say)',
    });
  }
  const homeTeam = input.lineups.find((t) => t.team_id === homeId);
  const awayTeam = input.lineups.find((t) => t.team_id !== homeId);
  if (!homeTeam || !awayTeam)
    throw new MatchlineError({ code: 'PROVIDER_FORMAT', message: 'the lineups file must hold both teams' });
  // Names: the lineups' nickname (the name a player is known by) first, the full name kept.
  const names = new Map<string, { name: string; fullName?: string }>();
  for (const team of input.lineups)
    for (const p of team.lineup)
      names.set(pid(p.player_id), preferName(p.player_nickname, p.player_name, pid(p.player_id)));
  const named = (id: string, fallback: string) => names.get(id) ?? preferName(undefined, fallback, id);
  const sideOf = (teamId: number | undefined): Side => (teamId === homeTeam.team_id ? 'home' : 'away');

  const periods = new Set(sorted.map((e) => e.period));
  const rules: Rules = {
    maxSubs: 5,
    maxOpportunities: 3,
    extraTime: [...periods].some((p) => p >= 3),
    shootout: periods.has(5),
    extraTimeExtraSub: true,
    concussionSubs: false,
    awayGoals: 'none',
    ...input.rules,
  };
  const out: MatchEvent[] = [];
  const push = (e: Record<string, unknown>) => out.push(e as unknown as MatchEvent);
  const m = input.match;
  if (!m && !input.fixture?.kickoff)
    throw new MatchlineError({
      code: 'USAGE',
      message:
        'StatsBomb events and lineups carry no date: give the matches file (or its entry) or the kick-off time',
    });
  const kickoff =
    input.fixture?.kickoff ?? `${m!.match_date}T${(m!.kick_off ?? '00:00:00.000').slice(0, 8)}Z`;
  push({
    id: 'sb-fixture',
    type: 'fixture',
    competition: input.fixture?.competition ?? m?.competition?.competition_name ?? 'StatsBomb open data',
    season: input.fixture?.season ?? seasonOf(m?.season?.season_name) ?? kickoff.slice(0, 4),
    round: input.fixture?.round ?? m?.competition_stage?.name ?? 'Unknown',
    leg: 'single',
    home: { id: `sb-team-${homeTeam.team_id}`, name: homeTeam.team_name },
    away: { id: `sb-team-${awayTeam.team_id}`, name: awayTeam.team_name },
    ...((input.fixture?.venue ?? m?.stadium?.name)
      ? { venue: input.fixture?.venue ?? m?.stadium?.name }
      : {}),
    kickoff,
    rules,
    ...(m ? { source: { provider: 'statsbomb', id: String(m.match_id) } } : {}),
  });

  // Line-ups: Starting XI events, or (an excerpt) the lineups file's Starting XI positions.
  const starters = new Map<Side, { id: string; name: string; shirt?: number; position?: string }[]>();
  for (const xi of xis) {
    starters.set(
      sideOf(xi.team?.id),
      (xi.tactics?.lineup ?? []).map((l) => ({
        id: pid(l.player.id),
        ...named(pid(l.player.id), l.player.name),
        ...(l.jersey_number === undefined ? {} : { shirt: l.jersey_number }),
        ...(l.position ? { position: l.position.name } : {}),
      })),
    );
  }
  const excerpt = xis.length === 0;
  for (const team of [homeTeam, awayTeam]) {
    const side = sideOf(team.team_id);
    if (starters.has(side)) continue;
    starters.set(
      side,
      team.lineup
        .filter((p) => p.positions?.some((x) => x.start_reason === 'Starting XI'))
        .map((p) => ({
          id: pid(p.player_id),
          ...named(pid(p.player_id), p.player_name),
          ...(p.jersey_number === undefined ? {} : { shirt: p.jersey_number }),
        })),
    );
  }
  const sheet = (team: SbLineupTeam) => {
    const start = starters.get(sideOf(team.team_id)) ?? [];
    const startIds = new Set(start.map((p) => p.id));
    return {
      starting: start,
      substitutes: team.lineup
        .filter((p) => !startIds.has(pid(p.player_id)))
        .map((p) => ({
          id: pid(p.player_id),
          ...named(pid(p.player_id), p.player_name),
          ...(p.jersey_number === undefined ? {} : { shirt: p.jersey_number }),
        })),
    };
  };
  push({ id: 'sb-lineups', type: 'lineups', home: sheet(homeTeam), away: sheet(awayTeam) });

  if (excerpt) {
    const first = sorted[0];
    const firstPeriod = first?.period ?? 1;
    const firstMs = first ? ms(first.timestamp) : 0;
    note(
      `excerpt: events start in period ${firstPeriod}; periods before it have nominal lengths and substitutions come from the lineups file`,
    );
    // Substitutions from the lineups file's positions: an Off and an On of one team at the same clock.
    const offs = new Map<string, string[]>();
    const prelude: { period: number; ms: number; event: Record<string, unknown> }[] = [];
    for (const team of [homeTeam, awayTeam]) {
      for (const p of team.lineup) {
        for (const x of p.positions ?? []) {
          if (x.end_reason.startsWith('Substitution - Off') && x.to && x.to_period) {
            const key = `${team.team_id}|${x.to_period}|${x.to}`;
            offs.set(key, [...(offs.get(key) ?? []), pid(p.player_id)]);
          }
        }
      }
    }
    for (const team of [homeTeam, awayTeam]) {
      for (const p of team.lineup) {
        for (const x of p.positions ?? []) {
          if (!x.start_reason.startsWith('Substitution - On')) continue;
          const key = `${team.team_id}|${x.from_period}|${x.from}`;
          const off = offs.get(key)?.shift();
          if (!off) {
            note(`no player off matches ${p.player_name} coming on at ${x.from} (period ${x.from_period})`);
            continue;
          }
          const at = { period: x.from_period, ms: clockToMs(x.from, x.from_period) };
          if (at.period > firstPeriod || (at.period === firstPeriod && at.ms >= firstMs)) continue; // in the excerpt itself
          prelude.push({
            period: at.period,
            ms: at.ms,
            event: {
              type: 'substitution',
              at,
              clock: x.from,
              team: sideOf(team.team_id),
              playerOff: off,
              playerOn: pid(p.player_id),
              kind: 'normal',
              atInterval: at.ms === 0 && at.period > 1,
            },
          });
        }
      }
    }
    for (const g of input.priorGoals ?? []) {
      const minute = g.minute;
      const period = minute <= 45 ? 1 : minute <= 90 ? 2 : minute <= 105 ? 3 : 4;
      const ordinal = minute - periodStart(period) + (g.offset ?? 0);
      const at = { period, ms: (ordinal - 1) * 60_000 + 30_000 };
      const scorerSide: Side = g.ownGoal ? (g.team === 'home' ? 'away' : 'home') : g.team;
      const team = scorerSide === 'home' ? homeTeam : awayTeam;
      const wanted = tokens(g.name);
      const player = team.lineup.find((p) => {
        const have = new Set([...tokens(p.player_name), ...tokens(p.player_nickname ?? '')]);
        return wanted.every((t) => have.has(t));
      });
      if (!player)
        note(
          `prior goal by ${g.name}: no such player in the ${team.team_name} lineup; recorded without a scorer`,
        );
      prelude.push({
        period,
        ms: at.ms,
        event: {
          type: 'goal',
          at,
          team: g.team,
          ...(player ? { scorer: pid(player.player_id) } : {}),
          scorerTeam: scorerSide,
          penalty: g.penalty === true,
          ownGoal: g.ownGoal === true,
        },
      });
    }
    prelude.sort((a, b) => a.period - b.period || a.ms - b.ms);
    let k = 0;
    for (let p = 1; p <= firstPeriod; p++) {
      if (p === 5) break;
      push({ id: `sb-prelude-start-${p}`, type: 'periodStarted', at: { period: p, ms: 0 } });
      for (const item of prelude.filter((x) => x.period === p))
        push({ id: `sb-prelude-${k++}`, ...item.event });
      if (p < firstPeriod)
        push({
          id: `sb-prelude-end-${p}`,
          type: 'periodEnded',
          at: { period: p, ms: (p <= 2 ? 45 : 15) * 60_000 },
        });
    }
  }

  const started = new Set<number>();
  const ended = new Set<number>();
  const playedInPeriod = new Map<string, boolean>(); // team|period -> has an in-play event
  const subGroup = new Map<Side, string | null>();
  const concussed = new Set((input.concussion ?? []).map(String));
  const lastMs = new Map<number, number>();
  for (const e of sorted) {
    const side = sideOf(e.team?.id);
    const at = { period: e.period, ms: ms(e.timestamp) };
    // After its period's Half End nothing more happens in it (kloppy appended such events to 15946).
    if (ended.has(e.period) && e.type.id !== T.halfEnd) {
      warnings.push({
        code: e.type.id === T.ownGoalAgainst || e.type.id === T.shot ? 'FEED_CONTRADICTION' : 'IMPORT_NOTE',
        message: `${e.type.name} (index ${e.index}, ${e.minute}:${String(e.second).padStart(2, '0')}) comes after the Half End of period ${e.period}: left out`,
        eventId: `sb-${e.index}`,
      });
      continue;
    }
    // A stamp earlier than the event before it in index order (rulebook §7): kept at the later time.
    const before = lastMs.get(e.period) ?? 0;
    if (at.ms < before && e.type.id !== T.halfStart) {
      note(
        `index ${e.index} (${e.type.name}) is stamped ${e.timestamp}, before the event it follows: placed at ${formatElapsed({ period: e.period, ms: before })}`,
        e.index,
      );
      at.ms = before;
    } else lastMs.set(e.period, at.ms);
    const base = {
      id: `sb-${e.index}`,
      at,
      clock: `${e.minute}:${String(e.second).padStart(2, '0')}`,
      source: { provider: 'statsbomb', id: e.id },
    };
    const inPlay = !NOT_IN_PLAY.has(e.type.id);
    if (inPlay && e.team) {
      playedInPeriod.set(`${side}|${e.period}`, true);
      subGroup.set('home', null);
      subGroup.set('away', null);
    }
    switch (e.type.id) {
      case T.startingXI:
        continue;
      case T.halfStart:
        if (!started.has(e.period)) {
          started.add(e.period);
          push({ ...base, type: 'periodStarted' });
        }
        continue;
      case T.halfEnd:
        if (!ended.has(e.period)) {
          ended.add(e.period);
          push({ ...base, type: 'periodEnded' });
        }
        continue;
      case T.substitution: {
        if (!e.player || !e.substitution) break;
        // R-MIN-P4: a change in the first minute of periods 2-4 before the team has played belongs to the interval.
        const atInterval =
          e.period >= 2 && e.period <= 4 && at.ms < 60_000 && !playedInPeriod.get(`${side}|${e.period}`);
        const group = subGroup.get(side) ?? `${side}-${e.index}`;
        subGroup.set(side, group);
        push({
          ...base,
          type: 'substitution',
          team: side,
          playerOff: pid(e.player.id),
          playerOn: pid(e.substitution.replacement.id),
          kind:
            concussed.has(String(e.player.id)) ||
            concussed.has(e.player.name) ||
            concussed.has(named(pid(e.player.id), e.player.name).name)
              ? 'concussion'
              : 'normal',
          atInterval,
          ...(atInterval ? {} : { opportunityId: group }),
        });
        continue;
      }
      case T.shot: {
        if (!e.shot || !e.player) break;
        const penalty = e.shot.type.id === PENALTY;
        const outcome = e.shot.outcome.id;
        if (e.period === 5) {
          const result =
            outcome === GOAL
              ? 'scored'
              : outcome === 100 || outcome === 116
                ? 'saved'
                : outcome === 99
                  ? 'woodwork'
                  : 'missed';
          push({ ...base, type: 'shootoutKick', team: side, taker: pid(e.player.id), outcome: result });
          continue;
        }
        if (outcome === GOAL) {
          push({
            ...base,
            type: 'goal',
            team: side,
            scorer: pid(e.player.id),
            scorerTeam: side,
            penalty,
            ownGoal: false,
          });
          continue;
        }
        if (penalty) {
          push({
            ...base,
            type: 'penaltyMissed',
            team: side,
            taker: pid(e.player.id),
            outcome:
              outcome === 100 || outcome === 116 || outcome === 115
                ? 'saved'
                : outcome === 99
                  ? 'woodwork'
                  : 'offTarget',
          });
          continue;
        }
        break;
      }
      case T.ownGoalAgainst:
        // One own goal: the conceding team's event carries the player; the goal goes to the other side.
        if (!e.player) break;
        push({
          ...base,
          type: 'goal',
          team: side === 'home' ? 'away' : 'home',
          scorer: pid(e.player.id),
          scorerTeam: side,
          penalty: false,
          ownGoal: true,
        });
        continue;
      case T.ownGoalFor:
        continue; // the pair's other half: counted once above
      case T.foulCommitted:
      case T.badBehaviour: {
        const card = (e.foul_committed ?? e.bad_behaviour)?.card;
        if (card && e.player && CARD[card.id]) {
          push({
            ...base,
            type: 'booking',
            team: side,
            player: pid(e.player.id),
            card: CARD[card.id],
            reason: e.type.name,
          });
          continue;
        }
        break;
      }
    }
    if (input.keepActions && e.team && e.type.name.length <= 64) {
      push({
        ...base,
        type: 'action',
        team: side,
        ...(e.player ? { player: pid(e.player.id) } : {}),
        kind: e.type.name,
      });
      continue;
    }
    skipped[e.type.name] = (skipped[e.type.name] ?? 0) + 1;
  }
  const last = out[out.length - 1];
  if (last && last.type === 'periodEnded') push({ id: 'sb-full-time', type: 'matchEnded', at: last.at });

  const events = keepValid(out as unknown as Record<string, unknown>[], (message, eventId) =>
    warnings.push({ code: 'IMPORT_NOTE', message, ...(eventId ? { eventId } : {}) }),
  );
  // The matches file's score is the final one (after extra time when played, never the kicks).
  const matchSheet: Checkpoint | undefined =
    typeof m?.home_score === 'number' && typeof m.away_score === 'number'
      ? {
          source: 'the StatsBomb matches file',
          final: {
            home: homeId === m.home_team.home_team_id ? m.home_score : m.away_score,
            away: homeId === m.home_team.home_team_id ? m.away_score : m.home_score,
          },
        }
      : undefined;
  const stream = finishStream('statsbomb', events, warnings, matchSheet, input.file);
  return { events: stream.events, skipped, warnings, state: stream.state, result: stream.result };
}
