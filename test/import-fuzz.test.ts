/**
 * Fuzz across the event-provider importers (fast-check): truncated, byte-flipped and structurally
 * mangled copies of the real fixtures give a typed error (a MatchlineError with a code) or streams
 * whose every event passes its schema and folds; never a raw exception. openfootball has its own
 * fuzz run (test/import-openfootball-files.test.ts) and Wyscout its field-by-field one
 * (test/import-wyscout.test.ts); here Wyscout v2 gets the random mutations the others get.
 * Big files are cut to a small, still valid excerpt first, so a run stays within seconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
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
import type { LoadResult } from '../src/import/index.js';
import { isMatchlineError } from '../src/events/index.js';
import { checkEvent } from '../src/events/validate.js';
import { fold } from '../src/match/fold.js';
import { ROOT } from './helpers.js';

const FX = join(ROOT, 'test/fixtures');
const read = (path: string) => readFileSync(join(FX, path), 'utf8');
type Json = Record<string, unknown>;
const shrink = (path: string, cut: (doc: Json) => void) => {
  const doc = JSON.parse(read(path)) as Json;
  cut(doc);
  return JSON.stringify(doc, null, 1);
};

interface Target {
  readonly name: string;
  /** The files, by role, each as text; the mutated one is named `<role>.<kind>` in errors. */
  readonly files: Readonly<Record<string, { readonly kind: 'json' | 'xml'; readonly text: string }>>;
  readonly load: (files: Readonly<Record<string, { name: string; text: string }>>) => LoadResult;
}

const TARGETS: readonly Target[] = [
  {
    name: 'statsbomb',
    files: {
      events: { kind: 'json', text: read('statsbomb/excerpts/3869685-events-4371-4407.json') },
      lineups: { kind: 'json', text: read('statsbomb/lineups/3869685.json') },
    },
    load: (f) =>
      statsbomb.load(
        { events: f.events!, lineups: f.lineups! },
        { keepActions: true, home: 'Argentina', kickoff: '2022-12-18T15:00:00Z' },
      ),
  },
  {
    name: 'opta',
    files: {
      events: { kind: 'xml', text: read('providers/opta/opta_f24.xml') },
      matchSheet: { kind: 'xml', text: read('providers/opta/opta_f7.xml') },
    },
    load: (f) => opta.load({ events: f.events!, matchSheet: f.matchSheet! }, { keepActions: true }),
  },
  {
    name: 'statsperform (JSON MA3 excerpt, XML MA1)',
    files: {
      events: {
        kind: 'json',
        text: shrink('providers/statsperform/statsperform_event_ma3.json', (d) => {
          const live = d.liveData as { event: unknown[] };
          live.event = live.event.slice(0, 80);
        }),
      },
      matchSheet: { kind: 'xml', text: read('providers/statsperform/statsperform_event_ma1.xml') },
    },
    load: (f) => statsperform.load({ events: f.events!, matchSheet: f.matchSheet! }, { keepActions: true }),
  },
  {
    name: 'statsperform (JSON MA1 alone)',
    files: { matchSheet: { kind: 'json', text: read('providers/statsperform/statsperform_event_ma1.json') } },
    load: (f) => statsperform.load({ matchSheet: f.matchSheet! }),
  },
  {
    name: 'datafactory',
    files: {
      feed: {
        kind: 'json',
        text: shrink('providers/datafactory/datafactory_events.json', (d) => {
          const incidences = d.incidences as Record<string, Record<string, unknown>>;
          for (const [cls, byId] of Object.entries(incidences))
            if (!['goals', 'substitutions', 'status', 'yellowCards', 'redCards', 'shots'].includes(cls))
              incidences[cls] = Object.fromEntries(Object.entries(byId).slice(0, 8));
          delete d.commentary;
        }),
      },
    },
    load: (f) => datafactory.load(f.feed!, { keepActions: true }),
  },
  {
    name: 'wyscout v2',
    files: {
      events: {
        kind: 'json',
        text: shrink('providers/wyscout/wyscout_events_v2.json', (d) => {
          d.events = (d.events as unknown[]).slice(0, 60);
        }),
      },
      match: { kind: 'json', text: read('providers/wyscout/matches_2499773.json') },
    },
    load: (f) => wyscout.load({ events: f.events!, match: f.match! }, { keepActions: true }),
  },
  {
    name: 'metrica',
    files: {
      events: {
        kind: 'json',
        text: shrink('providers/metrica/metrica_events.json', (d) => {
          // Both kick-offs and ends of half, the two goals and the card.
          const keep = (i: number) =>
            i <= 30 || (i >= 1760 && i <= 1775) || [708, 709, 2077, 2660].includes(i) || i >= 3615;
          d.data = (d.data as { index: number }[]).filter((e) => keep(e.index));
        }),
      },
    },
    load: (f) => metrica.load(f.events!, { keepActions: true, kickoff: '2019-10-05T15:00:00Z' }),
  },
  {
    name: 'sportec',
    files: {
      events: { kind: 'xml', text: read('providers/sportec/sportec_events.xml') },
      meta: { kind: 'xml', text: read('providers/sportec/sportec_meta.xml') },
    },
    load: (f) => sportec.load({ events: f.events!, meta: f.meta! }, { keepActions: true }),
  },
];

/** The outcome of one load: "streams" (each must be valid), or the code of the typed error. */
function outcome(target: Target, files: Record<string, { name: string; text: string }>): string {
  let result: LoadResult;
  try {
    result = target.load(files);
  } catch (error) {
    if (!isMatchlineError(error)) throw new Error(`${target.name}: a raw ${String(error)}`);
    expect(typeof error.code, String(error)).toBe('string');
    expect(error.message, String(error)).not.toContain('importer bug');
    return error.code;
  }
  for (const stream of result.streams) {
    stream.events.forEach((event, i) => expect(checkEvent(event, i), `${target.name} event ${i}`).toBeNull());
    fold(stream.events, undefined, { mode: 'lenient' });
  }
  return 'streams';
}

const REPLACEMENTS = [null, 'x', '', -1, 0, 1e308, true, {}, [], { id: 1 }, [null], '9999-99-99T99:99:99Z'];
const XML_VALUES = ['', 'x', '-1', '0', '99999', '1e9', '&amp;', '2018-13-45', 'NaN'];

/** One random path into a JSON value; the mutation replaces, deletes or duplicates what it finds. */
function mangleJson(text: string, picks: readonly number[], op: number, value: unknown): string {
  const root = JSON.parse(text) as unknown;
  let parent: unknown = null;
  let key: string | number = '';
  let node: unknown = root;
  for (const pick of picks) {
    if (typeof node !== 'object' || node === null) break;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node;
    key = keys[pick % keys.length]!;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (parent === null) return JSON.stringify(value);
  const p = parent as Record<string | number, unknown>;
  if (op === 0) p[key] = value;
  else if (op === 1) {
    if (Array.isArray(p)) p.splice(Number(key), 1);
    else delete p[key];
  } else if (Array.isArray(p)) p.splice(Number(key), 0, structuredClone(node));
  else p[key] = [node, node];
  return JSON.stringify(root);
}

/** XML: change one attribute's value, drop it, or drop or repeat one element. */
function mangleXml(text: string, pick: number, op: number, value: string): string {
  if (op <= 1) {
    const attrs = [...text.matchAll(/\s([A-Za-z_][\w:.-]*)="([^"]*)"/g)];
    const a = attrs[pick % Math.max(1, attrs.length)];
    if (!a) return text;
    const at = a.index;
    return text.slice(0, at) + (op === 0 ? ` ${a[1]}="${value}"` : '') + text.slice(at + a[0].length);
  }
  const leaves = [
    ...text.matchAll(/<([A-Za-z][\w:.-]*)\b[^<>]*\/>|<([A-Za-z][\w:.-]*)\b[^<>]*>[^<]*<\/\2>/g),
  ];
  const e = leaves[pick % Math.max(1, leaves.length)];
  if (!e) return text;
  const at = e.index;
  return text.slice(0, at) + (op === 2 ? '' : e[0] + e[0]) + text.slice(at + e[0].length);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '<', '>', '/', '=', '0', '-', 'é', '\u0000', ' '),
      ),
      { minLength: 1, maxLength: 8 },
    ),
  }),
  fc.record({
    kind: fc.constant('structure' as const),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
    op: fc.nat({ max: 3 }),
    json: fc.constantFrom(...REPLACEMENTS),
    xml: fc.constantFrom(...XML_VALUES),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, kind: 'json' | 'xml', m: Mutation): string {
  if (m.kind === 'truncate') return text.slice(0, Math.floor(m.at * text.length));
  if (m.kind === 'flip') {
    const chars = [...text];
    for (const [pos, c] of m.flips) chars[pos % chars.length] = c;
    return chars.join('');
  }
  return kind === 'json'
    ? mangleJson(text, m.picks, m.op % 3, m.json)
    : mangleXml(text, m.picks[0]!, m.op, m.xml);
}

describe('importer fuzz: only typed errors or valid streams', () => {
  for (const [t, target] of TARGETS.entries())
    it(`${target.name}: the fixtures load, and truncated, flipped and mangled copies fail typed or load valid`, () => {
      const clean = (role?: string, text?: string) =>
        Object.fromEntries(
          Object.entries(target.files).map(([r, f]) => [
            r,
            { name: `${r}.${f.kind}`, text: r === role ? text! : f.text },
          ]),
        );
      expect(outcome(target, clean())).toBe('streams');
      const seen = new Map<string, number>();
      const roles = Object.keys(target.files);
      fc.assert(
        fc.property(fc.nat(), mutation, (r, m) => {
          const role = roles[r % roles.length]!;
          const file = target.files[role]!;
          const result = outcome(target, clean(role, mutate(file.text, file.kind, m)));
          seen.set(result, (seen.get(result) ?? 0) + 1);
        }),
        { numRuns: 400, seed: 20261205 + t },
      );
      // Both outcomes happen: the run is not all parse errors, nor all untouched loads.
      expect(seen.get('streams') ?? 0).toBeGreaterThan(0);
      expect([...seen.keys()].filter((k) => k !== 'streams').length).toBeGreaterThan(0);
    });
});

describe('found by the fuzz run', () => {
  it('an XML declaration the validator lets through but the parser refuses is a PARSE_ERROR, not a raw Error', () => {
    const text = read('providers/opta/opta_f24.xml');
    // version="1.0" becomes version=}1.0": fast-xml-parser's validator passes it, its parser throws.
    const broken = `${text.slice(0, 14)}}${text.slice(15)}`;
    try {
      opta.load({
        events: { name: 'f24.xml', text: broken },
        matchSheet: read('providers/opta/opta_f7.xml'),
      });
      expect.unreachable('the broken declaration loaded');
    } catch (error) {
      expect(isMatchlineError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: 'PARSE_ERROR', file: 'f24.xml' });
    }
  });
});
