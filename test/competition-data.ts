/** Real data for the competition tests: openfootball files under test/fixtures, as match results. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openfootball, type LoadResult, type OfParseResult } from '../src/import/openfootball/index.js';
import {
  defaultTeams,
  fold,
  toMatchResult,
  type FixtureEvent,
  type MatchEvent,
  type MatchResult,
  type ResultRecordedEvent,
  type Rules,
} from '../src/index.js';
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

/** A file of results entered by hand from public pages (test/fixtures/competition/*.json). */
export interface HandEntered {
  readonly competition: string;
  readonly season: string;
  readonly group?: string;
  readonly round?: string;
  readonly about: string;
  /** key -> the page (URL and what it gives). */
  readonly sources: Readonly<Record<string, string>>;
  readonly matches: readonly {
    readonly date: string;
    readonly home: string;
    readonly away: string;
    readonly score: readonly [number, number];
    /** A key of `sources`. */
    readonly source: string;
  }[];
}

export function handEntered(file: string): HandEntered {
  const data = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/competition', file), 'utf8')) as HandEntered;
  for (const m of data.matches)
    if (!data.sources[m.source]) throw new Error(`${file}: ${m.home} v ${m.away} names no source`);
  return data;
}

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/** Group-match rules: 90 minutes, no extra time or kicks (what a table counts). */
const GROUP_MATCH: Rules = {
  maxSubs: 5,
  maxOpportunities: 3,
  extraTime: false,
  shootout: false,
  extraTimeExtraSub: false,
  concussionSubs: false,
  awayGoals: 'none',
};

/** The streams of a hand-entered file: a fixture and a recorded result, each with its page as source. */
export function handStreams(data: HandEntered): { id: string; events: MatchEvent[] }[] {
  return data.matches.map((m) => {
    const id = `${slug(m.home)}-${slug(m.away)}-${m.date}`;
    const url = data.sources[m.source]!.split(' ')[0]!;
    const source = { provider: 'hand-entered', id: url };
    const fixture: FixtureEvent = {
      id: `${id}-fixture`,
      type: 'fixture',
      source,
      competition: data.competition,
      season: data.season,
      round: data.round ?? (data.group ? `Group ${data.group}` : 'League'),
      ...(data.group ? { group: data.group } : {}),
      leg: 'single',
      home: { id: slug(m.home), name: m.home },
      away: { id: slug(m.away), name: m.away },
      kickoff: `${m.date}T00:00:00Z`,
      rules: GROUP_MATCH,
      coverage: { bookings: false, substitutions: false },
      notes: 'result entered by hand; kick-off time not transcribed (the date only)',
    };
    const result: ResultRecordedEvent = {
      id: `${id}-result`,
      type: 'resultRecorded',
      source,
      fullTime: { home: m.score[0], away: m.score[1] },
    };
    return { id, events: [fixture, result] };
  });
}

export function handResults(file: string): MatchResult[] {
  return handStreams(handEntered(file)).map((s) =>
    toMatchResult(fold(s.events, undefined, { mode: 'lenient' }), s.id),
  );
}
