/**
 * The coverage matrix (src/import/coverage.ts) is true: docs/import.md shows the generated table,
 * and every cell that names a fixture is imported with the real importer and has the event.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  datafactory,
  metrica,
  opta,
  sportec,
  statsbomb,
  statsperform,
  wyscout,
} from '../src/import/index.js';
import { load as openfootball } from '../src/import/openfootball/index.js';
import {
  COVERAGE,
  COVERAGE_FEATURES,
  coverageCell,
  COVERAGE_PROVIDERS,
  showsFeature,
  type CoverageProvider,
} from '../src/import/coverage.js';
import type { MatchEvent } from '../src/events/index.js';
import { docPath, generatedDoc } from '../scripts/gen-coverage.js';
import { ROOT } from './helpers.js';

const FX = join(ROOT, 'test/fixtures');
const file = (path: string) => ({ name: path, text: readFileSync(join(FX, path), 'utf8') });

/** Each fixture a cell names, with the files it goes with, through its provider's `load`. */
const LOADERS: Record<string, [CoverageProvider, () => { streams: readonly { events: MatchEvent[] }[] }]> = {
  'statsbomb/events/3788741.json': [
    'statsbomb',
    () =>
      statsbomb.load(
        { events: file('statsbomb/events/3788741.json'), lineups: file('statsbomb/lineups/3788741.json') },
        { keepActions: true, home: 'Turkey', kickoff: '2021-06-11T19:00:00Z' },
      ),
  ],
  'statsbomb/excerpts/3869685-events-4371-4407.json': [
    'statsbomb',
    () =>
      statsbomb.load(
        {
          events: file('statsbomb/excerpts/3869685-events-4371-4407.json'),
          lineups: file('statsbomb/lineups/3869685.json'),
        },
        { home: 'Argentina', kickoff: '2022-12-18T15:00:00Z' },
      ),
  ],
  'providers/opta/opta_f24.xml': [
    'opta',
    () =>
      opta.load(
        { events: file('providers/opta/opta_f24.xml'), matchSheet: file('providers/opta/opta_f7.xml') },
        { keepActions: true },
      ),
  ],
  'providers/statsperform/statsperform_event_ma3.json': [
    'statsperform',
    () =>
      statsperform.load(
        {
          events: file('providers/statsperform/statsperform_event_ma3.json'),
          matchSheet: file('providers/statsperform/statsperform_event_ma1.json'),
        },
        { keepActions: true },
      ),
  ],
  'providers/wyscout/wyscout_events_v2.json': [
    'wyscout',
    () =>
      wyscout.load(
        {
          events: file('providers/wyscout/wyscout_events_v2.json'),
          match: file('providers/wyscout/matches_2499773.json'),
        },
        { keepActions: true },
      ),
  ],
  'providers/wyscout/v3/pr_393/wyscout_events_v3.json': [
    'wyscout',
    () => wyscout.load({ events: file('providers/wyscout/v3/pr_393/wyscout_events_v3.json') }),
  ],
  'providers/datafactory/datafactory_events.json': [
    'datafactory',
    () => datafactory.load(file('providers/datafactory/datafactory_events.json'), { keepActions: true }),
  ],
  'providers/metrica/metrica_events.json': [
    'metrica',
    () =>
      metrica.load(file('providers/metrica/metrica_events.json'), {
        keepActions: true,
        kickoff: '2019-10-05T15:00:00Z',
      }),
  ],
  'providers/sportec/sportec_events.xml': [
    'sportec',
    () =>
      sportec.load(
        {
          events: file('providers/sportec/sportec_events.xml'),
          meta: file('providers/sportec/sportec_meta.xml'),
        },
        { keepActions: true },
      ),
  ],
  'openfootball/worldcup/2018--russia/cup.txt': [
    'openfootball',
    () => openfootball(file('openfootball/worldcup/2018--russia/cup.txt').text, { file: 'cup.txt' }),
  ],
  'openfootball/champions-league/2020-21/el.txt': [
    'openfootball',
    () => openfootball(file('openfootball/champions-league/2020-21/el.txt').text, { file: 'el.txt' }),
  ],
};

const imported = new Map<string, MatchEvent[]>();
function eventsOf(fixture: string): MatchEvent[] {
  let events = imported.get(fixture);
  if (!events) {
    const loader = LOADERS[fixture];
    if (!loader) throw new Error(`no loader for the fixture ${fixture}: add it to LOADERS`);
    events = loader[1]().streams.flatMap((s) => s.events);
    imported.set(fixture, events);
  }
  return events;
}

describe('importer coverage matrix', () => {
  it('docs/import.md holds the table npm run gen:coverage writes', async () => {
    const current = readFileSync(docPath, 'utf8');
    expect(current).toBe(await generatedDoc(current));
  });

  it('covers every provider and every feature, each cell with a rule', () => {
    for (const provider of COVERAGE_PROVIDERS)
      expect(Object.keys(COVERAGE[provider]).sort()).toEqual(COVERAGE_FEATURES.map((f) => f.key).sort());
    for (const provider of COVERAGE_PROVIDERS)
      for (const feature of COVERAGE_FEATURES) {
        const cell = coverageCell(provider, feature.key);
        expect(cell.rule.length, `${provider} ${feature.key}`).toBeGreaterThan(5);
        if (cell.status === 'not-in-feed' || cell.status === 'not-read')
          expect(cell.fixture, `${provider} ${feature.key}`).toBeUndefined();
      }
  });

  const claims = COVERAGE_PROVIDERS.flatMap((provider) =>
    COVERAGE_FEATURES.flatMap((feature) => {
      const cell = coverageCell(provider, feature.key);
      return cell.fixture ? [{ provider, feature, cell, fixture: cell.fixture }] : [];
    }),
  );

  it('names fixtures of its own provider only', () => {
    expect(claims.length).toBeGreaterThan(80);
    for (const { provider, fixture } of claims) expect(LOADERS[fixture]?.[0], fixture).toBe(provider);
  });

  it.each(
    claims.map((c) => [`${c.provider} ${c.feature.key} (${c.cell.status}) in ${c.fixture}`, c] as const),
  )('%s', (_, { feature, fixture }) => {
    expect(eventsOf(fixture).some((e) => showsFeature(e, feature))).toBe(true);
  });

  it('a feature no importer writes is not claimed parsed or inferred anywhere (the matrix is not wishful)', () => {
    // Types the importers' code never writes: a claim on them would need a fixture that cannot exist.
    for (const type of [
      'addedTime',
      'varReviewStarted',
      'varReviewCompleted',
      'cardRescinded',
      'matchAbandoned',
    ])
      for (const provider of COVERAGE_PROVIDERS)
        expect(['not-read', 'not-in-feed'], `${provider} ${type}`).toContain(
          coverageCell(provider, type).status,
        );
  });
});
