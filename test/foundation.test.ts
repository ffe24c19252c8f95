import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTypes, generatedPath, schemaFiles, schemaDir } from '../scripts/generate-types.js';
import { checkEvent, EVENT_TYPES, parseJsonLines, readStreamText } from '../src/events/index.js';
import { displayMinute, nominalAt, ordinal, parseDisplayMinute, compareInstants } from '../src/time/index.js';
import { ROOT, seed } from './helpers.js';

describe('schemas are the single source of truth', () => {
  it('the committed TypeScript types equal what the schemas generate (drift check)', async () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(await generateTypes());
  });

  it('every event type has one schema file and the code knows exactly those types', () => {
    const files = schemaFiles()
      .map((f) => f.replace('.schema.json', ''))
      .filter((f) => f !== 'defs' && f !== 'event');
    expect([...files].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('every schema has an $id and every object in it is closed', () => {
    const open: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const obj = node as Record<string, unknown>;
      if (obj.type === 'object' && obj.additionalProperties !== false) open.push(path);
      for (const [k, v] of Object.entries(obj)) walk(v, `${path}/${k}`);
    };
    for (const file of schemaFiles()) {
      const schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as Record<string, unknown>;
      expect(schema.$id, file).toMatch(/^https:\/\/matchline\.dev\/schemas\//);
      walk(schema, file);
    }
    expect(open).toEqual([]);
  });
});

describe('validation by dispatch', () => {
  it('every seed stream in events/ is schema-valid', () => {
    const dirs = readdirSync(join(ROOT, 'events/ucl'));
    let count = 0;
    for (const d of dirs) {
      for (const f of readdirSync(join(ROOT, 'events/ucl', d))) {
        const text = readFileSync(join(ROOT, 'events/ucl', d, f), 'utf8');
        expect(readStreamText(text, f).problems, f).toEqual([]);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(37);
  });

  it('a mistyped field names the event index, id and JSON pointer', () => {
    const events = seed('ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson');
    const goal = events.findIndex((e) => e.type === 'goal');
    const broken = { ...events[goal]!, penalty: 'yes' };
    const problem = checkEvent(broken, goal);
    expect(problem).toMatchObject({
      code: 'SCHEMA_INVALID',
      index: goal,
      eventId: events[goal]!.id,
      pointer: '/penalty',
    });
    expect(problem?.message).toContain('boolean');
  });

  it('unknown fields and unknown types are rejected with their own codes', () => {
    expect(
      checkEvent({
        id: 'x',
        type: 'goal',
        at: { period: 1, ms: 0 },
        team: 'home',
        scorerTeam: 'home',
        penalty: false,
        ownGoal: false,
        colour: 'red',
      }),
    ).toMatchObject({ code: 'SCHEMA_INVALID', pointer: '/colour' });
    expect(checkEvent({ id: 'x', type: 'corner' })).toMatchObject({
      code: 'UNKNOWN_EVENT_TYPE',
      pointer: '/type',
    });
    expect(
      checkEvent({
        id: 'x',
        type: 'goal',
        at: { period: 6, ms: 0 },
        team: 'home',
        scorerTeam: 'home',
        penalty: false,
        ownGoal: false,
      }),
    ).toMatchObject({ pointer: '/at/period' });
  });

  it('NDJSON that is not JSON gets the file and line number', () => {
    const text = '{"id":"a","type":"matchEnded","at":{"period":2,"ms":0}}\n\n{"id":"b", oops}\n';
    const { problems } = readStreamText(text, 'bad.ndjson');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'PARSE_ERROR', file: 'bad.ndjson', line: 3 });
  });

  it('NDJSON problems come in line order; indexes count events, lines count lines (CRLF too)', () => {
    const text = [
      '{"id":"a","type":"matchEnded","at":{"period":2,"ms":0}}',
      '',
      '{"id":"c","type":"matchEnded","at":{"period":2}}',
      '',
      '{"id":"b", oops}',
    ].join('\r\n');
    const { events, problems } = readStreamText(text, 'mixed.ndjson');
    expect(events.map((e) => e.id)).toEqual(['a']);
    expect(problems.map((p) => [p.code, p.line, p.index])).toEqual([
      ['SCHEMA_INVALID', 3, 1],
      ['PARSE_ERROR', 5, undefined],
    ]);
    expect(parseJsonLines(text).items.map((item) => item.line)).toEqual([1, 3]);
  });

  it('a JSON array stream is read as well as NDJSON', () => {
    const events = seed('ucl/2021-22/final-liverpool-real-madrid.ndjson');
    const { events: again, problems } = readStreamText(JSON.stringify(events, null, 2));
    expect(problems).toEqual([]);
    expect(again).toEqual(events);
  });
});

describe('time model: instants, not minutes', () => {
  it('derives display minutes with added time and interval events (rulebook §3.3)', () => {
    expect(displayMinute({ period: 1, ms: 46 * 60_000 + 1 })).toBe("45+2'");
    expect(displayMinute({ period: 2, ms: 15 * 60_000 + 30_000 })).toBe("61'");
    expect(displayMinute({ period: 2, ms: 47 * 60_000 + 5_000 })).toBe("90+3'");
    expect(displayMinute({ period: 3, ms: 15 * 60_000 + 10_000 })).toBe("105+1'");
    expect(displayMinute({ period: 2, ms: 0 }, true)).toBe("46'");
    expect(ordinal({ period: 1, ms: 0 })).toBe(1);
    expect(ordinal({ period: 1, ms: 60_000 })).toBe(1);
  });

  it('nominal minutes fold stoppage into the period’s last minute', () => {
    expect(nominalAt({ period: 2, ms: 15 * 60_000 + 30_000 })).toBe(61);
    expect(nominalAt({ period: 2, ms: 47 * 60_000 })).toBe(90);
    expect(nominalAt({ period: 2, ms: 0 }, true)).toBe(45);
  });

  it("45+1' (first half) and 46' (second half) are different instants and order by period", () => {
    const stoppage = parseDisplayMinute("45+1'")!;
    const second = parseDisplayMinute("46'")!;
    expect(stoppage).toEqual({ period: 1, ordinal: 46 });
    expect(second).toEqual({ period: 2, ordinal: 1 });
    expect(compareInstants({ period: 1, ms: 45 * 60_000 + 30_000 }, { period: 2, ms: 30_000 })).toBeLessThan(
      0,
    );
    expect(parseDisplayMinute("90+3'")).toEqual({ period: 2, ordinal: 48 });
    expect(parseDisplayMinute("105+1'")).toEqual({ period: 3, ordinal: 16 });
    expect(parseDisplayMinute('abc')).toBeNull();
  });
});

describe('documentation', () => {
  it('the docs (docs/engine.md, docs/events.md) document every error code and every event type', async () => {
    const { ERROR_CODES } = await import('../src/events/errors.js');
    const readme = ['docs/engine.md', 'docs/events.md']
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    for (const code of Object.keys(ERROR_CODES)) expect(readme, code).toContain(`\`${code}\``);
    for (const type of EVENT_TYPES) expect(readme, type).toContain(`\`${type}\``);
  });
});
