/** The pictures: timeline and positions series from seed matches, and the SVG drawn from them. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fold } from '../src/match/fold.js';
import { toMatchResult } from '../src/competition/index.js';
import { positionsSeries, positionsSvg, timelineSeries, timelineSvg } from '../src/render/index.js';
import { ROOT, seed, seedState } from './helpers.js';
import { GROUP_D } from './serve-helpers.js';

const SF_LEG2 = 'ucl/2021-22/sf-leg2-real-madrid-manchester-city.ndjson';

describe('timeline series', () => {
  it('splits the axis by period, with stoppage and extra time (Real Madrid 3-1 City a.e.t.)', () => {
    const series = timelineSeries(seedState(SF_LEG2));
    expect(series.segments.map((s) => [s.label, s.start, s.length])).toEqual([
      ['1st half', 0, 45],
      ['2nd half', 45, 46.5], // the second half ran 46:30
      ['ET 1', 91.5, 15],
      ['ET 2', 106.5, 15],
    ]);
    expect(series.length).toBe(121.5);
    const goals = series.marks.filter((m) => m.kind === 'goal' || m.kind === 'penaltyGoal');
    expect(goals.map((g) => [g.minute, g.side, g.kind])).toEqual([
      ["73'", 'away', 'goal'],
      ["90'", 'home', 'goal'],
      ["90+1'", 'home', 'goal'],
      ["95'", 'home', 'penaltyGoal'],
    ]);
    // Rodrygo's second, 45:30 into the second half, sits in its stoppage stretch; Benzema's penalty in ET 1.
    expect(goals[2]!.x).toBeCloseTo(45 + 45.5);
    expect(goals[3]!.x).toBeCloseTo(91.5 + 4.5);
  });

  it('keeps a retracted goal on the picture, marked and struck', () => {
    const events = seed(SF_LEG2);
    const goal = events.findIndex((e) => e.id === 'rma-mci-2022-05-04-006');
    // A made-up VAR retraction of Mahrez's goal a minute later (the real one stood).
    const corrected = [
      ...events.slice(0, goal + 1),
      {
        id: 'var-1',
        type: 'eventRetracted' as const,
        at: { period: 2, ms: 1_700_000 },
        target: events[goal]!.id,
        reason: 'var' as const,
      },
      ...events.slice(goal + 1),
    ];
    const state = fold(corrected, undefined, { mode: 'lenient' });
    const series = timelineSeries(state);
    const mark = series.marks.find((m) => m.eventId === 'rma-mci-2022-05-04-006')!;
    expect(mark.status).toBe('retracted');
    const svg = timelineSvg(series);
    expect(svg).toMatch(
      /<g class="mark goal retracted" data-event-id="rma-mci-2022-05-04-006" opacity="0.45">.*?class="struck"/,
    );
    expect(svg).toContain('<title>Real Madrid 3-0 Manchester City: match timeline</title>');
  });

  it('draws cards, substitutions and escapes names (City 4-3 Real Madrid)', () => {
    const series = timelineSeries(seedState('ucl/2021-22/sf-leg1-manchester-city-real-madrid.ndjson'));
    const yellows = series.marks.filter((m) => m.kind === 'yellow').map((m) => [m.minute, m.side]);
    expect(yellows).toEqual([
      ["84'", 'home'],
      ["90+2'", 'away'],
    ]);
    expect(series.marks.some((m) => m.kind === 'substitution')).toBe(true);
    const svg = timelineSvg({ ...series, home: 'A & <B>' });
    expect(svg).toContain('A &amp; &lt;B&gt;');
    expect(svg).not.toContain('<B>');
  });
});

describe('positions series', () => {
  const results = GROUP_D.map((file) => toMatchResult(seedState(file), file));

  it('ranks Group D 2020-21 after each matchday by the UEFA tie-breaks', () => {
    const series = positionsSeries(results);
    expect(series.matchdays).toEqual(['MD1', 'MD2', 'MD3', 'MD4']);
    const ranks = Object.fromEntries(series.teams.map((t) => [t.team, t.ranks]));
    // MD1: Midtjylland 0-4 Atalanta, Ajax 0-1 Liverpool; MD3: Ajax above Atalanta on head-to-head away goals (2-2 in Bergamo).
    expect(ranks).toEqual({
      Atalanta: [1, 2, 3, 3],
      Liverpool: [2, 1, 1, 1],
      'AFC Ajax': [3, 3, 2, 2],
      'FC Midtjylland': [4, 4, 4, 4],
    });
    const svg = positionsSvg(series);
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg).toContain('data-team-id="liverpool"');
  });
});

describe('matchline render', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'matchline.js'), ...args], { encoding: 'utf8' });

  it('writes the timeline and the positions of a group as SVG files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matchline-render-'));
    const timeline = cli(['render', 'timeline', join(ROOT, 'events', SF_LEG2), '-o', join(dir, 'x.svg')]);
    expect(timeline.status).toBe(0);
    const svg = readFileSync(join(dir, 'x.svg'), 'utf8');
    expect(svg).toBe(timelineSvg(timelineSeries(seedState(SF_LEG2))) + '\n');
    const all = cli(['render', 'positions', join(ROOT, 'events/ucl/2020-21'), '-o', join(dir, 'y.svg')]);
    expect(all.status).toBe(2); // a usage error (pkg: exit codes 0 ok, 1 data, 2 usage)
    expect(all.stderr).toContain(
      'USAGE: these matches span groups A, B, C, D, E, F, G, H and matches outside a group: choose one with --group',
    );
    const d = cli([
      'render',
      'positions',
      join(ROOT, 'events/ucl/2020-21'),
      '--group',
      'D',
      '-o',
      join(dir, 'y.svg'),
    ]);
    expect(d.status).toBe(0);
    expect(readFileSync(join(dir, 'y.svg'), 'utf8')).toContain('UEFA Champions League 2020-21, group D');
  });
});
