/**
 * The match library in events/, built from its inputs: every openfootball file under
 * test/fixtures/openfootball (imported by the project's own importer) and the hand-entered sources
 * under scripts/sources/. A hand-entered match that openfootball also has replaces the imported
 * stream, after its scores were checked against it. Pure apart from reading the input files: the
 * same inputs give byte-identical output (sorted, no clocks, no randomness).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type OfStream } from '../../src/import/openfootball/index.js';
import { fold } from '../../src/match/fold.js';
import { toNdjson, type FixtureEvent, type MatchEvent } from '../../src/events/index.js';
import { defaultTeams } from '../../src/identity/index.js';
import { HAND_MATCHES, MANAGER_SPELLS, handStream, type HandMatch } from '../sources/index.js';

/** Which openfootball files become which folder of events/. */
const COMPETITIONS: readonly { readonly pattern: RegExp; readonly dir: string }[] = [
  { pattern: /^champions-league\/(\d{4}-\d{2})\/cl\.txt$/, dir: 'ucl' },
  { pattern: /^champions-league\/(\d{4}-\d{2})\/el\.txt$/, dir: 'uel' },
  { pattern: /^england\/(\d{4}-\d{2})\/1-premierleague\.txt$/, dir: 'eng-premier-league' },
  { pattern: /^england\/(\d{4}-\d{2})\/facup\.txt$/, dir: 'eng-fa-cup' },
  { pattern: /^england\/(\d{4}-\d{2})\/eflcup\.txt$/, dir: 'eng-league-cup' },
];

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const STAGES: Record<string, string> = {
  'round-of-16': 'r16',
  'round-of-32': 'r32',
  sechzehntelfinale: 'r32',
  quarterfinals: 'qf',
  semifinals: 'sf',
  final: 'final',
  playoffs: 'playoff',
};

/** `group-d-md4`, `r16-leg1`, `final`, `league-md3`, `matchday-12`, `round-3`. */
function roundPrefix(s: OfStream, matchday: Map<OfStream, number>): string {
  const f = s.events[0] as FixtureEvent;
  if (f.group) return `group-${f.group.toLowerCase()}-md${matchday.get(s)}`;
  const stage = slug(s.match.stage.replace(/^Finals,\s*/i, ''));
  const leg = f.leg === 'single' ? '' : `-leg${f.leg}`;
  if (/^league-matchday-\d+$/.test(slug(s.match.round)))
    return slug(s.match.round).replace('matchday-', 'md');
  return `${STAGES[stage] ?? stage}${leg}`;
}

/** Group matchdays: each group plays two matches a matchday, in date order. */
function groupMatchdays(streams: readonly OfStream[]): Map<OfStream, number> {
  const byGroup = new Map<string, OfStream[]>();
  for (const s of streams) {
    const g = (s.events[0] as FixtureEvent).group;
    if (!g) continue;
    byGroup.set(g, [...(byGroup.get(g) ?? []), s]);
  }
  const out = new Map<OfStream, number>();
  for (const list of byGroup.values()) {
    const sorted = [...list].sort(
      (a, b) => a.match.date!.localeCompare(b.match.date!) || a.match.line - b.match.line,
    );
    sorted.forEach((s, i) => out.set(s, Math.floor(i / 2) + 1));
  }
  return out;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

export interface Library {
  /** Path under events/ -> NDJSON text. */
  readonly files: ReadonlyMap<string, string>;
  /** Where each hand-entered match went and what it replaced. */
  readonly replaced: readonly { readonly path: string; readonly openfootball: string | null }[];
}

const scoreKey = (events: readonly MatchEvent[]) => {
  const s = fold(events, undefined, { mode: 'lenient' });
  const show = (x: { home: number; away: number } | null | undefined) => (x ? `${x.home}-${x.away}` : '-');
  return `${show(s.afterNormalTime)} aet ${show(s.afterExtraTime)} pens ${show(s.shootout?.score)}`;
};

/** Builds every file of events/ from the inputs under `root`. Throws when a source disagrees. */
export function buildLibrary(root: string): Library {
  const fixtures = join(root, 'test/fixtures/openfootball');
  const files = new Map<string, string>();
  const byOpenfootballId = new Map<string, { path: string; stream: OfStream }>();
  for (const file of listFiles(fixtures)) {
    const rel = relative(fixtures, file).split('\\').join('/');
    const competition = COMPETITIONS.find((c) => c.pattern.test(rel));
    if (!competition) continue;
    const season = competition.pattern.exec(rel)![1]!;
    const teams = defaultTeams();
    const loaded = load(readFileSync(file, 'utf8'), {
      file: rel,
      season,
      teams: (name, ctx) => teams.lookup(name, ctx),
    });
    const matchday = groupMatchdays(loaded.streams);
    for (const s of loaded.streams) {
      const f = s.events[0] as FixtureEvent;
      let path = `${competition.dir}/${season}/${roundPrefix(s, matchday)}-${f.home.id}-${f.away.id}.ndjson`;
      if (files.has(path)) path = path.replace(/\.ndjson$/, `-${s.match.date}.ndjson`);
      if (files.has(path)) throw new Error(`${rel}: two matches would be written to ${path}`);
      files.set(path, toNdjson(s.events));
      byOpenfootballId.set(`${competition.dir}/${season}/${s.id}`, { path, stream: s });
    }
  }
  const replaced: { path: string; openfootball: string | null }[] = [];
  for (const hand of HAND_MATCHES) addHandMatch(root, hand, files, byOpenfootballId, replaced);
  files.set('managers.jsonl', MANAGER_SPELLS.map((s) => JSON.stringify(s)).join('\n') + '\n');
  return { files: new Map([...files].sort(([a], [b]) => a.localeCompare(b))), replaced };
}

function addHandMatch(
  root: string,
  hand: HandMatch,
  files: Map<string, string>,
  byOpenfootballId: Map<string, { path: string; stream: OfStream }>,
  replaced: { path: string; openfootball: string | null }[],
): void {
  const events = handStream(root, hand);
  const path = `${hand.path}.ndjson`;
  let replacedId: string | null = null;
  if (hand.replaces) {
    const of = byOpenfootballId.get(hand.replaces);
    if (!of) throw new Error(`${hand.path}: replaces ${hand.replaces}, which openfootball does not have`);
    const [mine, theirs] = [scoreKey(events), scoreKey(of.stream.events)];
    if (mine !== theirs)
      throw new Error(
        `${hand.path}: the hand-entered scores (${mine}) disagree with openfootball (${theirs})`,
      );
    files.delete(of.path);
    replacedId = hand.replaces;
  }
  if (files.has(path)) throw new Error(`${hand.path}: a stream is already written there`);
  files.set(path, toNdjson(events));
  replaced.push({ path, openfootball: replacedId });
}
