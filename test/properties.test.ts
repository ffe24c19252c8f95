/**
 * Invariants of the engine, checked on generated matches. CI runs a fixed budget per property
 * (MATCHLINE_PROP_RUNS, default 200); fast-check prints the seed and the shrunk counterexample on failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildFrames,
  buildTable,
  checkEvent,
  decideTie,
  evolve,
  fold,
  createState,
  isMatchlineError,
  minutesPlayed,
  nominalAt,
  nominalEnd,
  parseStream,
  stateAt,
  swapSides,
  toMatchResult,
  toNdjson,
  type MatchEvent,
  type MatchState,
} from '../src/index.js';
import { arbEvent, arbGroup, arbInvalidMatch, arbMatch, arbTie } from 'matchline/testing';

const numRuns = Number(process.env.MATCHLINE_PROP_RUNS ?? 200);
const params = { numRuns };
const rich = { var: true, corrections: true, abandonment: true };

/** What a user sees of a match: the figures that must not depend on how the fold was run. */
function figures(state: MatchState) {
  return {
    score: state.score,
    status: state.status,
    result: state.result,
    shootout: state.shootout?.score ?? null,
    goals: state.goals.map((g) => [g.team, g.scorer, g.minute, g.ownGoal]),
    minutes: minutesPlayed(state).map((r) => [r.playerId, r.minutes]),
    onPitch: [...state.players.values()].filter((p) => p.status === 'pitch').map((p) => p.id),
  };
}

describe('generated matches are valid', () => {
  it('every generated event validates against its schema', () => {
    fc.assert(
      fc.property(arbEvent(), (event) => checkEvent(event) === null),
      params,
    );
    fc.assert(
      fc.property(arbMatch(rich), (events) => events.every((e) => checkEvent(e) === null)),
      params,
    );
  });

  it('every generated match folds in strict mode', () => {
    fc.assert(
      fc.property(arbMatch(rich), (events) => {
        const state = fold(events);
        expect(state.warnings).toEqual([]);
        expect(['finished', 'abandoned']).toContain(state.status);
      }),
      params,
    );
  });
});

describe('fold consistency', () => {
  it('folding a prefix and then the rest equals folding the whole stream', () => {
    fc.assert(
      fc.property(arbMatch(rich), fc.nat(), (events, k) => {
        const cut = k % (events.length + 1);
        expect(fold(events.slice(cut), fold(events.slice(0, cut)))).toEqual(fold(events));
      }),
      params,
    );
  });

  it('evolve event by event equals fold, and stateAt(version) equals folding the prefix', () => {
    fc.assert(
      fc.property(arbMatch(rich), fc.nat(), (events, k) => {
        let state = createState();
        for (const e of events) state = evolve(state, e);
        expect(state).toEqual(fold(events));
        const version = k % (events.length + 1);
        expect(stateAt(events, version)).toEqual(fold(events.slice(0, version)));
      }),
      { numRuns: Math.max(20, Math.floor(numRuns / 4)) },
    );
  });

  it('replay frames at infinite speed equal stateAt at every minute', () => {
    fc.assert(
      fc.property(arbMatch(rich), (events) => {
        for (const frame of buildFrames(events).filter((f) => f.kind === 'minute')) {
          expect(frame.state).toEqual(stateAt(events, frame.minute));
        }
      }),
      { numRuns: Math.max(10, Math.floor(numRuns / 10)) },
    );
  });

  it('every frame state is deeply frozen, and the states of fold are too', () => {
    const frozenThroughout = (v: unknown, seen = new Set<unknown>()): boolean => {
      if (typeof v !== 'object' || v === null || seen.has(v)) return true;
      seen.add(v);
      if (!Object.isFrozen(v)) return false;
      const children = v instanceof Map || v instanceof Set ? [...v.values()] : Object.values(v);
      return children.every((c) => frozenThroughout(c, seen));
    };
    fc.assert(
      fc.property(arbMatch(rich), (events) => {
        const seen = new Set<unknown>();
        for (const frame of buildFrames(events)) expect(frozenThroughout(frame.state, seen)).toBe(true);
        expect(frozenThroughout(fold(events))).toBe(true);
      }),
      { numRuns: Math.max(10, Math.floor(numRuns / 10)) },
    );
  });

  it('NDJSON round trip gives the same state', () => {
    fc.assert(
      fc.property(arbMatch(rich), (events) => {
        expect(fold(parseStream(toNdjson(events)))).toEqual(fold(events));
      }),
      params,
    );
  });
});

describe('score and goals', () => {
  it('the score equals the goals counted (credited team) minus retracted ones; kicks never change it', () => {
    fc.assert(
      fc.property(arbMatch(rich), (events) => {
        const state = fold(events);
        const retracted = new Set(events.filter((e) => e.type === 'eventRetracted').map((e) => e.target));
        const counted = { home: 0, away: 0 };
        for (const e of events) if (e.type === 'goal' && !retracted.has(e.id)) counted[e.team]++;
        expect(state.score).toEqual(counted);
        expect(state.goals).toHaveLength(counted.home + counted.away);
        const beforeKicks = events.findIndex((e) => e.type === 'periodStarted' && e.at.period === 5);
        if (beforeKicks >= 0) expect(fold(events.slice(0, beforeKicks)).score).toEqual(state.score);
      }),
      params,
    );
  });
});

describe('minutes (nominal, rulebook R-MIN-P5)', () => {
  it('per team: 11 x N minus what sent-off players missed; no overlap; none negative; a substitution pair sums to the spell', () => {
    fc.assert(
      fc.property(arbMatch({ var: true, corrections: true }), (events) => {
        const state = fold(events);
        const N = state.afterExtraTime ? 120 : 90;
        const N_end = nominalEnd(state.afterExtraTime ? 4 : 2);
        expect(N).toBe(N_end);
        for (const side of ['home', 'away'] as const) {
          // From the cards, not from the spells the engine builds: arbMatch only sends off players on the pitch.
          let missed = 0;
          for (const p of state.players.values()) {
            if (p.team !== side) continue;
            const sendingOff = p.cards.find((c) => c.card !== 'yellow');
            if (sendingOff?.at) missed += N - nominalAt(sendingOff.at);
          }
          const total = minutesPlayed(state)
            .filter((r) => r.team === side)
            .reduce((s, r) => s + r.minutes, 0);
          expect(total).toBe(11 * N - missed);
        }
        for (const row of minutesPlayed(state)) {
          expect(row.minutes).toBeGreaterThanOrEqual(0);
          for (let i = 1; i < row.spells.length; i++)
            expect(row.spells[i]!.from).toBeGreaterThanOrEqual(row.spells[i - 1]!.to);
        }
        const byId = new Map(minutesPlayed(state).map((r) => [r.playerId, r]));
        for (const e of events) {
          if (e.type !== 'substitution') continue;
          const off = byId.get(e.playerOff)!;
          const on = byId.get(e.playerOn)!;
          const onSpell = on.spells[0]!;
          const offSpell = off.spells.at(-1)!;
          // The outgoing spell ends where the incoming one starts; together they cover the whole window.
          expect(offSpell.to).toBe(onSpell.from);
          if (state.players.get(e.playerOn)!.status === 'pitch')
            expect(offSpell.to - offSpell.from + (onSpell.to - onSpell.from)).toBe(
              onSpell.to - offSpell.from,
            );
        }
      }),
      params,
    );
  });
});

/** The same match with home and away swapped in every event. */
function mirror(events: readonly MatchEvent[]): MatchEvent[] {
  const flip = (s: unknown) => (s === 'home' ? 'away' : s === 'away' ? 'home' : s);
  return events.map((e) => {
    const copy = structuredClone(e) as unknown as Record<string, unknown>;
    if (e.type === 'fixture') return { ...copy, home: e.away, away: e.home } as unknown as MatchEvent;
    if (e.type === 'lineups') return { ...copy, home: e.away, away: e.home } as unknown as MatchEvent;
    if (e.type === 'resultAwarded') return { ...copy, home: e.away, away: e.home } as unknown as MatchEvent;
    for (const key of ['team', 'scorerTeam']) if (key in copy) copy[key] = flip(copy[key]);
    return copy as unknown as MatchEvent;
  });
}

describe('mirror: swapping home and away mirrors every derived figure', () => {
  it('score, result, shoot-out and minutes of a match', () => {
    fc.assert(
      fc.property(arbMatch(rich), (events) => {
        const a = fold(events);
        const b = fold(mirror(events));
        expect(b.score).toEqual({ home: a.score.away, away: a.score.home });
        expect(b.result?.winner ?? null).toBe(
          a.result?.winner === 'home' ? 'away' : a.result?.winner === 'away' ? 'home' : null,
        );
        if (a.shootout)
          expect(b.shootout!.score).toEqual({ home: a.shootout.score.away, away: a.shootout.score.home });
        expect(
          minutesPlayed(b)
            .map((r) => [r.playerId, r.minutes])
            .sort(),
        ).toEqual(
          minutesPlayed(a)
            .map((r) => [r.playerId, r.minutes])
            .sort(),
        );
      }),
      params,
    );
  });

  it('table rows do not depend on which team was at home', () => {
    fc.assert(
      fc.property(arbGroup({ teams: 4 }), (group) => {
        const results = group.map((events, i) => toMatchResult(fold(events), `m${i}`));
        const plain = buildTable(results).map((r) => [r.team, r.points, r.goalsFor, r.goalsAgainst]);
        // Swapping sides changes away goals, so compare the criteria that do not depend on venue.
        const swapped = buildTable(results.map(swapSides), {
          rules: { id: 'x', description: 'pts', criteria: [], reapplyHeadToHead: false },
        });
        const byTeam = (rows: (string | number)[][]): Record<string, (string | number)[]> =>
          Object.fromEntries(rows.map((r) => [String(r[0]), r.slice(1)]));
        expect(byTeam(swapped.map((r) => [r.team, r.points, r.goalsFor, r.goalsAgainst]))).toEqual(
          byTeam(plain),
        );
      }),
      params,
    );
  });
});

describe('competitions', () => {
  it('a tie’s aggregate is the sum of its legs and its winner is unique', () => {
    for (const awayGoals of ['none', 'afterNormalTimeAndExtraTime'] as const) {
      fc.assert(
        fc.property(arbTie({ awayGoals, var: true }), ([leg1, leg2]) => {
          const r1 = toMatchResult(fold(leg1), 'leg1');
          const r2 = toMatchResult(fold(leg2), 'leg2');
          const tie = decideTie(r1, r2);
          expect(tie.aggregate).toEqual([r1.score.home + r2.score.away, r1.score.away + r2.score.home]);
          expect(tie.status).toBe('decided');
          expect([r1.home.id, r1.away.id]).toContain(tie.winner!.id);
          const loser = tie.winner!.id === r1.home.id ? 1 : 0;
          if (tie.decidedBy === 'aggregate' || tie.decidedBy === 'extraTime')
            expect(tie.aggregate[1 - loser]).toBeGreaterThan(tie.aggregate[loser]);
        }),
        params,
      );
    }
  });

  it('a table’s points sum to 3 x decisive results + 2 x draws', () => {
    fc.assert(
      fc.property(arbGroup({ teams: 4 }), (group) => {
        const results = group.map((events, i) => toMatchResult(fold(events), `m${i}`));
        const draws = results.filter((r) => r.score.home === r.score.away).length;
        const rows = buildTable(results);
        expect(rows.reduce((s, r) => s + r.points, 0)).toBe(3 * (results.length - draws) + 2 * draws);
        // A team's rank is one more than the teams above it; teams the rules cannot separate share
        // it, and say why.
        rows.forEach((r, i) => {
          expect(r.rank).toBe(rows.findIndex((x) => x.rank === r.rank) + 1);
          expect(r.rank).toBeLessThanOrEqual(i + 1);
          if (r.level) expect(r.separatedBy).toMatch(/not decided|level/);
        });
      }),
      params,
    );
  });
});

describe('corrections', () => {
  it('retracting a goal and folding equals folding the stream without it', () => {
    fc.assert(
      fc.property(arbMatch({ bookings: false, abandonment: false }), fc.nat(), (events, k) => {
        const goals = events.filter((e) => e.type === 'goal');
        fc.pre(goals.length > 0);
        const goal = goals[k % goals.length]!;
        const i = events.indexOf(goal);
        // Retract right after the goal (in-match, before the restart).
        const retracted = [
          ...events.slice(0, i + 1),
          {
            id: 'retraction',
            type: 'eventRetracted',
            at: goal.at,
            target: goal.id,
            reason: 'var',
          } as MatchEvent,
          ...events.slice(i + 1),
        ];
        const without = events.filter((e) => e !== goal);
        let expected: MatchState | null = null;
        let expectedError: string | null = null;
        try {
          expected = fold(without);
        } catch (error) {
          expectedError = isMatchlineError(error) ? error.code : 'other';
        }
        if (expected) expect(figures(fold(retracted))).toEqual(figures(expected));
        else expect(() => fold(retracted)).toThrow(expect.objectContaining({ code: expectedError }) as Error);
      }),
      params,
    );
  });
});

describe('invalid matches', () => {
  it('every arbInvalidMatch is rejected with exactly its code in strict mode and reported in lenient mode', () => {
    fc.assert(
      fc.property(arbInvalidMatch({ var: true, corrections: true }), (invalid) => {
        let code: string | undefined;
        let index: number | undefined;
        try {
          fold(invalid.events);
        } catch (error) {
          if (!isMatchlineError(error)) throw error;
          code = error.code;
          index = error.index;
        }
        expect(code).toBe(invalid.code);
        expect(index).toBe(invalid.index);
        const lenient = fold(invalid.events, undefined, { mode: 'lenient' });
        expect(lenient.warnings.map((w) => w.code)).toContain(invalid.code);
      }),
      params,
    );
  });
});
