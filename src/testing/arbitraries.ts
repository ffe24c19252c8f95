/**
 * fast-check arbitraries that generate valid football matches. Each arbitrary draws a plan (times,
 * actors by position, outcomes) and a builder turns any plan into a valid stream with its own small
 * model of the Laws (who is on the pitch, limits, score), skipping planned actions that the model
 * forbids. So every plan, including every shrunk one, yields a valid match.
 */
import fc from 'fast-check';
import type { MatchEvent, Rules, Side } from '../events/index.js';

export interface MatchOptions {
  /** Rules preset overrides (defaults: 5 substitutions in 3 opportunities, extra time and kicks allowed). */
  readonly rules?: Partial<Rules>;
  readonly leg?: 1 | 2 | 'single';
  readonly goals?: boolean;
  readonly substitutions?: boolean;
  readonly bookings?: boolean;
  /** Allow red cards to take a team below seven, ending in an abandonment (and an awarded result). */
  readonly abandonment?: boolean;
  readonly addedTime?: boolean;
  readonly extraTime?: boolean;
  readonly shootout?: boolean;
  readonly var?: boolean;
  readonly corrections?: boolean;
  /** At most this many planned actions per period (default 8). */
  readonly maxActionsPerPeriod?: number;
  readonly homeName?: string;
  readonly awayName?: string;
  readonly season?: string;
  readonly kickoff?: string;
}

type ActionKind =
  'goal' | 'ownGoal' | 'penaltyGoal' | 'penaltyMiss' | 'sub' | 'yellow' | 'secondYellow' | 'red';

interface ActionPlan {
  readonly t: number;
  readonly kind: ActionKind;
  readonly side: Side;
  readonly a: number;
  readonly b: number;
  readonly retract: boolean;
  readonly recredit: boolean;
}

interface MatchPlan {
  readonly extra: readonly number[];
  readonly periods: readonly (readonly ActionPlan[])[];
  readonly intervalSubs: readonly (readonly { side: Side; a: number; b: number }[])[];
  readonly kicks: readonly boolean[];
  readonly firstKicker: Side;
}

/** What the builder needs to know about the tie when it decides on extra time and kicks. */
export interface TieContext {
  /** Goals already scored by this match's home and away teams in the first leg (aggregate carry-over). */
  readonly carry: { readonly home: number; readonly away: number };
  /** This match's away team's away goals from the first leg, and this match's home team's. */
  readonly awayGoals: { readonly home: number; readonly away: number } | null;
}

export const DEFAULT_TEST_RULES: Rules = {
  maxSubs: 5,
  maxOpportunities: 3,
  extraTime: true,
  shootout: true,
  extraTimeExtraSub: true,
  concussionSubs: false,
  awayGoals: 'none',
};

const NOMINAL = [0, 45, 45, 15, 15];
const other = (s: Side): Side => (s === 'home' ? 'away' : 'home');

function actionArb(o: MatchOptions): fc.Arbitrary<ActionPlan> {
  const kinds: ActionKind[] = [];
  if (o.goals !== false) kinds.push('goal', 'goal', 'ownGoal', 'penaltyGoal', 'penaltyMiss');
  if (o.substitutions !== false) kinds.push('sub', 'sub');
  if (o.bookings !== false)
    kinds.push(
      'yellow',
      'yellow',
      'secondYellow',
      'red',
      ...(o.abandonment ? (['red', 'red'] as const) : []),
    );
  if (kinds.length === 0) kinds.push('goal');
  return fc.record({
    t: fc.integer({ min: 0, max: 999 }),
    kind: fc.constantFrom(...kinds),
    side: fc.constantFrom<Side>('home', 'away'),
    a: fc.nat(30),
    b: fc.nat(30),
    retract: o.var || o.corrections ? fc.boolean() : fc.constant(false),
    recredit: o.corrections ? fc.boolean() : fc.constant(false),
  });
}

function planArb(o: MatchOptions): fc.Arbitrary<MatchPlan> {
  const perPeriod = fc.array(actionArb(o), { maxLength: o.maxActionsPerPeriod ?? 8 });
  const intervalSub = fc.record({
    side: fc.constantFrom<Side>('home', 'away'),
    a: fc.nat(30),
    b: fc.nat(30),
  });
  return fc.record({
    extra: fc.array(o.addedTime === false ? fc.constant(0) : fc.integer({ min: 0, max: 6 * 60_000 }), {
      minLength: 5,
      maxLength: 5,
    }),
    periods: fc.array(perPeriod, { minLength: 4, maxLength: 4 }),
    intervalSubs: fc.array(fc.array(intervalSub, { maxLength: o.substitutions === false ? 0 : 2 }), {
      minLength: 3,
      maxLength: 3,
    }),
    kicks: fc.array(fc.boolean(), { maxLength: 16 }),
    firstKicker: fc.constantFrom<Side>('home', 'away'),
  });
}

/** A squad of 11 starters and 9 substitutes; ids are stable per side so tallies can be checked. */
function squad(prefix: string, name: string) {
  return {
    starting: Array.from({ length: 11 }, (_, i) => ({
      id: `${prefix}${i + 1}`,
      name: `${name} ${i + 1}`,
      shirt: i + 1,
    })),
    substitutes: Array.from({ length: 9 }, (_, i) => ({
      id: `${prefix}${i + 12}`,
      name: `${name} ${i + 12}`,
      shirt: i + 12,
    })),
  };
}

interface Model {
  onPitch: Record<Side, string[]>;
  bench: Record<Side, string[]>;
  yellows: Set<string>;
  subs: Record<Side, number>;
  opportunities: Record<Side, number>;
  lastSub: Record<Side, { counter: number; period: number; ms: number } | null>;
  inPlay: number;
  score: Record<Side, number>;
}

/** Builds a valid stream from a plan. */
function build(plan: MatchPlan, o: MatchOptions, tie?: TieContext): MatchEvent[] {
  const rules: Rules = { ...DEFAULT_TEST_RULES, ...o.rules };
  if (o.extraTime === false) rules.extraTime = false;
  if (o.shootout === false) rules.shootout = false;
  const leg = o.leg ?? 'single';
  if (leg === 1) {
    rules.extraTime = false;
    rules.shootout = false;
  }
  const homeName = o.homeName ?? 'Home';
  const awayName = o.awayName ?? 'Away';
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const prefix = { home: `${slug(homeName)}-`, away: `${slug(awayName)}-` };
  const events: MatchEvent[] = [];
  let n = 0;
  const push = (e: Record<string, unknown>): string => {
    const id = `ev${n++}`;
    events.push({ id, ...e } as unknown as MatchEvent);
    return id;
  };
  push({
    type: 'fixture',
    competition: 'Generated Cup',
    season: o.season ?? '2023-24',
    round: 'Generated',
    leg,
    home: { id: slug(homeName), name: homeName },
    away: { id: slug(awayName), name: awayName },
    kickoff: o.kickoff ?? '2024-01-01T20:00:00Z',
    rules,
  });
  const home = squad(prefix.home, homeName);
  const away = squad(prefix.away, awayName);
  push({ type: 'lineups', home, away });
  const m: Model = {
    onPitch: { home: home.starting.map((p) => p.id), away: away.starting.map((p) => p.id) },
    bench: { home: home.substitutes.map((p) => p.id), away: away.substitutes.map((p) => p.id) },
    yellows: new Set(),
    subs: { home: 0, away: 0 },
    opportunities: { home: 0, away: 0 },
    lastSub: { home: null, away: null },
    inPlay: 0,
    score: { home: 0, away: 0 },
  };
  const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;
  let abandoned = false;

  const subLimit = (period: number) => rules.maxSubs + (period >= 3 && rules.extraTimeExtraSub ? 1 : 0);
  const oppLimit = (period: number) =>
    rules.maxOpportunities === null
      ? Infinity
      : rules.maxOpportunities + (period >= 3 && rules.extraTimeExtraSub ? 1 : 0);

  const sendOff = (side: Side, player: string, at: { period: number; ms: number }): boolean => {
    if (m.onPitch[side].length - 1 < 7 && !o.abandonment) return false;
    m.onPitch[side] = m.onPitch[side].filter((p) => p !== player);
    if (m.onPitch[side].length < 7) {
      abandoned = true;
      push({ type: 'matchAbandoned', at, reason: 'fewer than seven players' });
      push({
        type: 'resultAwarded',
        home: side === 'home' ? 0 : 3,
        away: side === 'home' ? 3 : 0,
        reason: 'forfeit',
      });
    }
    return true;
  };

  const playPeriod = (period: number): void => {
    const length = NOMINAL[period]! * 60_000 + (plan.extra[period] ?? 0);
    push({ type: 'periodStarted', at: { period, ms: 0 } });
    m.inPlay++;
    let last = 0;
    const actions = [...(plan.periods[period - 1] ?? [])].sort((x, y) => x.t - y.t);
    const addedAt = NOMINAL[period]! * 60_000 - 1000;
    let addedDone = !(plan.extra[period] ?? 0);
    for (const action of actions) {
      if (abandoned) return;
      const ms = Math.max(last, Math.floor((action.t / 1000) * (length - 2000)) + 1000);
      if (!addedDone && ms > addedAt) {
        push({
          type: 'addedTime',
          at: { period, ms: Math.max(last, addedAt) },
          minutes: Math.ceil((plan.extra[period] ?? 0) / 60_000),
        });
        last = Math.max(last, addedAt);
        addedDone = true;
      }
      const at = { period, ms: Math.max(last, ms) };
      last = at.ms;
      const side = action.side;
      const mine = m.onPitch[side];
      switch (action.kind) {
        case 'goal':
        case 'penaltyGoal':
        case 'ownGoal': {
          const ownGoal = action.kind === 'ownGoal';
          const scorerSide = ownGoal ? other(side) : side;
          const scorer = pick(m.onPitch[scorerSide], action.a);
          const assistCandidate = pick(mine, action.b);
          const assist =
            !ownGoal && assistCandidate !== scorer && action.b % 3 === 0 ? assistCandidate : undefined;
          const id = push({
            type: 'goal',
            at,
            team: side,
            scorer,
            scorerTeam: scorerSide,
            ...(assist ? { assist } : {}),
            penalty: action.kind === 'penaltyGoal',
            ownGoal,
          });
          m.score[side]++;
          m.inPlay++;
          if (action.retract) {
            push({ type: 'varReviewStarted', at, target: id, category: 'goal' });
            push({ type: 'varReviewCompleted', at, target: id, category: 'goal', outcome: 'overturned' });
            push({ type: 'eventRetracted', at, target: id, reason: 'var' });
            m.score[side]--;
          } else if (action.recredit && !ownGoal) {
            const newScorer = pick(mine, action.a + 1);
            if (newScorer !== scorer && newScorer !== assist)
              push({
                type: 'eventAmended',
                at,
                target: id,
                patch: { scorer: newScorer },
                reason: 'scoutError',
              });
          }
          break;
        }
        case 'penaltyMiss':
          push({
            type: 'penaltyMissed',
            at,
            team: side,
            taker: pick(mine, action.a),
            outcome: pick(['saved', 'offTarget', 'woodwork'] as const, action.b),
          });
          m.inPlay++;
          break;
        case 'sub': {
          if (m.bench[side].length === 0 || m.subs[side] >= subLimit(period)) break;
          const last = m.lastSub[side];
          const same =
            last !== null && last.counter === m.inPlay && last.period === period && at.ms - last.ms <= 60_000;
          if (!same && m.opportunities[side] >= oppLimit(period)) break;
          const off = pick(mine, action.a);
          const on = pick(m.bench[side], action.b);
          push({
            type: 'substitution',
            at,
            team: side,
            playerOff: off,
            playerOn: on,
            kind: 'normal',
            atInterval: false,
          });
          m.onPitch[side] = mine.map((p) => (p === off ? on : p));
          m.bench[side] = m.bench[side].filter((p) => p !== on);
          m.subs[side]++;
          if (!same) m.opportunities[side]++;
          m.lastSub[side] = { counter: m.inPlay, period, ms: at.ms };
          break;
        }
        case 'yellow':
        case 'secondYellow':
        case 'red': {
          const player = pick(mine, action.a);
          const second =
            action.kind === 'secondYellow' || (action.kind === 'yellow' && m.yellows.has(player));
          if (action.kind === 'secondYellow' && !m.yellows.has(player)) {
            push({ type: 'booking', at, team: side, player, card: 'yellow' });
            m.yellows.add(player);
            break;
          }
          if (second || action.kind === 'red') {
            if (m.onPitch[side].length - 1 < 7 && !o.abandonment) break;
            push({
              type: 'booking',
              at,
              team: side,
              player,
              card:
                action.kind === 'red' ? 'red' : action.kind === 'secondYellow' ? 'secondYellow' : 'yellow',
            });
            sendOff(side, player, at);
          } else {
            push({ type: 'booking', at, team: side, player, card: 'yellow' });
            m.yellows.add(player);
          }
          break;
        }
      }
    }
    if (abandoned) return;
    if (!addedDone)
      push({
        type: 'addedTime',
        at: { period, ms: Math.max(last, addedAt) },
        minutes: Math.ceil((plan.extra[period] ?? 0) / 60_000),
      });
    push({ type: 'periodEnded', at: { period, ms: Math.max(last, length) } });
    m.inPlay++;
  };

  const intervalSubs = (index: number, nextPeriod: number): void => {
    for (const s of plan.intervalSubs[index] ?? []) {
      if (m.bench[s.side].length === 0 || m.subs[s.side] >= subLimit(nextPeriod)) continue;
      const off = pick(m.onPitch[s.side], s.a);
      const on = pick(m.bench[s.side], s.b);
      push({
        type: 'substitution',
        at: { period: nextPeriod, ms: 0 },
        team: s.side,
        playerOff: off,
        playerOn: on,
        kind: 'normal',
        atInterval: true,
      });
      m.onPitch[s.side] = m.onPitch[s.side].map((p) => (p === off ? on : p));
      m.bench[s.side] = m.bench[s.side].filter((p) => p !== on);
      m.subs[s.side]++;
    }
  };

  const level = (): boolean => {
    if (!tie) return m.score.home === m.score.away;
    const aggHome = tie.carry.home + m.score.home;
    const aggAway = tie.carry.away + m.score.away;
    if (aggHome !== aggAway) return false;
    if (!tie.awayGoals) return true;
    return tie.awayGoals.home === tie.awayGoals.away + m.score.away;
  };

  playPeriod(1);
  if (abandoned) return events;
  intervalSubs(0, 2);
  playPeriod(2);
  if (abandoned) return events;
  let last = 2;
  if (rules.extraTime && leg !== 1 && level()) {
    intervalSubs(1, 3);
    playPeriod(3);
    if (abandoned) return events;
    intervalSubs(2, 4);
    playPeriod(4);
    if (abandoned) return events;
    last = 4;
  }
  // Kicks only when the match (or the tie, counting extra-time away goals where the rule says so) is level.
  const levelForKicks = tie
    ? tie.carry.home + m.score.home === tie.carry.away + m.score.away &&
      (!tie.awayGoals ||
        (last === 4 && rules.awayGoals !== 'afterNormalTimeAndExtraTime') ||
        tie.awayGoals.home === tie.awayGoals.away + m.score.away)
    : m.score.home === m.score.away;
  if (rules.shootout && leg !== 1 && levelForKicks && (last === 4 || !rules.extraTime)) {
    push({ type: 'periodStarted', at: { period: 5, ms: 0 } });
    const eligible = Math.min(m.onPitch.home.length, m.onPitch.away.length);
    const takers = { home: m.onPitch.home.slice(0, eligible), away: m.onPitch.away.slice(0, eligible) };
    const score = { home: 0, away: 0 };
    const taken = { home: 0, away: 0 };
    let ms = 60_000;
    for (let k = 0; ; k++) {
      const side = k % 2 === 0 ? plan.firstKicker : other(plan.firstKicker);
      // Once the plan runs out the first kicker scores and the second misses, so it always ends.
      const scored = k < plan.kicks.length ? plan.kicks[k]! : side === plan.firstKicker;
      push({
        type: 'shootoutKick',
        at: { period: 5, ms },
        team: side,
        taker: takers[side][taken[side] % eligible]!,
        outcome: scored ? 'scored' : 'saved',
      });
      ms += 60_000;
      taken[side]++;
      if (scored) score[side]++;
      const rem = (s: Side) => Math.max(0, 5 - taken[s]);
      const early =
        taken.home <= 5 &&
        taken.away <= 5 &&
        (score.home > score.away + rem('away') || score.away > score.home + rem('home'));
      const sudden = taken.home === taken.away && taken.home >= 5 && score.home !== score.away;
      if (early || sudden) break;
    }
    push({ type: 'periodEnded', at: { period: 5, ms } });
    push({ type: 'matchEnded', at: { period: 5, ms } });
    return events;
  }
  const endMs = NOMINAL[last]! * 60_000 + (plan.extra[last] ?? 0);
  const lastEvent = events[events.length - 1]!;
  push({ type: 'matchEnded', at: { period: last, ms: Math.max(endMs, lastEvent.at?.ms ?? 0) } });
  return events;
}

/** A valid match stream. Shrinks to smaller valid matches. */
export function arbMatch(options: MatchOptions = {}): fc.Arbitrary<MatchEvent[]> {
  return planArb(options).map((plan) => build(plan, options));
}

/** A two-legged tie: [first leg, second leg], the second with extra time and kicks when the tie needs them. */
export function arbTie(
  options: Omit<MatchOptions, 'leg' | 'abandonment'> & { awayGoals?: Rules['awayGoals'] } = {},
): fc.Arbitrary<[MatchEvent[], MatchEvent[]]> {
  const a = options.homeName ?? 'Alpha';
  const b = options.awayName ?? 'Beta';
  const rules = { ...options.rules, awayGoals: options.awayGoals ?? options.rules?.awayGoals ?? 'none' };
  return fc.tuple(planArb(options), planArb(options)).map(([p1, p2]) => {
    const leg1 = build(p1, {
      ...options,
      rules,
      leg: 1,
      homeName: a,
      awayName: b,
      kickoff: '2024-02-01T20:00:00Z',
    });
    const retracted = new Set(leg1.flatMap((e) => (e.type === 'eventRetracted' ? [e.target] : [])));
    const counted = leg1.filter((e) => e.type === 'goal' && !retracted.has(e.id));
    const h = counted.filter((e) => e.type === 'goal' && e.team === 'home').length;
    const w = counted.length - h;
    // Leg 2 has the teams the other way round: its home team is Beta.
    const awayGoals = rules.awayGoals === 'none' ? null : { home: w, away: 0 };
    const leg2 = build(
      p2,
      { ...options, rules, leg: 2, homeName: b, awayName: a, kickoff: '2024-02-08T20:00:00Z' },
      { carry: { home: w, away: h }, awayGoals },
    );
    return [leg1, leg2];
  });
}

/** A round robin (home and away when `double`) between `teams` teams, as result-only streams by default. */
export function arbGroup(
  options: { teams?: number; double?: boolean; detailed?: boolean; season?: string } = {},
): fc.Arbitrary<MatchEvent[][]> {
  const count = options.teams ?? 4;
  const names = Array.from({ length: count }, (_, i) => `Team ${String.fromCharCode(65 + i)}`);
  const pairs: [string, string][] = [];
  for (let i = 0; i < count; i++)
    for (let j = 0; j < count; j++)
      if (i !== j && (options.double !== false || i < j)) pairs.push([names[i]!, names[j]!]);
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  if (options.detailed) {
    return fc.tuple(
      ...pairs.map(([h, a], k) =>
        arbMatch({
          homeName: h,
          awayName: a,
          extraTime: false,
          shootout: false,
          maxActionsPerPeriod: 4,
          season: options.season ?? '2023-24',
          kickoff: `2024-0${1 + (k % 9)}-0${1 + (k % 9)}T20:00:00Z`,
        }),
      ),
    );
  }
  return fc.tuple(...pairs.map(() => fc.tuple(fc.nat(5), fc.nat(5)))).map((scores) =>
    scores.map(([hs, as], k) => {
      const [h, a] = pairs[k]!;
      return [
        {
          id: `g${k}-f`,
          type: 'fixture',
          competition: 'Generated League',
          season: options.season ?? '2023-24',
          round: `Round ${k + 1}`,
          leg: 'single',
          home: { id: slug(h), name: h },
          away: { id: slug(a), name: a },
          kickoff: `2024-01-01T20:00:00Z`,
          rules: { ...DEFAULT_TEST_RULES, extraTime: false, shootout: false },
        },
        { id: `g${k}-r`, type: 'resultRecorded', fullTime: { home: hs, away: as } },
      ] as unknown as MatchEvent[];
    }),
  );
}
