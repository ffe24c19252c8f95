/**
 * Every fact the seed articles (../shared/seeds/000..004) state, derived from the committed match
 * library in events/ through the public API (issue 17). One `it` per fact, named after it; a fact the
 * data cannot give, or contradicts, is a row with its reason in README.md ("Seed facts"), never here.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildTable,
  decideTie,
  defaultTeams,
  fold,
  groupsOf,
  headToHead,
  identifyTeams,
  matchSummary,
  minutesOf,
  minutesPlayed,
  parseStream,
  qualification,
  sinceLast,
  stateAt,
  teamMatches,
  teamRecord,
  throughToRound,
  toMatchResult,
  type MatchEvent,
  type MatchResult,
  type MatchState,
  type Qualification,
  type Side,
} from '../src/index.js';
import { ROOT } from './helpers.js';

const EVENTS = join(ROOT, 'events');

function stream(path: string): MatchEvent[] {
  const file = join(EVENTS, path);
  return parseStream(readFileSync(file, 'utf8'), file);
}
const match = (path: string): MatchState => fold(stream(path));

const cache = new Map<string, MatchResult[]>();
/** Every stream of events/<dir> (all seasons, or the ones named) as results with canonical team ids. */
function library(dir: string, seasons?: readonly string[]): MatchResult[] {
  const key = `${dir}:${seasons?.join(',') ?? '*'}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: MatchResult[] = [];
  for (const season of seasons ?? readdirSync(join(EVENTS, dir)).sort()) {
    for (const f of readdirSync(join(EVENTS, dir, season)).sort()) {
      const path = `${dir}/${season}/${f}`;
      out.push(toMatchResult(fold(stream(path)), path));
    }
  }
  const identified = identifyTeams(out, defaultTeams(), { unknown: 'keep' });
  cache.set(key, identified);
  return identified;
}
const ucl = () => library('ucl');
const ucl2021 = () => library('ucl', ['2020-21']);
/** Every competition events/ holds: Champions League, Europa League, Premier League, both cups. */
const everything = () =>
  ['ucl', 'uel', 'eng-premier-league', 'eng-fa-cup', 'eng-league-cup'].flatMap((d) => library(d));

/** The managers' spells committed with the library (events/managers.jsonl). */
const spells = readFileSync(join(EVENTS, 'managers.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map(
    (l) =>
      JSON.parse(l) as {
        team: { id: string };
        manager: string;
        from: string;
        to: string | null;
        source: string;
      },
  );
const spell = (manager: string) => spells.find((s) => s.manager === manager)!;

const result = (matches: readonly MatchResult[], path: string) => matches.find((m) => m.id === path)!;
const score = (m: MatchResult) => `${m.score.home}-${m.score.away}`;
const other = (side: Side): Side => (side === 'home' ? 'away' : 'home');
/** The players of one side, starters or substitutes, in line-up order. */
const squad = (s: MatchState, side: Side, starters: boolean) =>
  [...s.players.values()].filter((p) => p.team === side && !p.official && p.starter === starters);

const GROUP_D = 'ucl/2020-21/group-d';
const LIV_ATA = `${GROUP_D}-md4-liverpool-atalanta.ndjson`;
const ATA_LIV = `${GROUP_D}-md3-atalanta-liverpool.ndjson`;
const LIV_RMA_23 = 'ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const RMA_LIV_23 = 'ucl/2022-23/r16-leg2-real-madrid-liverpool.ndjson';
const FINAL_22 = 'ucl/2021-22/final-liverpool-real-madrid.ndjson';
const FINAL_18 = 'ucl/2017-18/final-real-madrid-liverpool.ndjson';
const MCI_RMA_22 = 'ucl/2021-22/sf-leg1-manchester-city-real-madrid.ndjson';
const RMA_MCI_22 = 'ucl/2021-22/sf-leg2-real-madrid-manchester-city.ndjson';
const AFTER_MD4 = '2020-11-25';

function groupOutlook(group: string, until = AFTER_MD4): Qualification {
  return qualification(groupsOf(ucl2021()).find((g) => g.key === group)!.matches, { until });
}
const place = (q: Qualification, teamId: string, top: number) =>
  q.teams.find((t) => t.teamId === teamId)!.places.find((p) => p.top === top)!;
const points = (q: Qualification) => q.teams.map((t) => [t.teamId, t.points]);

describe('seed 000 (March 2023): Real Madrid 1-0 Liverpool, Liverpool out of the Champions League', () => {
  it('Real Madrid beat Liverpool 1-0 at the Bernabéu, 0-0 at half time', () => {
    const s = match(RMA_LIV_23);
    expect(s.fixture).toMatchObject({ round: 'Round of 16', leg: 2 });
    expect(s.fixture!.venue).toMatch(/Bernabéu/);
    expect([s.teams.home.name, s.teams.away.name]).toEqual(['Real Madrid', 'Liverpool']);
    expect(s.score).toEqual({ home: 1, away: 0 });
    expect(s.halfTime).toEqual({ home: 0, away: 0 });
  });

  it('after the 2-5 defeat at Anfield, Liverpool are knocked out in the round of 16 (2-6 on aggregate)', () => {
    const all = library('ucl', ['2022-23']);
    const tie = decideTie(result(all, LIV_RMA_23), result(all, RMA_LIV_23));
    expect(score(result(all, LIV_RMA_23))).toBe('2-5');
    expect(tie).toMatchObject({ status: 'decided', winner: { id: 'real-madrid' }, aggregate: [2, 6] });
  });

  it('Karim Benzema scored the winner a quarter of an hour from time (78’), after half time', () => {
    const s = matchSummary(match(RMA_LIV_23));
    expect(s.goals).toEqual([
      expect.objectContaining({ scorer: 'Karim Benzema', minute: "78'", team: 'Real Madrid' }),
    ]);
  });

  it('Van Dijk and Gakpo played the full ninety minutes', () => {
    const s = match(RMA_LIV_23);
    expect(minutesOf(s, 'virgil-van-dijk')).toBe(90);
    expect(minutesOf(s, 'cody-gakpo')).toBe(90);
  });

  it('the players the report names start: Núñez, Gakpo, Salah, Van Dijk, Alisson; Courtois, Vinícius, Camavinga, Modrić', () => {
    const s = match(RMA_LIV_23);
    const starters = (side: Side) => squad(s, side, true).map((p) => p.name);
    expect(starters('away')).toEqual(
      expect.arrayContaining(['Darwin Núñez', 'Cody Gakpo', 'Mohamed Salah', 'Virgil van Dijk', 'Alisson']),
    );
    expect(starters('home')).toEqual(
      expect.arrayContaining(['Thibaut Courtois', 'Vinícius Júnior', 'Eduardo Camavinga', 'Luka Modrić']),
    );
  });

  it('Jürgen Klopp was Liverpool’s manager', () => {
    const klopp = spell('Jürgen Klopp');
    expect(klopp.team.id).toBe('liverpool');
    const kickoff = match(RMA_LIV_23).fixture!.kickoff.slice(0, 10);
    expect(klopp.from <= kickoff && (klopp.to === null || kickoff <= klopp.to)).toBe(true);
  });

  it('the year before, Liverpool reached the final and lost it 0-1 to Real Madrid', () => {
    const s = matchSummary(match(FINAL_22));
    expect([s.round, s.season, s.home, s.away]).toEqual(['Final', '2021-22', 'Liverpool', 'Real Madrid']);
    expect(s.score).toEqual({ home: 0, away: 1 });
    expect(s.winner).toBe('Real Madrid');
  });

  it('Real Madrid join Bayern, Chelsea, Milan, Benfica, City, Inter and Napoli in the last eight', () => {
    const qf = throughToRound(library('ucl', ['2022-23']), /^Quarter/i);
    expect(qf.map((e) => e.team.id).sort()).toEqual(
      [
        'bayern-munchen',
        'chelsea',
        'ac-milan',
        'benfica',
        'manchester-city',
        'inter',
        'napoli',
        'real-madrid',
      ].sort(),
    );
    // Real Madrid are among the last through, on the night of this match.
    const last = qf.filter((e) => e.settled === qf.at(-1)!.settled).map((e) => e.team.id);
    expect(last).toContain('real-madrid');
    expect(qf.at(-1)!.settled).toBe('2023-03-15');
  });
});

describe('seed 001 (25 November 2020): matchday 4 of groups A-D', () => {
  it('Atalanta had lost the first match 0-5 at home to Liverpool', () => {
    const s = match(ATA_LIV);
    expect([s.teams.home.name, s.teams.away.name, s.score]).toEqual([
      'Atalanta',
      'Liverpool',
      { home: 0, away: 5 },
    ]);
  });

  it('Liverpool 0-2 Atalanta at Anfield, goals by Josip Iličić and Robin Gosens', () => {
    const s = matchSummary(match(LIV_ATA));
    expect(s.score).toEqual({ home: 0, away: 2 });
    expect(s.goals.map((g) => g.scorer)).toEqual(['Josip Iličić', 'Robin Gosens']);
  });

  it('before the match a win would already have put Liverpool through', () => {
    const lfc = place(groupOutlook('D', '2020-11-24'), 'liverpool', 2);
    expect(lfc.status).toBe('open');
    expect(lfc.enough).toContain('a win v Atalanta');
  });

  it('Liverpool were the English champions (Premier League 2019-20)', () => {
    const table = buildTable(library('eng-premier-league', ['2019-20']));
    expect(table[0]).toMatchObject({ teamId: 'liverpool', played: 38 });
  });

  it('Divock Origi played (he started)', () => {
    const s = match(LIV_ATA);
    expect(squad(s, 'home', true).map((p) => p.id)).toContain('divock-origi');
  });

  it('Ajax 3-1 Midtjylland; Midtjylland without a point after four matchdays', () => {
    expect(score(result(ucl2021(), `${GROUP_D}-md4-ajax-midtjylland.ndjson`))).toBe('3-1');
    expect(groupOutlook('D').teams.find((t) => t.teamId === 'midtjylland')!.points).toBe(0);
  });

  it('Group D: Liverpool top on 9 points, Atalanta and Ajax 7 each', () => {
    expect(points(groupOutlook('D'))).toEqual([
      ['liverpool', 9],
      ['ajax', 7],
      ['atalanta', 7],
      ['midtjylland', 0],
    ]);
  });

  it('on the last matchday Atalanta visit Ajax in Amsterdam', () => {
    const md6 = result(ucl2021(), `${GROUP_D}-md6-ajax-atalanta.ndjson`);
    expect([md6.home.id, md6.away.id]).toEqual(['ajax', 'atalanta']);
    const d = groupsOf(ucl2021()).find((g) => g.key === 'D')!.matches;
    const lastDay = d.reduce((a, m) => (m.kickoff > a ? m.kickoff : a), '');
    expect(md6.kickoff).toBe(lastDay);
  });

  it('Bayern, the holders, beat Salzburg 3-1 and secured first place', () => {
    const final = result(
      library('ucl', ['2019-20']),
      'ucl/2019-20/final-paris-saint-germain-bayern-munchen.ndjson',
    );
    expect(decideTie(final).winner?.id).toBe('bayern-munchen');
    expect(score(result(ucl2021(), 'ucl/2020-21/group-a-md4-bayern-munchen-rb-salzburg.ndjson'))).toBe('3-1');
    expect(place(groupOutlook('A'), 'bayern-munchen', 1).status).toBe('clinched');
  });

  it('Atlético 0-0 Lokomotiv, after 1-1 in Moscow; Atlético second on 5 points', () => {
    const ms = ucl2021();
    expect(score(result(ms, 'ucl/2020-21/group-a-md4-atletico-madrid-lokomotiv-moskva.ndjson'))).toBe('0-0');
    expect(score(result(ms, 'ucl/2020-21/group-a-md3-lokomotiv-moskva-atletico-madrid.ndjson'))).toBe('1-1');
    const a = groupOutlook('A');
    expect(a.teams[1]).toMatchObject({ teamId: 'atletico-madrid', points: 5 });
  });

  it('Atlético must wait at least another week for their ticket: open after matchday 4 and 5, through after 6', () => {
    expect(place(groupOutlook('A'), 'atletico-madrid', 2).status).toBe('open');
    expect(place(groupOutlook('A', '2020-12-01'), 'atletico-madrid', 2).status).toBe('open');
    expect(place(groupOutlook('A', '2020-12-09'), 'atletico-madrid', 2).status).toBe('clinched');
  });

  it('Manchester City won 1-0 at Olympiacos and are already sure of the next round', () => {
    expect(score(result(ucl2021(), 'ucl/2020-21/group-c-md4-olympiacos-manchester-city.ndjson'))).toBe('0-1');
    expect(place(groupOutlook('C'), 'manchester-city', 2).status).toBe('clinched');
  });

  it('Marseille 0-2 Porto at home: Marseille’s 13th consecutive Champions League defeat', () => {
    const m = result(ucl(), 'ucl/2020-21/group-c-md4-marseille-porto.ndjson');
    expect(score(m)).toBe('0-2');
    const om = teamRecord(ucl(), 'marseille', { until: AFTER_MD4 });
    expect(om.matches.at(-1)!.id).toBe(m.id);
    expect(om.current.defeats.length).toBe(13);
    // The run starts after their win at home to Inter in the 2011-12 round of 16 (1-0).
    expect(om.matches.at(-14)).toMatchObject({ outcome: 'W', season: '2011-12' });
  });

  it('Porto all but sure of the next round: not yet through, a single draw in either match is enough; Marseille out', () => {
    const c = groupOutlook('C');
    const porto = place(c, 'porto', 2);
    expect(c.teams.find((t) => t.teamId === 'porto')!.points).toBe(9);
    expect(porto.status).toBe('open');
    expect(porto.enough).toEqual(
      expect.arrayContaining(['a draw v Manchester City', expect.stringMatching(/^a draw at Olympia/)]),
    );
    expect(place(c, 'olympiacos', 2).status).toBe('open');
    expect(place(c, 'marseille', 2).status).toBe('lost');
  });

  it('Inter 0-2 Real Madrid; Gladbach, leaders, beat Shakhtar 4-0 after 6-0 in Kyiv; Real Madrid second', () => {
    const ms = ucl2021();
    expect(score(result(ms, 'ucl/2020-21/group-b-md4-inter-real-madrid.ndjson'))).toBe('0-2');
    expect(
      score(result(ms, 'ucl/2020-21/group-b-md4-borussia-monchengladbach-shakhtar-donetsk.ndjson')),
    ).toBe('4-0');
    expect(
      score(result(ms, 'ucl/2020-21/group-b-md3-shakhtar-donetsk-borussia-monchengladbach.ndjson')),
    ).toBe('0-6');
    expect(
      groupOutlook('B')
        .teams.slice(0, 2)
        .map((t) => t.teamId),
    ).toEqual(['borussia-monchengladbach', 'real-madrid']);
  });

  it('Gladbach played earlier in the evening than Inter v Real Madrid', () => {
    const ms = ucl2021();
    const gladbach = result(ms, 'ucl/2020-21/group-b-md4-borussia-monchengladbach-shakhtar-donetsk.ndjson');
    const inter = result(ms, 'ucl/2020-21/group-b-md4-inter-real-madrid.ndjson');
    expect(gladbach.kickoff.slice(0, 10)).toBe(inter.kickoff.slice(0, 10));
    expect(Date.parse(gladbach.kickoff)).toBeLessThan(Date.parse(inter.kickoff));
  });

  it('for Inter the Europa League (third place) looks the most they can reach', () => {
    const inter = groupOutlook('B').teams.find((t) => t.teamId === 'inter')!;
    expect(inter.rank).toBe(4);
    // Not out of the top two, but no result of Inter's own is enough: it depends on the others.
    expect(inter.places.find((p) => p.top === 2)).toMatchObject({ status: 'open', enough: [] });
    expect(inter.best).toBe(2);
  });
});

describe('seed 002 (21 February 2023): Liverpool 2-5 Real Madrid', () => {
  it('a repeat of the 2021-22 final, at Anfield, in the first leg of the round of 16', () => {
    const s = match(LIV_RMA_23);
    expect(s.fixture).toMatchObject({ round: 'Round of 16', leg: 1 });
    expect(s.fixture!.venue).toMatch(/Anfield/);
    const final = match(FINAL_22).fixture!;
    expect([final.home.id, final.away.id].sort()).toEqual([s.fixture!.home.id, s.fixture!.away.id].sort());
  });

  it('Liverpool led 2-0 after 14 minutes through Darwin Núñez and Mo Salah', () => {
    const events = stream(LIV_RMA_23);
    expect(stateAt(events, "13'").score).toEqual({ home: 1, away: 0 });
    const at14 = stateAt(events, "14'");
    expect(at14.score).toEqual({ home: 2, away: 0 });
    expect(matchSummary(at14).goals.map((g) => g.scorer)).toEqual(['Darwin Núñez', 'Mohamed Salah']);
  });

  it('Vinícius Júnior scored twice, 2-2 at the break; Madrid took Liverpool apart after it: 2-5, a seven-goal thriller', () => {
    const final = match(LIV_RMA_23);
    expect(final.halfTime).toEqual({ home: 2, away: 2 });
    expect(final.score).toEqual({ home: 2, away: 5 });
    expect(final.result?.winner).toBe('away');
    const scorers = final.goals.map((g) => `${final.players.get(g.scorer!)!.name} ${g.minute}`);
    expect(scorers).toEqual([
      "Darwin Núñez 4'",
      "Mohamed Salah 14'",
      "Vinícius Júnior 21'",
      "Vinícius Júnior 36'",
      "Éder Militão 47'",
      "Karim Benzema 55'",
      "Karim Benzema 67'",
    ]);
    // The three goals after half time are all Madrid's.
    expect(final.goals.filter((g) => g.at.period === 2).map((g) => g.team)).toEqual(['away', 'away', 'away']);
  });

  it('Liverpool and Real Madrid have met 10 times in the Champions League (European Cup included), Madrid winning 6', () => {
    const h2h = headToHead(ucl(), 'liverpool', 'real-madrid', { until: '2023-02-21' });
    expect(h2h).toMatchObject({ played: 10, wins: [3, 6], draws: 1 });
    const meetings = teamMatches(ucl(), 'liverpool', { opponent: 'real-madrid', until: '2023-02-21' });
    expect(
      meetings.map((m) => `${m.kickoff.slice(0, 10)} ${m.outcome} ${m.goalsFor}-${m.goalsAgainst}`),
    ).toEqual([
      '1981-05-27 W 1-0',
      '2009-02-25 W 1-0',
      '2009-03-10 W 4-0',
      '2014-10-22 L 0-3',
      '2014-11-04 L 0-1',
      '2018-05-26 L 1-3',
      '2021-04-06 L 1-3',
      '2021-04-14 D 0-0',
      '2022-05-28 L 0-1',
      '2023-02-21 L 2-5',
    ]);
  });

  it('Real Madrid were the defending champions', () => {
    expect(decideTie(result(library('ucl', ['2021-22']), FINAL_22)).winner?.id).toBe('real-madrid');
  });

  it('Liverpool were beaten by Madrid in the finals of 2018 and 2022', () => {
    const finals = ucl().filter(
      (m) => m.fixture.round === 'Final' && [m.home.id, m.away.id].includes('liverpool'),
    );
    const lost = finals.filter((m) => decideTie(m).winner?.id === 'real-madrid').map((m) => m.fixture.season);
    expect(lost).toEqual(['2017-18', '2021-22']);
    expect(result(ucl(), FINAL_18).kickoff.slice(0, 4)).toBe('2018');
  });

  it('in 2020-21 Real Madrid knocked Liverpool out in the quarter-finals', () => {
    const qf = ucl2021().filter(
      (m) => /^Quarter/i.test(m.fixture.round) && [m.home.id, m.away.id].includes('liverpool'),
    );
    expect(qf).toHaveLength(2);
    const [leg1, leg2] = [...qf].sort((a, b) => a.kickoff.localeCompare(b.kickoff));
    expect(decideTie(leg1!, leg2).winner?.id).toBe('real-madrid');
  });

  it('under Klopp Liverpool have not beaten Real Madrid', () => {
    const klopp = spell('Jürgen Klopp');
    const h2h = headToHead(ucl(), 'liverpool', 'real-madrid', { from: klopp.from, until: '2023-02-21' });
    expect(h2h.played).toBeGreaterThan(0);
    expect(h2h.wins[0]).toBe(0);
  });
});

describe('seed 003 (25 November 2020): Liverpool 0-2 Atalanta, line-ups and statistics', () => {
  it('Atalanta won 0-2 at Anfield: Iličić after 60 minutes, Gosens four minutes later', () => {
    const s = matchSummary(match(LIV_ATA));
    expect(s.score).toEqual({ home: 0, away: 2 });
    expect(s.goals.map((g) => [g.scorer, g.minute])).toEqual([
      ['Josip Iličić', "60'"],
      ['Robin Gosens', "64'"],
    ]);
  });

  it('Iličić from Gómez’s cross; Gosens from Hateboer’s header down', () => {
    const s = matchSummary(match(LIV_ATA));
    expect(s.goals.map((g) => [g.scorer, g.assist])).toEqual([
      ['Josip Iličić', 'Alejandro Gómez'],
      ['Robin Gosens', 'Hans Hateboer'],
    ]);
  });

  it('Klopp at once made four substitutions at 61’: Firmino, Jota, Robertson and Fabinho on', () => {
    const s = matchSummary(match(LIV_ATA));
    const at61 = s.substitutions.filter((x) => x.team === 'Liverpool' && x.minute === "61'");
    expect(at61.map((x) => x.playerOn).sort()).toEqual([
      'Andrew Robertson',
      'Diogo Jota',
      'Fabinho',
      'Roberto Firmino',
    ]);
    expect(at61.map((x) => x.playerOff).sort()).toEqual([
      'Divock Origi',
      'Georginio Wijnaldum',
      'Kostas Tsimikas',
      'Mohamed Salah',
    ]);
    // "at once": right after Iličić's goal (60'), before Gosens' (64').
    expect(s.timeline.findIndex((t) => t.type === 'substitution')).toBeGreaterThan(
      s.timeline.findIndex((t) => t.type === 'goal'),
    );
  });

  it('the other substitutions: Matip for Minamino 84’; Iličić for Zapata 70’, Gosens for Mojica 75’, Pessina for Miranchuk 85’', () => {
    const s = matchSummary(match(LIV_ATA));
    const rest = s.substitutions
      .filter((x) => x.minute !== "61'")
      .map((x) => [x.playerOff, x.playerOn, x.minute]);
    expect(rest).toEqual([
      ['Josip Iličić', 'Duván Zapata', "70'"],
      ['Robin Gosens', 'Johan Mojica', "75'"],
      ['Joël Matip', 'Takumi Minamino', "84'"],
      ['Matteo Pessina', 'Aleksey Miranchuk', "85'"],
    ]);
  });

  it('bookings: Tsimikas 57’, de Roon 89’', () => {
    const s = matchSummary(match(LIV_ATA));
    expect(s.cards.map((c) => [c.player, c.card, c.minute])).toEqual([
      ['Kostas Tsimikas', 'yellow', "57'"],
      ['Marten de Roon', 'yellow', "89'"],
    ]);
  });

  it('the line-ups: Liverpool’s eleven and ten substitutes, Atalanta’s eleven and twelve, shirt numbers as printed', () => {
    const s = match(LIV_ATA);
    const shirts = (side: Side, part: 'starting' | 'substitutes') =>
      squad(s, side, part === 'starting').map((p) => p.shirt);
    expect(shirts('home', 'starting')).toEqual([1, 76, 32, 46, 21, 17, 5, 7, 11, 27, 10]);
    expect(shirts('home', 'substitutes').sort((a, b) => a! - b!)).toEqual([
      3, 9, 13, 18, 20, 26, 62, 64, 65, 89,
    ]);
    expect(shirts('away', 'starting')).toEqual([95, 2, 17, 19, 33, 15, 11, 8, 32, 72, 10]);
    expect(shirts('away', 'substitutes').sort((a, b) => a! - b!)).toEqual([
      6, 7, 9, 21, 26, 31, 40, 42, 43, 57, 59, 91,
    ]);
  });

  it('Curtis Jones, Rhys Williams and Neco Williams were in the starting line-up', () => {
    const s = match(LIV_ATA);
    expect(squad(s, 'home', true).map((p) => p.name)).toEqual(
      expect.arrayContaining(['Curtis Jones', 'Rhys Williams', 'Neco Williams']),
    );
  });

  it('the minutes those line-ups and substitutions give (nominal): starters not replaced play 90', () => {
    const state = match(LIV_ATA);
    const expected: Record<string, number> = {
      'mohamed-salah': 61,
      'roberto-firmino': 29,
      'joel-matip': 84,
      'takumi-minamino': 6,
      'kostas-tsimikas': 61,
      'andrew-robertson': 29,
      'josip-ilicic': 70,
      'duvan-zapata': 20,
      'robin-gosens': 75,
      'johan-mojica': 15,
      'matteo-pessina': 85,
      'aleksey-miranchuk': 5,
      'georginio-wijnaldum': 61,
      fabinho: 29,
      'divock-origi': 61,
      'diogo-jota': 29,
    };
    for (const [id, minutes] of Object.entries(expected)) expect(minutesOf(state, id), id).toBe(minutes);
    const others = minutesPlayed(state).filter((r) => r.started && !(r.playerId in expected));
    expect(others).toHaveLength(22 - 8);
    for (const r of others) expect(r.minutes, r.player).toBe(90);
  });

  it('Liverpool’s five substitutions took two opportunities (61’ and 84’), Atalanta’s three took three', () => {
    const state = match(LIV_ATA);
    expect([state.teams.home.subsUsed, state.teams.home.opportunitiesUsed]).toEqual([5, 2]);
    expect([state.teams.away.subsUsed, state.teams.away.opportunitiesUsed]).toEqual([3, 3]);
  });

  it('the first home defeat in 90 minutes since September 2018 (Chelsea in the League Cup)', () => {
    const all = everything();
    const lostIn90AtHome = (m: MatchResult, side: Side) =>
      side === 'home' && m.normalTime[side] < m.normalTime[other(side)];
    const since = sinceLast(all, 'liverpool', lostIn90AtHome, LIV_ATA);
    expect(since.last?.kickoff.slice(0, 7)).toBe('2018-09');
    expect(since.last?.away.id).toBe('chelsea');
    expect(since.last?.fixture.competition).toMatch(/EFL Cup|League Cup/);
  });

  it('the referee: Carlos del Cerro Grande', () => {
    expect(matchSummary(match(LIV_ATA)).referee).toBe('Carlos del Cerro Grande');
  });

  it('Liverpool’s previous match: the Premier League win over Leicester City on Sunday', () => {
    const before = teamMatches(everything(), 'liverpool', { until: '2020-11-24' })
      .sort((x, y) => x.kickoff.localeCompare(y.kickoff))
      .at(-1)!;
    expect([
      before.competition,
      before.opponent,
      before.outcome,
      new Date(before.kickoff).getUTCDay(),
    ]).toEqual(['English Premier League', expect.stringMatching(/Leicester/), 'W', 0]);
  });

  it('“Atalanta have secured qualification”: after matchday 4 they had not (the data contradicts the seed)', () => {
    const d = groupOutlook('D');
    const atalanta = place(d, 'atalanta', 2);
    expect(atalanta.status).toBe('open');
    expect(d.teams.find((t) => t.teamId === 'atalanta')!.worst).toBe(3);
    expect(atalanta.enough).toEqual([expect.stringMatching(/^a win at .*Ajax/)]);
  });

  it('Liverpool remain top of the group and need a win from the last two, at home to Ajax and away at Midtjylland', () => {
    const d = groupOutlook('D');
    expect(d.teams[0]!.teamId).toBe('liverpool');
    const lfc = place(d, 'liverpool', 2);
    expect(lfc.status).toBe('open');
    expect(lfc.needs).toMatch(/^a win in either remaining match/);
    expect(lfc.enough).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^a win v .*Ajax/),
        expect.stringMatching(/^a win at .*Midtjylland/),
      ]),
    );
  });

  it('earlier in the month Liverpool had beaten Atalanta 5-0 in Italy', () => {
    const m = result(ucl2021(), ATA_LIV);
    expect(m.kickoff.slice(0, 7)).toBe('2020-11');
    expect([m.home.id, score(m)]).toEqual(['atalanta', '0-5']);
  });

  it('Atalanta’s debut season (2019-20) ended in the quarter-finals, beaten by Paris Saint-Germain', () => {
    const atalanta = teamMatches(ucl(), 'atalanta');
    expect(atalanta[0]!.season).toBe('2019-20');
    const qf = atalanta.filter((m) => m.season === '2019-20' && /^Quarter/i.test(m.round));
    expect(qf.map((m) => [m.opponent, m.outcome, `${m.goalsFor}-${m.goalsAgainst}`])).toEqual([
      [expect.stringMatching(/Paris/), 'L', '1-2'],
    ]);
  });

  it('Atalanta next host Midtjylland, then visit Ajax', () => {
    const next = teamMatches(ucl2021(), 'atalanta', { from: '2020-11-26' }).slice(0, 2);
    expect(next.map((m) => [m.venue, m.opponent])).toEqual([
      ['home', expect.stringMatching(/Midtjylland/)],
      ['away', expect.stringMatching(/Ajax/)],
    ]);
  });

  it('Liverpool’s first home defeat by more than one goal under Klopp (in every match events/ holds)', () => {
    const klopp = spell('Jürgen Klopp');
    const home = teamRecord(everything(), 'liverpool', { venue: 'home', from: klopp.from, until: AFTER_MD4 });
    expect(home.heavyHomeDefeats).toEqual([LIV_ATA]);
  });

  it('their heaviest such defeat since West Ham (0-3) in the Premier League in August 2015, under Brendan Rodgers', () => {
    const heavy = (m: MatchResult, side: Side) =>
      side === 'home' && m.score[other(side)] - m.score[side] >= 2;
    const last = sinceLast(everything(), 'liverpool', heavy, LIV_ATA).last!;
    expect([last.kickoff.slice(0, 7), last.away.id, score(last), last.fixture.competition]).toEqual([
      '2015-08',
      'west-ham-united',
      '0-3',
      'English Premier League',
    ]);
    const rodgers = spell('Brendan Rodgers');
    const day = last.kickoff.slice(0, 10);
    expect(rodgers.from <= day && day <= rodgers.to!).toBe(true);
  });

  it('Atalanta had won their last four Champions League away games, scoring 13, three of them without conceding', () => {
    const away = teamRecord(ucl(), 'atalanta', { venue: 'away', until: AFTER_MD4 });
    expect(away.current.wins).toMatchObject({ length: 4, goalsFor: 13 });
    expect(away.matches.slice(-4).filter((m) => m.goalsAgainst === 0)).toHaveLength(3);
  });

  it('Liverpool next visit Brighton in the Premier League on Saturday at 12:30 GMT, then host Ajax on Tuesday at 20:00 GMT', () => {
    const next = teamMatches(everything(), 'liverpool', { from: '2020-11-26' }).sort((a, b) =>
      a.kickoff.localeCompare(b.kickoff),
    );
    const [brighton, ajax] = next;
    expect([brighton!.opponent, brighton!.venue, brighton!.competition]).toEqual([
      expect.stringMatching(/Brighton/),
      'away',
      'English Premier League',
    ]);
    const b = new Date(brighton!.kickoff);
    expect([b.getUTCDay(), b.toISOString().slice(0, 16)]).toEqual([6, '2020-11-28T12:30']);
    const a = new Date(ajax!.kickoff);
    expect([ajax!.opponent, ajax!.venue, a.getUTCDay(), a.toISOString().slice(11, 16)]).toEqual([
      expect.stringMatching(/Ajax/),
      'home',
      2,
      '20:00',
    ]);
  });
});

describe('seed 004 (May 2022): Real Madrid 3-1 Manchester City in the semi-final', () => {
  it('Real Madrid won the second leg 3-1 after extra time, 2-1 after 90 minutes', () => {
    const s = match(RMA_MCI_22);
    expect(s.afterNormalTime).toEqual({ home: 2, away: 1 });
    expect(s.score).toEqual({ home: 3, away: 1 });
    expect(s.result).toMatchObject({ winner: 'home', decidedBy: 'extraTime' });
  });

  it('Rodrygo turned 0-1 into 2-1 at the very end (90’, 90+1’), forcing extra time; Benzema’s penalty won it', () => {
    const s = matchSummary(match(RMA_MCI_22));
    expect(s.goals.map((g) => [g.scorer, g.minute, `${g.score.home}-${g.score.away}`])).toEqual([
      ['Riyad Mahrez', "73'", '0-1'],
      ['Rodrygo', "90'", '1-1'],
      ['Rodrygo', "90+1'", '2-1'],
      ['Karim Benzema', "95'", '3-1'],
    ]);
    expect(s.goals[3]!.penalty).toBe(true);
  });

  it('Real Madrid won the semi-final and went to the final against Liverpool on 28 May', () => {
    const ms = library('ucl', ['2021-22']);
    const tie = decideTie(result(ms, MCI_RMA_22), result(ms, RMA_MCI_22));
    expect(tie.winner?.id).toBe('real-madrid');
    const final = result(ms, FINAL_22);
    expect([final.kickoff.slice(0, 10), final.home.id, final.away.id]).toEqual([
      '2022-05-28',
      'liverpool',
      'real-madrid',
    ]);
  });

  it('Kroos and Modrić were taken off, for Rodrygo and Camavinga', () => {
    const s = match(RMA_MCI_22);
    const subs = matchSummary(s).substitutions.filter((x) => x.team === 'Real Madrid');
    expect(subs.map((x) => [x.playerOff, x.playerOn])).toEqual(
      expect.arrayContaining([
        ['Toni Kroos', 'Rodrygo'],
        ['Luka Modrić', 'Eduardo Camavinga'],
      ]),
    );
    expect(['toni-kroos', 'luka-modric'].map((id) => s.players.get(id)!.status)).toEqual([
      'substitutedOff',
      'substitutedOff',
    ]);
  });
});

/** `matchline records` as built (dist/, by the global setup), on the committed events/. */
function records(...args: string[]): unknown {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'records', ...args, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

describe('the seeds’ records out of `matchline records` on events/', () => {
  it('seed 001: Marseille 0-2 Porto was Marseille’s 13th consecutive Champions League defeat', () => {
    const r = records('events/ucl', '--team', 'Marseille', '--until', AFTER_MD4);
    expect(r).toMatchObject({ current: { defeats: { length: 13 } } });
  });

  it('seed 003: Atalanta had won their last four Champions League away games, scoring 13', () => {
    const r = records('events/ucl', '--team', 'Atalanta', '--venue', 'away', '--until', AFTER_MD4);
    expect(r).toMatchObject({ current: { wins: { length: 4, goalsFor: 13, goalsAgainst: 3 } } });
  });

  it('seed 000: the eight quarter-finalists of 2022-23, Real Madrid among the last through (15 March)', () => {
    const r = records('events/ucl', '--season', '2022-23', '--through', 'quarter') as {
      team: { id: string };
      settled: string;
    }[];
    expect(r.map((e) => e.team.id).sort()).toEqual([
      'ac-milan',
      'bayern-munchen',
      'benfica',
      'chelsea',
      'inter',
      'manchester-city',
      'napoli',
      'real-madrid',
    ]);
    expect(r.find((e) => e.team.id === 'real-madrid')!.settled).toBe('2023-03-15');
  });

  it('seed 002: Liverpool v Real Madrid up to 21 February 2023, 10 meetings, 6 Madrid wins', () => {
    const r = records('events/ucl', '--h2h', 'Liverpool', 'Real Madrid', '--until', '2023-02-21');
    expect(r).toMatchObject({ played: 10, wins: [3, 6], draws: 1 });
  });

  it('seed 003: the heaviest home defeat since West Ham 0-3 in August 2015, over every competition in events/', () => {
    const r = records('events', '--team', 'Liverpool', '--since-last', 'home-defeat-by-2', '--at', AFTER_MD4);
    expect(r).toMatchObject({
      reference: { id: `events/${LIV_ATA}`, is: true },
      last: { match: expect.stringMatching(/^2015-08-29 Liverpool FC 0-3 West Ham United/) as unknown },
    });
  });
});

describe('the older meetings seed 002 counts (hand-entered from public match reports)', () => {
  it('the 1981 European Cup final in Paris: Liverpool 1-0 Real Madrid, Alan Kennedy 82’', () => {
    const s = matchSummary(match('ucl/1980-81/final-liverpool-real-madrid.ndjson'));
    expect([s.competition, s.round, s.venue, s.referee]).toEqual([
      "European Champion Clubs' Cup",
      'Final',
      'Parc des Princes, Paris',
      'Károly Palotai',
    ]);
    expect(s.halfTime).toEqual({ home: 0, away: 0 });
    expect(s.goals.map((g) => [g.scorer, g.minute])).toEqual([['Alan Kennedy', "82'"]]);
    expect(s.winner).toBe('Liverpool');
  });

  it('the 2009 round of 16: Real Madrid 0-1 Liverpool (Benayoun 82’), Liverpool 4-0 Real Madrid; Liverpool through 5-0', () => {
    const ms = library('ucl', ['2008-09']);
    const leg1 = 'ucl/2008-09/r16-leg1-real-madrid-liverpool.ndjson';
    const leg2 = 'ucl/2008-09/r16-leg2-liverpool-real-madrid.ndjson';
    expect(matchSummary(match(leg1)).goals.map((g) => [g.scorer, g.minute, g.assist])).toEqual([
      ['Yossi Benayoun', "82'", 'Fábio Aurélio'],
    ]);
    const second = matchSummary(match(leg2));
    expect(second.goals.map((g) => [g.scorer, g.minute, g.penalty])).toEqual([
      ['Fernando Torres', "16'", false],
      ['Steven Gerrard', "28'", true],
      ['Steven Gerrard', "47'", false],
      ['Andrea Dossena', "88'", false],
    ]);
    expect(decideTie(result(ms, leg1), result(ms, leg2))).toMatchObject({
      winner: { id: 'liverpool' },
      aggregate: [0, 5],
    });
  });
});
