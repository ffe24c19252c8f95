/** Real data for the competition tests: openfootball files under test/fixtures, as match results. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseFootballJson,
  parseFootballTxt,
  toStreams,
  type OfParseResult,
} from '../src/import/openfootball.js';
import { fold, toMatchResult, type MatchResult } from '../src/index.js';
import { ROOT } from './helpers.js';

export const OF = join(ROOT, 'test/fixtures/openfootball');

export function parse(path: string): OfParseResult {
  const text = readFileSync(join(OF, path), 'utf8');
  return path.endsWith('.json') ? parseFootballJson(text) : parseFootballTxt(text);
}

export function results(
  paths: string | string[],
  competition: string,
  season: string,
  options: {
    isKnockout?: (round: string) => boolean;
    awayGoals?: 'none' | 'afterNormalTimeAndExtraTime';
  } = {},
): MatchResult[] {
  const parsed = (Array.isArray(paths) ? paths : [paths]).map(parse);
  const merged: OfParseResult = { title: null, matches: parsed.flatMap((p) => p.matches), problems: [] };
  return toStreams(merged, { competition, season, ...options }).map((s) =>
    toMatchResult(fold(s.events, undefined, { mode: 'lenient' }), s.id),
  );
}

/** Teams that play in the rounds whose name matches. */
export function teamsOfRound(matches: readonly MatchResult[], round: RegExp): Set<string> {
  return new Set(
    matches.filter((m) => round.test(m.fixture.round)).flatMap((m) => [m.home.name, m.away.name]),
  );
}
