/**
 * events/ is a build product: the committed streams must equal what `npm run build:events` makes from
 * the openfootball fixtures and the hand-entered sources (issue 17).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../scripts/build-events/library.js';
import { committedFiles } from '../scripts/build-events.js';
import { ROOT } from './helpers.js';

describe('the match library in events/', () => {
  const built = buildLibrary(ROOT);

  it('holds exactly the files the build script produces, byte for byte', () => {
    const committed = committedFiles();
    expect(committed).toEqual([...built.files.keys()]);
    const differ = committed.filter(
      (f) => readFileSync(join(ROOT, 'events', f), 'utf8') !== built.files.get(f),
    );
    expect(differ).toEqual([]);
  });

  it('has every Champions League season in the fixtures (and the hand-entered older meetings), the Premier League and both cups by season', () => {
    const seasons = (dir: string) => [
      ...new Set([...built.files.keys()].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.split('/')[1])),
    ];
    expect(seasons('ucl')).toEqual([
      '1980-81', // the 1981 final, hand-entered (scripts/sources)
      '2008-09', // the 2009 round of 16 between Real Madrid and Liverpool, hand-entered
      '2011-12',
      '2012-13',
      '2013-14',
      '2014-15',
      '2015-16',
      '2016-17',
      '2017-18',
      '2018-19',
      '2019-20',
      '2020-21',
      '2021-22',
      '2022-23',
      '2023-24',
      '2025-26',
    ]);
    expect(seasons('eng-premier-league')).toEqual([
      '2015-16',
      '2016-17',
      '2017-18',
      '2018-19',
      '2019-20',
      '2020-21',
      '2025-26',
    ]);
    expect(seasons('eng-fa-cup')).toEqual(['2018-19', '2019-20', '2020-21']);
    expect(seasons('eng-league-cup')).toEqual(['2018-19', '2019-20', '2020-21']);
  });

  it('replaces an openfootball result by the hand-entered match only when their scores agree', () => {
    expect(built.replaced.filter((r) => r.openfootball).length).toBeGreaterThanOrEqual(7);
    for (const r of built.replaced) {
      expect(built.files.has(r.path)).toBe(true);
    }
  });
});
