/** Real data for the competition tests: openfootball files under test/fixtures, as match results. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openfootball, type LoadResult, type OfParseResult } from '../src/import/openfootball/index.js';
import { defaultTeams, fold, toMatchResult, type MatchResult } from '../src/index.js';
import { ROOT } from './helpers.js';

export const OF = join(ROOT, 'test/fixtures/openfootball');

export function parse(path: string): OfParseResult {
  const text = readFileSync(join(OF, path), 'utf8');
  return path.endsWith('.json') ? openfootball.parseJson(text) : openfootball.parseTxt(text);
}

/** One file through the importer (lenient: a line it cannot read is a problem, not a stop). */
export function loadFile(path: string, competition: string, season: string, canonical = false): LoadResult {
  return openfootball.load(readFileSync(join(OF, path), 'utf8'), {
    file: path,
    competition,
    season,
    mode: 'lenient',
    ...(canonical ? { teams: (name, ctx) => defaultTeams().lookup(name, ctx) } : {}),
  });
}

export function results(
  paths: string | string[],
  competition: string,
  season: string,
  canonical = false,
): MatchResult[] {
  return (Array.isArray(paths) ? paths : [paths]).flatMap((p) =>
    loadFile(p, competition, season, canonical).streams.map((s) =>
      toMatchResult(fold(s.events, undefined, { mode: 'lenient' }), s.id),
    ),
  );
}

/** Teams that play in the rounds whose name matches. */
export function teamsOfRound(matches: readonly MatchResult[], round: RegExp): Set<string> {
  return new Set(
    matches.filter((m) => round.test(m.fixture.round)).flatMap((m) => [m.home.name, m.away.name]),
  );
}
