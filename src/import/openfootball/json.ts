/**
 * openfootball JSON (worldcup.json, euro.json `rounds[].matches[]`, football.json `uefa.cl.json`) to
 * matches. Every field is checked before use: a match with a malformed field is left out and
 * reported (PARSE_ERROR with its JSON pointer and the line of its `team1`), so a bad `date` can never
 * reach a file name and a wrong type never becomes a raw TypeError.
 */
import { MatchlineError, type Problem } from '../../events/index.js';
import { readUtcOffset, validDay } from './calendar.js';
import type { OfGoal, Score } from './grammar.js';
import { groupLetter, stageOf, stripCountry, type OfMatch, type OfParseResult } from './txt.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < 1000;

class Bad extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

function text(v: unknown, pointer: string, max = 128): string {
  if (typeof v !== 'string' || v.trim() === '') throw new Bad(pointer, 'expected a non-empty string');
  return v.trim().slice(0, max);
}

function optionalText(v: unknown, pointer: string): string | null {
  return v === undefined || v === null ? null : text(v, pointer);
}

function scorePair(v: unknown, pointer: string): Score | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v) || v.length !== 2 || !isCount(v[0]) || !isCount(v[1]))
    throw new Bad(pointer, 'expected a score [home, away] of two whole numbers');
  return [v[0], v[1]];
}

function teamName(v: unknown, pointer: string): string {
  const name = isObject(v) ? text(v['name'], `${pointer}/name`) : text(v, pointer);
  return stripCountry(name);
}

function goalList(v: unknown, team: 'home' | 'away', pointer: string): OfGoal[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Bad(pointer, 'expected a list of goals');
  return v.map((g: unknown, k): OfGoal => {
    const at = `${pointer}/${k}`;
    if (!isObject(g)) throw new Bad(at, 'expected a goal object');
    const minute = g['minute'];
    const offset = g['offset'] ?? 0;
    if (!Number.isInteger(minute) || (minute as number) < 1 || (minute as number) > 120)
      throw new Bad(`${at}/minute`, 'expected a minute from 1 to 120');
    if (!Number.isInteger(offset) || (offset as number) < 0 || (offset as number) > 30)
      throw new Bad(`${at}/offset`, 'expected an added-time offset from 0 to 30');
    for (const flag of ['penalty', 'owngoal'])
      if (g[flag] !== undefined && typeof g[flag] !== 'boolean')
        throw new Bad(`${at}/${flag}`, 'expected true or false');
    return {
      team,
      name: text(g['name'], `${at}/name`),
      minute: minute as number,
      offset: offset as number,
      penalty: g['penalty'] === true,
      ownGoal: g['owngoal'] === true,
    };
  });
}

function isoDate(v: unknown, pointer: string): string {
  const s = text(v, pointer);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3])))
    throw new Bad(pointer, `expected a date YYYY-MM-DD, got ${JSON.stringify(s.slice(0, 40))}`);
  return s;
}

function kickoffTime(v: unknown, pointer: string): { time: string | null; utcOffset: number | null } {
  if (v === undefined || v === null) return { time: null, utcOffset: null };
  const s = text(v, pointer);
  const m = /^(\d{1,2}):(\d{2})(?:\s+(UTC[+-]\d{1,2}(?::?\d{2})?))?$/.exec(s);
  const offset = m?.[3] ? readUtcOffset(m[3]) : null;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || (m[3] && offset === null))
    throw new Bad(pointer, `expected a time HH:MM [UTC±H], got ${JSON.stringify(s.slice(0, 40))}`);
  return { time: `${m[1]!.padStart(2, '0')}:${m[2]}`, utcOffset: offset };
}

function readMatch(m: unknown, pointer: string, roundName: string | null, line: number): OfMatch {
  if (!isObject(m)) throw new Bad(pointer, 'expected a match object');
  const round = (optionalText(m['round'], `${pointer}/round`) ?? roundName ?? 'Unknown').slice(0, 64);
  const groupText = optionalText(m['group'], `${pointer}/group`);
  const score = m['score'];
  if (score !== undefined && !isObject(score)) throw new Bad(`${pointer}/score`, 'expected a score object');
  const s = score ?? {};
  const ft = scorePair(s['ft'], `${pointer}/score/ft`);
  const home = teamName(m['team1'], `${pointer}/team1`);
  const away = teamName(m['team2'], `${pointer}/team2`);
  if (home === away) throw new Bad(`${pointer}/team2`, 'a team playing itself');
  const goals = [
    ...goalList(m['goals1'], 'home', `${pointer}/goals1`),
    ...goalList(m['goals2'], 'away', `${pointer}/goals2`),
  ];
  return {
    line,
    round,
    stage: stageOf(round),
    group: groupText ? groupLetter(groupText) : groupLetter(round),
    date: isoDate(m['date'], `${pointer}/date`),
    ...kickoffTime(m['time'], `${pointer}/time`),
    home,
    away,
    status: ft ? 'played' : 'scheduled',
    ft,
    ht: scorePair(s['ht'], `${pointer}/score/ht`),
    aet: scorePair(s['et'], `${pointer}/score/et`),
    pens: scorePair(s['p'], `${pointer}/score/p`),
    awarded: null,
    goals: m['goals1'] === undefined && m['goals2'] === undefined ? null : goals,
    venue: optionalText(m['ground'], `${pointer}/ground`),
  };
}

/** Lines of each `"team1"` key, in order: where each match starts, for messages. */
function matchLines(source: string): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34 && source.startsWith('"team1"', i)) lines.push(line);
  }
  return lines;
}

/** Reads an openfootball JSON file. Broken JSON or a wrong top-level shape throws a PARSE_ERROR. */
export function parseFootballJson(source: string, options: { readonly file?: string } = {}): OfParseResult {
  const fileField = options.file ? { file: options.file } : {};
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? source.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new MatchlineError({
      code: 'PARSE_ERROR',
      message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      ...fileField,
      ...(line ? { line } : {}),
    });
  }
  const shape = (message: string, pointer = '') =>
    new MatchlineError({ code: 'PARSE_ERROR', message, pointer, ...fileField });
  if (!isObject(doc)) throw shape('expected an openfootball JSON object with matches or rounds');
  const entries: { value: unknown; pointer: string; round: string | null }[] = [];
  if (Array.isArray(doc['matches'])) {
    doc['matches'].forEach((value: unknown, k) =>
      entries.push({ value, pointer: `/matches/${k}`, round: null }),
    );
  } else if (Array.isArray(doc['rounds'])) {
    doc['rounds'].forEach((r: unknown, k) => {
      if (!isObject(r) || !Array.isArray(r['matches']))
        throw shape('expected a round with a list of matches', `/rounds/${k}`);
      const name = typeof r['name'] === 'string' && r['name'].trim() ? r['name'].trim() : null;
      r['matches'].forEach((value: unknown, j) =>
        entries.push({ value, pointer: `/rounds/${k}/matches/${j}`, round: name }),
      );
    });
  } else {
    throw shape('expected a "matches" or "rounds" list');
  }
  const lines = matchLines(source);
  const matches: OfMatch[] = [];
  const problems: Problem[] = [];
  entries.forEach((e, k) => {
    const line = lines[k] ?? 0;
    try {
      matches.push(readMatch(e.value, e.pointer, e.round, line));
    } catch (error) {
      if (!(error instanceof Bad)) throw error;
      problems.push({
        code: 'PARSE_ERROR',
        message: error.message,
        pointer: error.pointer,
        ...fileField,
        ...(line ? { line } : {}),
      });
    }
  });
  const title = typeof doc['name'] === 'string' ? doc['name'].slice(0, 128) : null;
  return { title, matches, problems };
}
