import { describe, expect, it } from 'vitest';
import { map, Subject, toArray, firstValueFrom, VirtualTimeScheduler, lastValueFrom } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import {
  buildFrames,
  live,
  replay,
  stateAt,
  withHistory,
  isCaughtUp,
  type Frame,
  type LiveItem,
  type LiveWarning,
  type MatchEvent,
} from '../src/index.js';
import { Stream, at, seed } from './helpers.js';

const LIV_RMA = 'ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';

describe('replay: frames minute by minute', () => {
  it("the frame at 14' shows 2-0, the final frame 2-5; one frame per minute plus the interval and the end", () => {
    const frames = buildFrames(seed(LIV_RMA));
    const at14 = frames.find((f) => f.minute === "14'")!;
    expect(at14.state.score).toEqual({ home: 2, away: 0 });
    expect(at14.events.map((e) => e.type)).toEqual(['goal']);
    expect(frames.at(-1)).toMatchObject({ kind: 'final', minute: 'FT' });
    expect(frames.at(-1)!.state.score).toEqual({ home: 2, away: 5 });
    expect(frames.filter((f) => f.kind === 'minute')).toHaveLength(90);
    expect(frames.map((f) => f.minute)).toContain('HT');
  });

  it("frames exist for added time (45+N') when it was played", () => {
    const s = Stream.played((x) =>
      x
        .push({ type: 'addedTime', at: at('45', 0), minutes: 3 })
        .goal('away', '45+2', 'a9')
        .end(1, 47, 40)
        .start(2)
        .end(2, 45)
        .fullTime(),
    );
    const frames = buildFrames(s.events);
    const minutes = frames.map((f) => f.minute);
    expect(minutes).toEqual(
      expect.arrayContaining(["45'", "45+1'", "45+2'", "45+3'", 'HT', "46'", "90'", 'FT']),
    );
    expect(frames.find((f) => f.minute === "45+2'")!.state.score).toEqual({ home: 0, away: 1 });
  });

  it('frames at infinite speed equal stateAt at every minute', () => {
    const events = seed(LIV_RMA);
    for (const frame of buildFrames(events).filter((f) => f.kind === 'minute')) {
      expect(frame.state, frame.minute).toEqual(stateAt(events, frame.minute));
    }
  });

  it('frames share structure: an uneventful minute keeps the very same state object', () => {
    const frames = buildFrames(seed(LIV_RMA));
    const m2 = frames.find((f) => f.minute === "2'")!;
    const m3 = frames.find((f) => f.minute === "3'")!;
    expect(m3.state).toBe(m2.state);
    const m4 = frames.find((f) => f.minute === "4'")!;
    expect(m4.state).not.toBe(m3.state);
    expect(m4.state.fixture).toBe(m3.state.fixture);
  });

  it('shoot-outs get a frame per kick', () => {
    const s = Stream.played(
      (x) => {
        x.end(1).start(2).end(2).start(5);
        for (let i = 1; i <= 3; i++) x.kick('home', `h${i}`, 'scored').kick('away', `a${i}`, 'saved');
        x.end(5, 0).fullTime(5, 0);
      },
      { rules: { shootout: true } },
    );
    const frames = buildFrames(s.events);
    const kicks = frames.filter((f) => f.kind === 'kick');
    expect(kicks.map((f) => f.minute)).toEqual(['pen 1', 'pen 2', 'pen 3', 'pen 4', 'pen 5', 'pen 6']);
    expect(kicks.at(-1)!.state.shootout).toMatchObject({ score: { home: 3, away: 0 } });
    expect(kicks.map((f) => f.state.score)).toEqual(Array(6).fill({ home: 0, away: 0 }));
  });

  it('from, to and step event', () => {
    const events = seed(LIV_RMA);
    const window = buildFrames(events, { from: "60'", to: "70'" });
    expect(window.map((f) => f.minute)).toEqual([
      "60'",
      "61'",
      "62'",
      "63'",
      "64'",
      "65'",
      "66'",
      "67'",
      "68'",
      "69'",
      "70'",
    ]);
    expect(window[0]!.state.score).toEqual({ home: 2, away: 4 });
    const perEvent = buildFrames(events, { step: 'event' });
    expect(perEvent).toHaveLength(events.length);
  });
});

describe('replay as an observable', () => {
  it('paces frames under virtual time: one match minute per 1000/speed ms', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    const events = seed(LIV_RMA);
    scheduler.run(({ expectObservable }) => {
      const minutes$ = replay(events, { speed: 2, scheduler, to: "3'" }).pipe(map((f) => f.minute));
      expectObservable(minutes$).toBe('a 499ms b 499ms (c|)', { a: "1'", b: "2'", c: "3'" });
    });
  });

  it('a full 90-minute replay takes exactly its frames × gap of virtual time', async () => {
    const scheduler = new VirtualTimeScheduler();
    const events = seed(LIV_RMA);
    const seen: Frame[] = [];
    replay(events, { speed: 10, scheduler }).subscribe((f) => seen.push(f));
    scheduler.flush();
    const total = buildFrames(events).length;
    expect(seen).toHaveLength(total);
    expect(scheduler.now()).toBe((total - 1) * 100);
    expect(seen.at(-1)!.state.score).toEqual({ home: 2, away: 5 });
    await Promise.resolve();
  });

  it('at infinite speed everything arrives synchronously; unsubscribing stops pending timers', () => {
    const events = seed(LIV_RMA);
    const seen: string[] = [];
    replay(events).subscribe((f) => seen.push(f.minute));
    expect(seen.at(-1)).toBe('FT');
    const scheduler = new VirtualTimeScheduler();
    const got: string[] = [];
    const sub = replay(events, { speed: 1, scheduler }).subscribe((f) => got.push(f.minute));
    scheduler.flush();
    expect(got.length).toBeGreaterThan(90);
    const scheduler2 = new VirtualTimeScheduler();
    const got2: string[] = [];
    const sub2 = replay(events, { speed: 1, scheduler: scheduler2 }).subscribe((f) => got2.push(f.minute));
    sub2.unsubscribe();
    expect(scheduler2.actions).toHaveLength(0);
    expect(got2).toEqual(["1'"]);
    sub.unsubscribe();
  });
});

describe('live: catch up, caught-up marker, then follow', () => {
  it('sees the stored past as frames, the marker, one frame per pushed event, and a typed error for a bad event', async () => {
    const s = Stream.played((x) => x.goal('home', '10', 'h9'));
    const past = s.events;
    const next = new Subject<MatchEvent>();
    const items: LiveItem[] = [];
    let failure: unknown;
    live(withHistory(past, next)).subscribe({
      next: (i) => items.push(i),
      error: (e: unknown) => (failure = e),
    });
    const marker = items.findIndex((i) => isCaughtUp(i));
    expect(marker).toBeGreaterThan(0);
    expect((items[marker - 1] as Frame).state.score).toEqual({ home: 1, away: 0 });
    next.next({
      id: 'live-1',
      type: 'goal',
      at: at('12'),
      team: 'away',
      scorer: 'a9',
      scorerTeam: 'away',
      penalty: false,
      ownGoal: false,
    });
    expect((items.at(-1) as Frame).state.score).toEqual({ home: 1, away: 1 });
    expect((items.at(-1) as Frame).minute).toBe("12'");
    next.next({
      id: 'live-2',
      type: 'goal',
      at: at('13'),
      team: 'away',
      scorer: 'nobody',
      scorerTeam: 'away',
      penalty: false,
      ownGoal: false,
    });
    expect(failure).toMatchObject({ code: 'PLAYER_NOT_IN_LINEUP', eventId: 'live-2' });
    await Promise.resolve();
  });

  it('in lenient mode a bad event is a warning item and the feed goes on', async () => {
    const next = new Subject<MatchEvent>();
    const out = firstValueFrom(
      live(withHistory(Stream.played().events, next), { mode: 'lenient' }).pipe(toArray()),
    );
    next.next({
      id: 'x1',
      type: 'goal',
      at: at('5'),
      team: 'home',
      scorer: 'ghost',
      scorerTeam: 'home',
      penalty: false,
      ownGoal: false,
    });
    next.next({
      id: 'x2',
      type: 'goal',
      at: at('6'),
      team: 'home',
      scorer: 'h9',
      scorerTeam: 'home',
      penalty: false,
      ownGoal: false,
    });
    next.complete();
    const items = await out;
    const warnings = items.filter((i): i is LiveWarning => 'kind' in i && i.kind === 'warning');
    expect(warnings.map((w) => [w.problem.code, w.problem.eventId])).toEqual([
      ['PLAYER_NOT_IN_LINEUP', 'x1'],
    ]);
    expect((items.at(-1) as Frame).state.score).toEqual({ home: 1, away: 0 });
  });

  it('README example: replay a match and print the goals', async () => {
    // Same code as the README's replay example.
    const events = seed(LIV_RMA);
    const lines = await lastValueFrom(replay(events).pipe(toArray())).then((frames) =>
      frames.flatMap((f) =>
        f.events
          .filter((e) => e.type === 'goal')
          .map(() => `${f.minute} ${f.state.score.home}-${f.state.score.away}`),
      ),
    );
    expect(lines).toEqual(["4' 1-0", "14' 2-0", "21' 2-1", "36' 2-2", "47' 2-3", "55' 2-4", "67' 2-5"]);
  });
});

describe('live from the event store', () => {
  it('a store subscription feeds live(): past frames, caught-up marker, then new appends as frames', async () => {
    const { MemoryEventStore } = await import('../src/store/index.js');
    const store = new MemoryEventStore();
    await store.append('m', Stream.played((x) => x.goal('home', '10', 'h9')).events);
    const items: LiveItem[] = [];
    const sub = live(store.subscribe('m')).subscribe((i) => items.push(i));
    await new Promise((r) => setTimeout(r, 5));
    expect(items.some((i) => isCaughtUp(i))).toBe(true);
    await store.append('m', [
      {
        id: 'g2',
        type: 'goal',
        at: at('20'),
        team: 'away',
        scorer: 'a9',
        scorerTeam: 'away',
        penalty: false,
        ownGoal: false,
      },
    ]);
    await new Promise((r) => setTimeout(r, 5));
    expect((items.at(-1) as Frame).state.score).toEqual({ home: 1, away: 1 });
    sub.unsubscribe();
  });
});

describe('frame states are deeply frozen', () => {
  it('no part of any frame can be changed, and earlier frames are not changed by later minutes', () => {
    const frames = buildFrames(seed(LIV_RMA));
    const at14 = frames.find((f) => f.minute === "14'")!;
    const walk = (v: unknown): void => {
      if (typeof v !== 'object' || v === null) return;
      expect(Object.isFrozen(v)).toBe(true);
      if (v instanceof Map) for (const x of v.values()) walk(x);
      else for (const x of Object.values(v)) walk(x);
    };
    walk(at14.state);
    expect(() => (at14.state.players as Map<string, unknown>).set('x', 1)).toThrow();
    expect(at14.state.score).toEqual({ home: 2, away: 0 });
    expect(at14.state.goals).toHaveLength(2);
  });
});
