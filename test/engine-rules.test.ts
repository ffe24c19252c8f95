import { describe, expect, it } from 'vitest';
import {
  fold,
  isMatchlineError,
  minutesOf,
  disciplinaryPoints,
  stateAt,
  type ErrorCode,
  type MatchEvent,
} from '../src/index.js';
import { Stream, at } from './helpers.js';

function codeOf(build: () => Stream): ErrorCode | undefined {
  try {
    fold(build().events);
  } catch (error) {
    if (isMatchlineError(error)) return error.code;
    throw error;
  }
  return undefined;
}

/** Each listed violation, with the code strict mode must throw and lenient mode must report. */
const VIOLATIONS: [string, ErrorCode, () => Stream][] = [
  ['an event before kick-off', 'EVENT_BEFORE_KICKOFF', () => new Stream().goal('home', '10', 'h9')],
  ['a second half before the first ended', 'PERIOD_OUT_OF_ORDER', () => Stream.played().start(2)],
  [
    'extra time straight after the first half',
    'PERIOD_OUT_OF_ORDER',
    () => Stream.played((s) => s.end(1)).start(3),
  ],
  [
    'time going backwards within a period',
    'TIME_WENT_BACKWARDS',
    () => Stream.played((s) => s.goal('home', '30', 'h9').goal('away', '20', 'a9')),
  ],
  [
    'a duplicate event id',
    'DUPLICATE_EVENT_ID',
    () =>
      Stream.played((s) =>
        s.goal('home', '30', 'h9').push({ id: 'e3', type: 'addedTime', at: at('45'), minutes: 2 }),
      ),
  ],
  [
    'a player not in the line-up',
    'PLAYER_NOT_IN_LINEUP',
    () => Stream.played((s) => s.goal('home', '10', 'nobody')),
  ],
  ['a scorer on the bench', 'PLAYER_NOT_ON_PITCH', () => Stream.played((s) => s.goal('home', '10', 'h15'))],
  [
    'a substituted player returning',
    'PLAYER_ALREADY_SUBSTITUTED',
    () => Stream.played((s) => s.sub('home', '20', 'h9', 'h12').sub('home', '30', 'h12', 'h9')),
  ],
  [
    'a sixth substitution',
    'SUBSTITUTION_LIMIT',
    () => Stream.played((s) => s.end(1).start(2).fiveSubs('home', '60').sub('home', '61', 'h7', 'h17')),
  ],
  [
    'a fourth opportunity',
    'OPPORTUNITY_LIMIT',
    () =>
      Stream.played((s) =>
        s
          .sub('home', '20', 'h2', 'h12')
          .sub('home', '30', 'h3', 'h13')
          .sub('home', '40', 'h4', 'h14')
          .sub('home', '44', 'h5', 'h15'),
      ),
  ],
  [
    'a sent-off player replaced',
    'PLAYER_SENT_OFF',
    () => Stream.played((s) => s.card('home', '20', 'h4', 'red').sub('home', '22', 'h4', 'h12')),
  ],
  [
    'a goal after full time',
    'EVENT_AFTER_FULL_TIME',
    () => Stream.played((s) => s.end(1).start(2).end(2).fullTime()).goal('home', '90+9', 'h9'),
  ],
  [
    'extra time in a first leg',
    'EXTRA_TIME_NOT_ALLOWED',
    () => Stream.played((s) => s.end(1).start(2).end(2), { leg: 1, rules: { extraTime: true } }).start(3),
  ],
  [
    'extra time the preset does not allow',
    'EXTRA_TIME_NOT_ALLOWED',
    () => Stream.played((s) => s.end(1).start(2).end(2)).start(3),
  ],
  [
    'kicks the preset does not allow',
    'SHOOTOUT_NOT_ALLOWED',
    () => Stream.played((s) => s.end(1).start(2).end(2)).start(5),
  ],
  [
    'extra time in a decided final',
    'MATCH_NOT_LEVEL',
    () =>
      Stream.played((s) => s.goal('home', '10', 'h9').end(1).start(2).end(2), {
        rules: { extraTime: true, shootout: true },
      }).start(3),
  ],
  [
    'a correction of an unknown id',
    'UNKNOWN_TARGET',
    () => Stream.played().push({ type: 'eventRetracted', target: 'nope', reason: 'var' }),
  ],
  [
    'retracting a kick-off',
    'CORRECTION_NOT_ALLOWED',
    () => Stream.played().push({ type: 'eventRetracted', target: 'e2', reason: 'scoutError' }),
  ],
  [
    'a correction that breaks a rule',
    'PLAYER_ALREADY_ON_PITCH',
    () =>
      Stream.played((s) => s.sub('home', '20', 'h9', 'h12')).push({
        type: 'eventAmended',
        target: 'e3',
        patch: { playerOn: 'h10' },
        reason: 'scoutError',
      }),
  ],
  [
    'a kick out of turn',
    'SHOOTOUT_ORDER',
    () =>
      Stream.played(
        (s) => s.end(1).start(2).end(2).start(5).kick('home', 'h9', 'scored').kick('home', 'h10', 'scored'),
        { rules: { shootout: true } },
      ),
  ],
  [
    'a kick after the shoot-out was decided',
    'SHOOTOUT_DECIDED',
    () => {
      const s = Stream.played((x) => x.end(1).start(2).end(2).start(5), { rules: { shootout: true } });
      for (let i = 0; i < 3; i++) s.kick('home', `h${9 - i}`, 'scored').kick('away', `a${9 - i}`, 'saved');
      return s.kick('home', 'h6', 'scored');
    },
  ],
  [
    'a goal with fewer than seven players',
    'TOO_FEW_PLAYERS',
    () =>
      Stream.played((s) => {
        for (let i = 1; i <= 5; i++) s.card('away', `${10 + i}`, `a${i}`, 'red');
        s.goal('home', '20', 'h9');
      }),
  ],
  [
    'a goal whose own-goal flag disagrees with the teams',
    'GOAL_INCONSISTENT',
    () => Stream.played((s) => s.goal('home', '10', 'a4', { scorerTeam: 'away' })),
  ],
  [
    'a booking naming nobody',
    'BOOKING_TARGET',
    () => Stream.played().push({ type: 'booking', at: at('10'), team: 'home', card: 'yellow' }),
  ],
  [
    'a stream that does not start with a fixture',
    'MISSING_FIXTURE',
    () => {
      const s = Stream.played();
      s.events.shift();
      return s;
    },
  ],
  [
    'a second fixture',
    'DUPLICATE_FIXTURE',
    () => {
      const s = new Stream();
      s.events.splice(1, 0, { ...s.events[0]!, id: 'again' });
      return s;
    },
  ],
  [
    'a scorer named before any line-ups',
    'MISSING_LINEUPS',
    () => {
      const s = Stream.played((x) => x.goal('home', '10', 'h9'));
      s.events.splice(1, 1);
      return s;
    },
  ],
  [
    'line-ups with fewer than seven starters',
    'INVALID_LINEUPS',
    () => {
      const s = new Stream();
      const lineups = s.events[1] as Extract<MatchEvent, { type: 'lineups' }>;
      s.events[1] = {
        ...lineups,
        home: {
          ...lineups.home,
          starting: lineups.home.starting.slice(0, 6) as typeof lineups.home.starting,
        },
      };
      return s;
    },
  ],
  [
    'a goal at half time without atInterval',
    'EVENT_OUTSIDE_PERIOD',
    () => Stream.played((x) => x.end(1)).goal('home', '46', 'h9'),
  ],
  [
    'a kicker who was substituted off',
    'SHOOTOUT_INELIGIBLE',
    () =>
      Stream.played(
        (x) => x.sub('home', '20', 'h9', 'h12').end(1).start(2).end(2).start(5).kick('home', 'h9', 'scored'),
        { rules: { shootout: true } },
      ),
  ],
  [
    'a recorded full-time score that disagrees with the goals',
    'RESULT_CONFLICT',
    () =>
      Stream.played((x) => x.goal('home', '10', 'h9').end(1).start(2).end(2).fullTime()).push({
        type: 'resultRecorded',
        fullTime: { home: 0, away: 0 },
      }),
  ],
];

describe('domain errors: strict throws, lenient reports the same code', () => {
  it.each(VIOLATIONS)('%s → %s', (_name, code, build) => {
    expect(codeOf(build)).toBe(code);
    const lenient = fold(build().events, undefined, { mode: 'lenient' });
    expect(lenient.warnings.map((w) => w.code)).toContain(code);
    expect(typeof lenient.warnings[0]?.index).toBe('number');
    expect(typeof lenient.warnings[0]?.eventId).toBe('string');
  });

  it('lenient mode keeps folding after a violation', () => {
    const s = Stream.played((x) => x.goal('home', '10', 'nobody').goal('home', '12', 'h9'));
    const state = fold(s.events, undefined, { mode: 'lenient' });
    expect(state.score).toEqual({ home: 1, away: 0 });
    expect(state.timeline.find((t) => t.eventId === 'e3')?.status).toBe('rejected');
  });
});

it('a rejected duplicate id leaves the id with its first event, so a correction finds the original', () => {
  const s = Stream.played((x) =>
    x
      .goal('home', '30', 'h9')
      .push({ id: 'e3', type: 'addedTime', at: at('45'), minutes: 2 })
      .push({ type: 'eventRetracted', at: at('45', 50), target: 'e3', reason: 'VAR: offside' }),
  );
  const state = fold(s.events, undefined, { mode: 'lenient' });
  expect(state.warnings.map((w) => [w.code, w.index])).toEqual([['DUPLICATE_EVENT_ID', 4]]);
  expect(state.warnings[0]?.message).toContain('already used at event #3');
  expect(state.eventIndex.get('e3')).toBe(3);
  // The retraction reached the goal, not the rejected duplicate.
  expect(state.score).toEqual({ home: 0, away: 0 });
});

it('a VAR review cannot name itself as its target', () => {
  const s = Stream.played((x) =>
    x.push({ id: 'v1', type: 'varReviewStarted', at: at('20'), category: 'goal', target: 'v1' }),
  );
  expect(codeOf(() => s)).toBe('UNKNOWN_TARGET');
});

it('line-ups naming a player twice leave no half-filled team sheet behind', () => {
  const s = new Stream();
  const lineups = s.events[1] as Extract<MatchEvent, { type: 'lineups' }>;
  s.events[1] = { ...lineups, away: { ...lineups.away, substitutes: [lineups.home.starting[0]!] } };
  const state = fold(s.events, undefined, { mode: 'lenient' });
  expect(state.warnings.map((w) => w.code)).toEqual(['INVALID_LINEUPS']);
  expect(state.players.size).toBe(0);
  expect(state.hasLineups).toBe(false);
});

describe('substitutions (T-SUB-3, T-SUB-4)', () => {
  it('changes in the same stoppage share one opportunity; half-time changes use none', () => {
    const s = Stream.played((x) =>
      x
        .end(1)
        .push({
          type: 'substitution',
          at: { period: 2, ms: 0 },
          team: 'home',
          playerOff: 'h2',
          playerOn: 'h12',
          kind: 'normal',
          atInterval: true,
        })
        .start(2)
        .sub('home', '57', 'h3', 'h13', { at: { period: 2, ms: 12 * 60_000 + 48_246 } })
        .sub('home', '57', 'h4', 'h14', { at: { period: 2, ms: 12 * 60_000 + 53_899 } }),
    );
    const state = fold(s.events);
    expect(state.teams.home.subsUsed).toBe(3);
    expect(state.teams.home.opportunitiesUsed).toBe(1);
  });

  it('an in-play event between two changes makes two opportunities', () => {
    const state = fold(
      Stream.played((x) =>
        x
          .sub('home', '20', 'h2', 'h12', { at: { period: 1, ms: 1_200_000 } })
          .goal('away', '21', 'a9', { at: { period: 1, ms: 1_210_000 } })
          .sub('home', '21', 'h3', 'h13', { at: { period: 1, ms: 1_220_000 } }),
      ).events,
    );
    expect(state.teams.home.opportunitiesUsed).toBe(2);
  });

  it('a sixth substitution is accepted in extra time when the preset allows it', () => {
    const s = Stream.played(
      (x) => x.end(1).start(2).fiveSubs('home', '60').end(2).start(3).sub('home', '95', 'h7', 'h17'),
      { rules: { extraTime: true, shootout: true } },
    );
    expect(fold(s.events).teams.home.subsUsed).toBe(6);
  });

  it('a concussion substitute after five normal ones, then the opponent’s additional substitute', () => {
    const s = Stream.played(
      (x) =>
        x
          .end(1)
          .start(2)
          .fiveSubs('home', '60')
          .sub('home', '70', 'h7', 'h17', { kind: 'concussion' })
          .sub('away', '72', 'a7', 'a17', { kind: 'additional' }),
      { rules: { concussionSubs: true } },
    );
    const state = fold(s.events);
    expect(state.teams.home.concussionSubsUsed).toBe(1);
    expect(state.teams.away.additionalSubsUsed).toBe(1);
    expect(state.players.get('h7')!.concussed).toBe(true);
    const noAllowance = Stream.played((x) => x.sub('away', '42', 'a7', 'a17', { kind: 'additional' }), {
      rules: { concussionSubs: true },
    });
    expect(codeOf(() => noAllowance)).toBe('CONCUSSION_SUB_NOT_ALLOWED');
  });
});

describe('discipline (T-DIS-*, R-DIS-*, R-SEVEN-*)', () => {
  it('two yellows are a sending-off that ends the minutes and leaves ten', () => {
    const state = fold(
      Stream.played((x) =>
        x.end(1).start(2).card('away', '50', 'a8').card('away', '54', 'a8').end(2).fullTime(),
      ).events,
    );
    expect(state.players.get('a8')!.status).toBe('sentOff');
    expect(state.players.get('a8')!.cards.map((c) => c.card)).toEqual(['yellow', 'secondYellow']);
    expect(state.teams.away.onPitch).toBe(10);
    expect(minutesOf(state, 'a8')).toBe(54);
    expect(disciplinaryPoints(state, 'away')).toBe(3);
  });

  it('a straight red ends the window at the card instant (nominal and actual)', () => {
    const state = fold(
      Stream.played((x) =>
        x.card('home', '33', 'h5', 'red').end(1, 48, 1).start(2).end(2, 48, 8).fullTime(2, 48),
      ).events,
    );
    expect(minutesOf(state, 'h5')).toBe(33);
    expect(minutesOf(state, 'h5', { mode: 'actual' })).toBe(32.5);
    expect(minutesOf(state, 'h6', { mode: 'actual' })).toBeCloseTo(96.15, 2);
    expect(disciplinaryPoints(state, 'home')).toBe(3);
  });

  it('a card to a substituted player or to the bench changes nothing on the pitch', () => {
    const state = fold(
      Stream.played((x) =>
        x
          .sub('home', '20', 'h9', 'h12')
          .card('home', '30', 'h9', 'red')
          .card('home', '31', 'h15', 'red')
          .end(1)
          .start(2)
          .end(2)
          .fullTime(),
      ).events,
    );
    expect(state.teams.home.onPitch).toBe(11);
    expect(minutesOf(state, 'h9')).toBe(20);
    expect(minutesOf(state, 'h12')).toBe(70);
  });

  it('cautions reset for the shoot-out; a card in the shoot-out touches nothing else (T-DIS-2)', () => {
    const s = Stream.played(
      (x) => x.card('home', '10', 'h1').end(1).start(2).end(2).start(5).card('home', '120', 'h1', 'yellow'),
      { rules: { shootout: true } },
    );
    s.events[s.events.length - 1] = {
      ...s.events[s.events.length - 1],
      at: { period: 5, ms: 1000 },
    } as never;
    const state = fold(s.events);
    expect(state.players.get('h1')!.status).toBe('pitch');
    expect(state.players.get('h1')!.cards).toHaveLength(2);
  });

  it('below seven players the match must be abandoned; then a result is awarded', () => {
    const s = Stream.played((x) => {
      for (let i = 1; i <= 5; i++) x.card('away', `${10 + i}`, `a${i}`, 'red');
    });
    expect(fold(s.events).mustAbandon).toBe('away');
    s.push({ type: 'matchAbandoned', at: at('16'), reason: 'fewer than seven players' });
    const abandoned = fold(s.events);
    expect(abandoned.status).toBe('abandoned');
    expect(abandoned.result).toBeNull();
    s.push({ type: 'resultAwarded', home: 3, away: 0, reason: 'forfeit' });
    const awarded = fold(s.events);
    expect(awarded.result).toMatchObject({ home: 3, away: 0, kind: 'awarded', winner: 'home' });
    expect(awarded.score).toEqual({ home: 0, away: 0 });
    expect(minutesOf(awarded, 'h9')).toBe(16);
  });

  it('a post-match rescission lowers discipline points but not minutes (T-COR-4)', () => {
    const s = Stream.played((x) => x.end(1).start(2).card('home', '70', 'h4', 'red').end(2).fullTime());
    const cardId = s.events.find((e) => e.type === 'booking')!.id;
    const before = fold(s.events);
    s.push({ type: 'cardRescinded', target: cardId, reason: 'appeal upheld' });
    const after = fold(s.events);
    expect(disciplinaryPoints(before, 'home')).toBe(3);
    expect(disciplinaryPoints(after, 'home')).toBe(0);
    expect(minutesOf(after, 'h4')).toBe(70);
    expect(after.players.get('h4')!.status).toBe('sentOff');
    // Resuming from the frozen state (as a store append does) gives the same, and leaves it untouched.
    const resumed = fold(s.events.slice(-1), before);
    expect(resumed).toEqual(after);
    expect(before.players.get('h4')!.cards[0]!.rescinded).toBe(false);
  });
});

describe('goals and own goals (R-GOAL-1)', () => {
  it('an own goal counts once, for the benefiting side, as the scorer’s own-goal tally', () => {
    const state = fold(
      Stream.played((x) => x.goal('away', '43', 'h4', { scorerTeam: 'home', ownGoal: true })).events,
    );
    expect(state.score).toEqual({ home: 0, away: 1 });
    expect(state.players.get('h4')).toMatchObject({ goals: 0, ownGoals: 1 });
  });
});

describe('kicks from the penalty mark (T-SO-*)', () => {
  it('World Cup 2022 final pattern: France first, 8 kicks, 4-2, decided after the 4th Argentine kick; 3-3 stays', () => {
    const s = Stream.played(
      (x) => {
        x.goal('home', '23', 'h10', { penalty: true })
          .goal('home', '36', 'h11')
          .end(1)
          .start(2)
          .goal('away', '80', 'a10', { penalty: true })
          .goal('away', '81', 'a10')
          .end(2)
          .start(3)
          .end(3)
          .start(4)
          .goal('home', '108', 'h11')
          .goal('away', '118', 'a10', { penalty: true })
          .end(4)
          .start(5);
        x.kick('away', 'a10', 'scored')
          .kick('home', 'h11', 'scored')
          .kick('away', 'a9', 'saved')
          .kick('home', 'h7', 'scored')
          .kick('away', 'a8', 'missed')
          .kick('home', 'h5', 'scored')
          .kick('away', 'a7', 'scored')
          .kick('home', 'h4', 'scored');
        x.end(5, 0).fullTime(5, 0);
      },
      { rules: { extraTime: true, shootout: true } },
    );
    const state = fold(s.events);
    expect(state.score).toEqual({ home: 3, away: 3 });
    expect(state.shootout).toMatchObject({
      first: 'away',
      score: { home: 4, away: 2 },
      decided: true,
      winner: 'home',
    });
    expect(state.shootout!.kicks).toHaveLength(8);
    expect(state.result).toMatchObject({ winner: 'home', decidedBy: 'penalties' });
    expect(state.goals).toHaveLength(6);
    expect(state.players.get('h11')!.goals).toBe(2);
  });

  it('ABBA (Community Shield 2017): decided 4-1 after 7 kicks', () => {
    const s = Stream.played(
      (x) => {
        x.end(1).start(2).goal('home', '50', 'h9').goal('away', '80', 'a9').end(2).start(5);
        x.kick('home', 'h2', 'scored')
          .kick('away', 'a2', 'scored')
          .kick('away', 'a3', 'scored')
          .kick('home', 'h1', 'saved')
          .kick('home', 'h9', 'missed')
          .kick('away', 'a4', 'scored')
          .kick('away', 'a9', 'scored');
      },
      { rules: { shootout: true, shootoutOrder: 'ABBA' } },
    );
    const state = fold(s.events);
    expect(state.shootout).toMatchObject({ score: { home: 1, away: 4 }, decided: true, winner: 'away' });
    expect(state.shootout!.kicks).toHaveLength(7);
  });

  it('sudden death: 5-5 is not decided until both have taken six', () => {
    const s = Stream.played((x) => x.end(1).start(2).end(2).start(5), { rules: { shootout: true } });
    for (let i = 1; i <= 5; i++) s.kick('home', `h${i}`, 'scored').kick('away', `a${i}`, 'scored');
    s.kick('home', 'h6', 'scored');
    expect(fold(s.events).shootout!.decided).toBe(false);
    s.kick('away', 'a6', 'saved');
    expect(fold(s.events).shootout).toMatchObject({
      decided: true,
      winner: 'home',
      score: { home: 6, away: 5 },
    });
  });
});

describe('minutes conventions (rulebook §3.3)', () => {
  it('half-time change 45/45; change at 90+3 gives 90/0; shoot-out adds nothing; minimumOnMinutes', () => {
    const s = Stream.played(
      (x) =>
        x
          .end(1, 48, 1.108)
          .push({
            type: 'substitution',
            at: { period: 2, ms: 0 },
            team: 'home',
            playerOff: 'h2',
            playerOn: 'h12',
            kind: 'normal',
            atInterval: true,
          })
          .start(2)
          .sub('away', '90+3', 'a9', 'a19')
          .end(2, 48, 8.184)
          .start(5)
          .kick('home', 'h9', 'scored'),
      { rules: { shootout: true } },
    );
    const state = fold(s.events);
    expect([minutesOf(state, 'h2'), minutesOf(state, 'h12')]).toEqual([45, 45]);
    expect([minutesOf(state, 'a9'), minutesOf(state, 'a19')]).toEqual([90, 0]);
    expect(minutesOf(state, 'a19', { minimumOnMinutes: 1 })).toBe(1);
    expect(minutesOf(state, 'h2', { mode: 'actual' })).toBe(48.02);
    expect(minutesOf(state, 'h12', { mode: 'actual' })).toBe(48.14);
    expect(minutesOf(state, 'h9')).toBe(90);
  });
});

describe('corrections (T-COR-1..3, R-COR-*)', () => {
  it('a goal retracted by VAR: counted until the retraction, then as if it never counted; the timeline keeps both', () => {
    const s = Stream.played((x) =>
      x
        .goal('home', '30', 'h9', { assist: 'h10' })
        .push({ type: 'varReviewStarted', at: at('31', 0), target: 'e3', category: 'goal' })
        .push({
          type: 'varReviewCompleted',
          at: at('32', 0),
          target: 'e3',
          category: 'goal',
          outcome: 'overturned',
        })
        .push({ type: 'eventRetracted', at: at('32', 10), target: 'e3', reason: 'var' }),
    );
    expect(stateAt(s.events, "31'").score).toEqual({ home: 1, away: 0 });
    const state = fold(s.events);
    expect(state.score).toEqual({ home: 0, away: 0 });
    expect(state.players.get('h9')!.goals).toBe(0);
    expect(state.players.get('h10')!.assists).toBe(0);
    expect(state.timeline.map((t) => [t.eventId, t.status])).toContainEqual(['e3', 'retracted']);
    expect(state.timeline.some((t) => t.type === 'eventRetracted' && t.target === 'e3')).toBe(true);
  });

  it('a goal re-credited after full time moves the tallies, never the score (T-COR-2)', () => {
    const s = Stream.played((x) => x.end(1).start(2).goal('home', '60', 'h9').end(2).fullTime());
    const goalId = s.events.find((e) => e.type === 'goal')!.id;
    s.push({
      type: 'eventAmended',
      target: goalId,
      patch: { scorer: 'a4', scorerTeam: 'away', ownGoal: true },
      reason: 'goalPanel',
    });
    const state = fold(s.events);
    expect(state.score).toEqual({ home: 1, away: 0 });
    expect(state.players.get('h9')!.goals).toBe(0);
    expect(state.players.get('a4')!.ownGoals).toBe(1);
    const moveScore = Stream.played((x) => x.end(1).start(2).goal('home', '60', 'h9').end(2).fullTime());
    moveScore.push({ type: 'eventAmended', target: goalId, patch: { team: 'away' }, reason: 'other' });
    expect(codeOf(() => moveScore)).toBe('CORRECTION_NOT_ALLOWED');
    const retractLate = Stream.played((x) => x.end(1).start(2).goal('home', '60', 'h9').end(2).fullTime());
    retractLate.push({ type: 'eventRetracted', target: goalId, reason: 'feedDeletion' });
    expect(codeOf(() => retractLate)).toBe('CORRECTION_NOT_ALLOWED');
  });

  it('a yellow upgraded to red by VAR at 30 takes the player off from 30 (T-COR-3)', () => {
    const s = Stream.played((x) =>
      x
        .card('home', '30', 'h6')
        .goal('home', '31', 'h9')
        .push({ type: 'eventAmended', at: at('32'), target: 'e3', patch: { card: 'red' }, reason: 'var' })
        .end(1)
        .start(2)
        .end(2)
        .fullTime(),
    );
    const state = fold(s.events);
    expect(state.players.get('h6')!.status).toBe('sentOff');
    expect(minutesOf(state, 'h6')).toBe(30);
    expect(state.teams.home.onPitch).toBe(10);
    expect(state.timeline.find((t) => t.eventId === 'e3')?.status).toBe('amended');
  });

  it('a red downgraded by VAR returns the player as of the card, so later events may name him', () => {
    const s = Stream.played((x) =>
      x
        .card('home', '20', 'h6', 'red')
        .push({ type: 'eventAmended', at: at('22'), target: 'e3', patch: { card: 'yellow' }, reason: 'var' })
        .goal('home', '40', 'h6')
        .end(1)
        .start(2)
        .end(2)
        .fullTime(),
    );
    const state = fold(s.events);
    expect(state.players.get('h6')!.status).toBe('pitch');
    expect(minutesOf(state, 'h6')).toBe(90);
    expect(state.score.home).toBe(1);
  });

  it('a second yellow can only be corrected for mistaken identity (R-VAR-2)', () => {
    const s = Stream.played((x) =>
      x
        .card('home', '20', 'h6', 'secondYellow')
        .push({ type: 'eventAmended', at: at('22'), target: 'e3', patch: { card: 'yellow' }, reason: 'var' }),
    );
    expect(codeOf(() => s)).toBe('CORRECTION_NOT_ALLOWED');
    const identity = Stream.played((x) =>
      x
        .card('home', '20', 'h6', 'secondYellow')
        .push({ type: 'eventAmended', at: at('22'), target: 'e3', patch: { player: 'h7' }, reason: 'var' }),
    );
    const state = fold(identity.events);
    expect(state.players.get('h6')!.status).toBe('pitch');
    expect(state.players.get('h7')!.status).toBe('sentOff');
  });
});

describe('time travel', () => {
  it('stateAt by version, instant and minute agree with folding the prefix', () => {
    const s = Stream.played((x) =>
      x.goal('home', '10', 'h9').goal('away', '45+2', 'a9').end(1, 47, 30).start(2).goal('home', '61', 'h8'),
    );
    expect(stateAt(s.events, 4).score).toEqual({ home: 1, away: 0 });
    expect(stateAt(s.events, "45'").score).toEqual({ home: 1, away: 0 });
    expect(stateAt(s.events, "45+2'").score).toEqual({ home: 1, away: 1 });
    expect(stateAt(s.events, { period: 2, ms: 0 }).status).toBe('live');
    expect(stateAt(s.events, "61'")).toEqual(fold(s.events));
    expect(stateAt(s.events, "60'").score).toEqual({ home: 1, away: 1 });
    expect(() => stateAt(s.events, 'soon')).toThrow(/not a point/);
  });
});
