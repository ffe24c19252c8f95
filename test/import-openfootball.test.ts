import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseFootballJson,
  parseFootballTxt,
  toStreams,
  type OfParseResult,
} from '../src/import/openfootball/index.js';
import {
  buildTable,
  decideTie,
  defaultTableRules,
  fold,
  ruleSetById,
  type TableOptions,
  type TableRow,
  toMatchResult,
  type MatchResult,
  type TieResult,
} from '../src/index.js';
import { ROOT } from './helpers.js';

const OF = join(ROOT, 'test/fixtures/openfootball');
const txt = (path: string) => parseFootballTxt(readFileSync(join(OF, path), 'utf8'));
const json = (path: string) => parseFootballJson(readFileSync(join(OF, path), 'utf8'));
const GROUPISH = /group|gruppe|matchday/i;

function results(
  parsed: OfParseResult,
  season: string,
  awayGoals: 'none' | 'afterNormalTimeAndExtraTime' = 'none',
) {
  return toStreams(parsed, { competition: 'test', season, awayGoals }).streams.map((s) => {
    const state = fold(s.events, undefined, { mode: 'lenient' });
    return { stream: s, state, result: toMatchResult(state, s.id) };
  });
}

const knockoutRounds = (parsed: OfParseResult) =>
  [...new Set(parsed.matches.map((m) => m.round))].filter(
    (r) => !GROUPISH.test(r) && !/third place/i.test(r),
  );
/** Where two teams level on points sit either side of a qualifying place, what separated them. */
const boundary = (rows: TableRow[], place: number): string | null => {
  const [above, below] = [rows[place - 1]!, rows[place]!];
  if (above.points !== below.points) return null;
  expect(above.level, `${above.team} and ${below.team} left level`).toBe(false);
  return `${above.team} over ${below.team} on ${above.separatedBy}`;
};
const teamsIn = (rs: MatchResult[]) => new Set(rs.flatMap((r) => [r.home.name, r.away.name]));

/** Every tie of a round: two legs paired by fixture leg, or a single match. */
function ties(round: MatchResult[]): TieResult[] {
  const out: TieResult[] = [];
  for (const m of round) {
    if (m.fixture.leg === 'single') out.push(decideTie(m));
    if (m.fixture.leg === 1) {
      const second = round.find(
        (x) => x.fixture.leg === 2 && x.home.id === m.away.id && x.away.id === m.home.id,
      )!;
      out.push(decideTie(m, second));
    }
  }
  return out;
}

const CHAMPIONS: Record<string, string> = {
  '2018-19': 'Liverpool FC',
  '2019-20': 'Bayern München',
  '2020-21': 'Chelsea FC',
  '2021-22': 'Real Madrid',
  '2022-23': 'Manchester City',
  '2023-24': 'Real Madrid CF',
};

/** Second and third level on points in a final group table, and what separated them. */
const CL_SECOND_PLACES = [
  // Inter 2-1 Tottenham, Tottenham 1-0 Inter: level on head-to-head points and goals, Spurs' away goal.
  '2018-19 uefa-2018: Tottenham Hotspur over Inter on head-to-head away goals scored',
  // 1-0 each at home: head-to-head level, overall goal difference level (+2), 9 goals to 7.
  '2018-19 uefa-2018: Liverpool FC over SSC Napoli on goals scored',
  '2020-21 uefa-2018: Bor. Mönchengladbach over Shakhtar Donetsk on head-to-head points',
  // Dortmund 1-0 Sporting, Sporting 3-1 Dortmund.
  '2021-22 uefa-2021: Sporting CP over Borussia Dortmund on head-to-head goal difference',
  // PSG 3-0 Milan, Milan 2-1 PSG.
  '2023-24 uefa-2021: Paris Saint-Germain FC over AC Milan on head-to-head goal difference',
];

describe('openfootball Champions League 2018-19 to 2023-24 (cl.txt)', () => {
  const seasons = Object.keys(CHAMPIONS);
  let tieCount = 0;
  const secondPlaces: string[] = [];

  it.each(seasons)(
    '%s: every knockout tie is rebuilt and its winner plays the next round; the final’s winner is the champion',
    (season) => {
      const parsed = txt(`champions-league/${season}/cl.txt`);
      expect(parsed.problems).toEqual([]);
      const awayGoals = Number(season.slice(0, 4)) <= 2020 ? 'afterNormalTimeAndExtraTime' : 'none';
      const all = results(parsed, season, awayGoals);
      expect(all.flatMap((r) => r.state.warnings)).toEqual([]);
      const rounds = knockoutRounds(parsed);
      expect(rounds.length).toBeGreaterThanOrEqual(4);
      for (let i = 0; i < rounds.length; i++) {
        const round = all.filter((r) => r.stream.match.round === rounds[i]).map((r) => r.result);
        const decided = ties(round);
        tieCount += decided.length;
        for (const t of decided) {
          expect(t.status, `${rounds[i]} ${t.teams[0].name} v ${t.teams[1].name}`).toBe('decided');
          expect(t.rules).toBe(
            t.teams &&
              round.some(
                (m) =>
                  m.fixture.leg === 'single' && (m.home.id === t.teams[0].id || m.away.id === t.teams[0].id),
              )
              ? 'single'
              : awayGoals === 'none'
                ? 'no-away-goals'
                : 'away-goals',
          );
        }
        const next = rounds[i + 1]
          ? teamsIn(all.filter((r) => r.stream.match.round === rounds[i + 1]).map((r) => r.result))
          : null;
        const winners = decided.map((t) => t.winner!.name);
        if (next) expect(new Set(winners)).toEqual(next);
        else expect(winners).toEqual([CHAMPIONS[season]]);
      }
    },
  );

  it('the known away-goals, extra-time and shoot-out ties decide by the right step', () => {
    const find = (season: string, a: string, b: string) => {
      const parsed = txt(`champions-league/${season}/cl.txt`);
      const awayGoals = Number(season.slice(0, 4)) <= 2020 ? 'afterNormalTimeAndExtraTime' : 'none';
      const all = results(parsed, season, awayGoals).map((r) => r.result);
      return ties(all.filter((m) => !GROUPISH.test(m.fixture.round))).find(
        (t) => t.teams.some((x) => x.name.startsWith(a)) && t.teams.some((x) => x.name.startsWith(b)),
      )!;
    };
    expect(find('2018-19', 'Tottenham', 'AFC Ajax')).toMatchObject({
      decidedBy: 'awayGoals',
      aggregate: [3, 3],
      awayGoals: [3, 1],
    });
    expect(find('2018-19', 'Tottenham', 'Manchester City')).toMatchObject({
      decidedBy: 'awayGoals',
      winner: { name: 'Tottenham Hotspur' },
    });
    expect(find('2020-21', 'FC Porto', 'Juventus')).toMatchObject({
      decidedBy: 'awayGoalsAfterExtraTime',
      winner: { name: 'FC Porto' },
    });
    expect(find('2021-22', 'Manchester City', 'Real Madrid')).toMatchObject({
      decidedBy: 'extraTime',
      winner: { name: 'Real Madrid' },
    });
    expect(find('2023-24', 'Arsenal', 'FC Porto')).toMatchObject({
      decidedBy: 'penalties',
      winner: { name: 'Arsenal FC' },
    });
  });

  it.each(seasons)('%s: the top two of every final group table are the round-of-16 teams', (season) => {
    const parsed = txt(`champions-league/${season}/cl.txt`);
    const all = results(parsed, season).map((r) => r.result);
    const groupMatches = all.filter((m) => GROUPISH.test(m.fixture.round));
    // Groups: the letters where the file gives them, otherwise the teams that played each other.
    const groups = new Map<string, MatchResult[]>();
    const component = new Map<string, string>();
    const find = (x: string): string =>
      component.get(x) === x || !component.has(x) ? x : find(component.get(x)!);
    for (const m of groupMatches) {
      component.set(m.home.id, find(m.home.id));
      component.set(m.away.id, find(m.away.id));
      component.set(find(m.away.id), find(m.home.id));
    }
    for (const m of groupMatches)
      groups.set(m.fixture.group ?? find(m.home.id), [
        ...(groups.get(m.fixture.group ?? find(m.home.id)) ?? []),
        m,
      ]);
    expect(groups.size).toBe(8);
    const qualified = new Set<string>();
    const rules = defaultTableRules(season);
    expect(rules.id).toBe(Number(season.slice(0, 4)) <= 2020 ? 'uefa-2018' : 'uefa-2021');
    for (const [, ms] of groups) {
      expect(ms).toHaveLength(12);
      const rows = buildTable(ms, { rules });
      expect(rows).toHaveLength(4);
      qualified.add(rows[0]!.team).add(rows[1]!.team);
      const decided = boundary(rows, 2);
      if (decided) secondPlaces.push(`${season} ${rules.id}: ${decided}`);
    }
    const r16 = knockoutRounds(parsed)[0]!;
    expect(qualified).toEqual(teamsIn(all.filter((m) => m.fixture.round === r16)));
  });

  it('counts: every tie from 2018-19 to 2023-24 was checked', () => {
    // 8 + 4 + 2 + 1 per season, 2019-20 with single-match rounds from the quarter-finals.
    expect(tieCount).toBe(6 * 15);
  });

  it('the second places level on points were decided by the season’s UEFA rule set, none by lots', () => {
    expect(secondPlaces).toEqual(CL_SECOND_PLACES);
  });
});

const TOURNAMENTS = [
  {
    name: 'World Cup 2018',
    txt: ['worldcup/2018--russia/cup.txt', 'worldcup/2018--russia/cup_finals.txt'],
    json: 'worldcup.json/2018/worldcup.json',
    champion: 'France',
    thirds: 0,
    rules: 'fifa-2018',
    // openfootball has no bookings: Group H needs the fair-play points from another source.
    cards: 'test/fixtures/competition/wc2018-group-h-cards.json',
    levelOnPoints: ['H: Japan over Senegal on fair play points'],
  },
  {
    name: 'World Cup 2022',
    txt: ['worldcup/2022--qatar/cup.txt', 'worldcup/2022--qatar/cup_finals.txt'],
    json: 'worldcup.json/2022/worldcup.json',
    champion: 'Argentina',
    thirds: 0,
    rules: 'fifa-2018',
    cards: null,
    levelOnPoints: [
      'C: Poland over Mexico on goal difference',
      'E: Spain over Germany on goal difference',
      'H: South Korea over Uruguay on goals scored',
    ],
  },
  {
    name: 'Euro 2020',
    txt: ['euro/2021--europe/euro.txt'],
    json: 'euro.json/2020/euro.json',
    champion: 'Italy',
    thirds: 4,
    rules: 'euro-2020',
    cards: null,
    // Head-to-head first (EURO 2020 regulations, art. 20.01).
    levelOnPoints: [
      'A: Wales over Switzerland on goal difference',
      'B: Denmark over Finland on head-to-head goal difference',
      'B: Finland over Russia on head-to-head goal difference',
      'D: Croatia over Czech Republic on goals scored',
      'F: Germany over Portugal on head-to-head points',
    ],
  },
];

describe.each(TOURNAMENTS)(
  'openfootball $name',
  ({ txt: txtFiles, json: jsonFile, champion, thirds, rules: rulesId, cards, levelOnPoints }) => {
    const fromJson = json(jsonFile);
    const fromTxt: OfParseResult = {
      title: null,
      matches: txtFiles.flatMap((f) => txt(f).matches),
      problems: txtFiles.flatMap((f) => txt(f).problems),
    };

    it('the TXT and JSON files agree on every match, its scores and its goal count', () => {
      expect(fromTxt.problems).toEqual([]);
      const key = (m: OfParseResult['matches'][number]) => `${m.home}|${m.away}`;
      const byKey = new Map(fromJson.matches.map((m) => [key(m), m]));
      expect(fromTxt.matches).toHaveLength(fromJson.matches.length);
      for (const m of fromTxt.matches) {
        const j = byKey.get(key(m));
        expect(j, key(m)).toBeDefined();
        expect([m.ft, m.aet, m.pens], key(m)).toEqual([j!.ft, j!.aet ?? null, j!.pens ?? null]);
        expect(m.goals?.length ?? 0, key(m)).toBe(j!.goals?.length ?? 0);
      }
    });

    it('every knockout match has the right winner (shoot-outs included), and the final’s is the champion', () => {
      const all = results(fromJson, '2022').map((r) => r.result);
      const rounds = knockoutRounds(fromJson);
      for (let i = 0; i < rounds.length; i++) {
        const decided = all.filter((m) => m.fixture.round === rounds[i]).map((m) => decideTie(m));
        for (const t of decided) expect(t.status).toBe('decided');
        const winners = decided.map((t) => t.winner!.name);
        const next = rounds[i + 1];
        if (next) expect(new Set(winners)).toEqual(teamsIn(all.filter((m) => m.fixture.round === next)));
        else expect(winners).toEqual([champion]);
      }
    });

    it('group tables under the real rule set: the top two (and the best thirds at the Euro) reach the knockouts; every tie on points named', () => {
      const all = results(fromJson, '2022').map((r) => r.result);
      const r16 = teamsIn(all.filter((m) => m.fixture.round === knockoutRounds(fromJson)[0]));
      const byGroup = new Map<string, MatchResult[]>();
      for (const m of all.filter((x) => x.fixture.group))
        byGroup.set(m.fixture.group!, [...(byGroup.get(m.fixture.group!) ?? []), m]);
      const rules = ruleSetById(rulesId);
      const bookings = cards
        ? (JSON.parse(readFileSync(join(ROOT, cards), 'utf8')) as { cards: TableOptions['cards'] }).cards
        : undefined;
      const thirdsIn: string[] = [];
      const decided: string[] = [];
      for (const [group, ms] of [...byGroup].sort()) {
        const rows = buildTable(ms, { rules, ...(bookings ? { cards: bookings } : {}) });
        expect(r16.has(rows[0]!.team) && r16.has(rows[1]!.team), rows.map((r) => r.team).join(',')).toBe(
          true,
        );
        expect(r16.has(rows[3]!.team)).toBe(false);
        if (r16.has(rows[2]!.team)) thirdsIn.push(rows[2]!.team);
        for (const place of thirds > 0 ? [2, 3] : [2]) {
          const d = boundary(rows, place);
          if (d) decided.push(`${group.replace(/^Group /, '')}: ${d}`);
        }
      }
      expect(thirdsIn).toHaveLength(thirds);
      expect(decided).toEqual(levelOnPoints);
    });
  },
);

describe('where openfootball contradicts itself', () => {
  it('the importer decides every half-time that disagrees with the goals, and the goals listed under the wrong team, with a code', () => {
    const found: string[] = [];
    for (const file of [
      'worldcup.json/2018/worldcup.json',
      'worldcup.json/2022/worldcup.json',
      'euro.json/2020/euro.json',
    ]) {
      for (const s of toStreams(json(file), { competition: 'x', season: '2022' }).streams) {
        for (const n of s.notes) found.push(`${file}: ${n.code} ${n.message}`);
        // What the importer decided leaves nothing for the engine to refuse, even in strict mode.
        expect(fold(s.events).warnings).toEqual([]);
      }
    }
    expect(found).toEqual([
      "worldcup.json/2018/worldcup.json: RESULT_CONFLICT Japan v Poland: the half-time score 0-1 disagrees with the scorers' minutes (0-0); the goals decide",
      "worldcup.json/2018/worldcup.json: RESULT_CONFLICT Senegal v Colombia: the half-time score 0-1 disagrees with the scorers' minutes (0-0); the goals decide",
      "worldcup.json/2022/worldcup.json: RESULT_CONFLICT Japan v Spain: the half-time score 0-0 disagrees with the scorers' minutes (0-1); the goals decide",
      "worldcup.json/2022/worldcup.json: RESULT_CONFLICT Serbia v Switzerland: the half-time score 2-1 disagrees with the scorers' minutes (2-2); the goals decide",
      "worldcup.json/2022/worldcup.json: RESULT_CONFLICT Netherlands v Argentina: the half-time score 1-0 disagrees with the scorers' minutes (0-1); the goals decide",
      'euro.json/2020/euro.json: IMPORT_NOTE Ukraine v England: the goals are listed under the wrong teams; swapped to fit 0-4',
    ]);
  });

  it('unreadable lines are PARSE_ERRORs with their file and line numbers', () => {
    const parsed = parseFootballTxt(
      '= Test Cup 2024\n» Final\n  Sat May/4 2024\n    21.00  A (ENG) v B (ESP)  2-1 (1-0)\n    this is not a match\n',
      { file: 'cup.txt' },
    );
    expect(parsed.matches).toHaveLength(1);
    expect(parsed.problems.map((p) => [p.code, p.file, p.line, p.message])).toEqual([
      ['PARSE_ERROR', 'cup.txt', 5, 'not a match line: this is not a match'],
    ]);
  });
});
