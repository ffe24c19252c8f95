/**
 * Competition decisions (a competition stream of `competitionDecision` events): points deductions,
 * cancelled matches and awarded results, each applied from its date.
 */
import { MatchlineError, type CompetitionDecisionEvent, type Problem } from '../events/index.js';
import { teamKey } from '../identity/index.js';
import type { MatchResult } from './result.js';

/** What each kind needs beyond the schema; null when the decision is complete. */
export function checkDecision(d: CompetitionDecisionEvent, index?: number): Problem | null {
  const need: Record<CompetitionDecisionEvent['decision'], (keyof CompetitionDecisionEvent)[]> = {
    pointsDeduction: ['team', 'points'],
    matchCancelled: ['match'],
    resultAwarded: ['match', 'home', 'away'],
  };
  const missing = need[d.decision].find((k) => d[k] === undefined);
  if (!missing) return null;
  return {
    code: 'DECISION_INVALID',
    message: `a ${d.decision} decision needs "${missing}"`,
    eventId: d.id,
    pointer: `/${missing}`,
    ...(index !== undefined ? { index } : {}),
  };
}

/** Throws DECISION_INVALID for the first incomplete decision. */
export function checkDecisions(decisions: readonly CompetitionDecisionEvent[]): void {
  decisions.forEach((d, i) => {
    const p = checkDecision(d, i);
    if (p) throw new MatchlineError(p);
  });
}

const inEffect = (d: CompetitionDecisionEvent, until?: string) => !until || d.date <= until.slice(0, 10);

/** True when the decision is about this match (by stream id or fixture id). */
export const decidesMatch = (m: MatchResult, d: CompetitionDecisionEvent): boolean =>
  d.match === m.id || d.match === m.fixture.id;
const names = decidesMatch;

/**
 * The team (of `teams`, id -> name) a deduction names: by id, else by the key of its name or id,
 * since a competition stream may use canonical ids where the match streams use a source's slugs.
 */
export function deductedTeam(d: CompetitionDecisionEvent, teams: ReadonlyMap<string, string>): string | null {
  const team = d.team!;
  if (teams.has(team.id)) return team.id;
  const keys = new Set([teamKey(team.name), teamKey(team.id)]);
  for (const [id, name] of teams) if (keys.has(teamKey(name)) || keys.has(teamKey(id))) return id;
  return null;
}

/** Refuses decisions that name a match or a team not among `matches` (DECISION_INVALID). */
export function checkDecisionsAgainst(
  matches: readonly MatchResult[],
  decisions: readonly CompetitionDecisionEvent[],
): void {
  checkDecisions(decisions);
  const teams = new Map<string, string>();
  for (const m of matches) for (const t of [m.home, m.away]) teams.set(t.id, t.name);
  for (const d of decisions) {
    const known =
      d.decision === 'pointsDeduction' ? deductedTeam(d, teams) !== null : matches.some((m) => names(m, d));
    if (!known)
      throw new MatchlineError({
        code: 'DECISION_INVALID',
        message:
          d.decision === 'pointsDeduction'
            ? `the pointsDeduction decision names team "${d.team!.name}" (${d.team!.id}), which plays none of the matches given`
            : `the ${d.decision} decision names match "${d.match ?? ''}", which is not among the matches given`,
        eventId: d.id,
        pointer: d.decision === 'pointsDeduction' ? '/team' : '/match',
      });
  }
}

/** Cancelled matches leave the competition; awarded results replace the score (and are marked). */
export function applyDecisions(
  matches: readonly MatchResult[],
  decisions: readonly CompetitionDecisionEvent[],
  until?: string,
): { matches: MatchResult[]; notes: string[] } {
  checkDecisions(decisions);
  const notes: string[] = [];
  const relevant = decisions.filter((d) => d.decision !== 'pointsDeduction' && inEffect(d, until));
  for (const d of relevant) {
    if (!matches.some((m) => names(m, d))) {
      throw new MatchlineError({
        code: 'DECISION_INVALID',
        message: `the ${d.decision} decision names match "${d.match ?? ''}", which is not among the matches given`,
        eventId: d.id,
        pointer: '/match',
      });
    }
  }
  const out: MatchResult[] = [];
  for (const m of matches) {
    const d = relevant.find((x) => names(m, x));
    if (!d) out.push(m);
    else if (d.decision === 'matchCancelled')
      notes.push(`${m.home.name} v ${m.away.name}: cancelled (${d.reason})`);
    else {
      const score = { home: d.home!, away: d.away! };
      out.push({
        ...m,
        score,
        normalTime: score,
        awarded: true,
        completed: true,
        standing: 'awarded',
        extraTimePlayed: false,
        shootout: null,
      });
    }
  }
  return { matches: out, notes };
}

/** Points deducted per team id up to a date, with the reasons. */
export function deductionsBy(
  decisions: readonly CompetitionDecisionEvent[],
  until?: string,
  teams?: ReadonlyMap<string, string>,
): Map<string, { points: number; reasons: string[] }> {
  checkDecisions(decisions);
  const out = new Map<string, { points: number; reasons: string[] }>();
  for (const d of decisions) {
    if (d.decision !== 'pointsDeduction' || !inEffect(d, until)) continue;
    // With the teams of a table, a deduction lands on the team it names by id or name (or on none here).
    const id = teams ? deductedTeam(d, teams) : d.team!.id;
    if (id === null) continue;
    const e = out.get(id) ?? { points: 0, reasons: [] };
    e.points += d.points!;
    e.reasons.push(`${d.date}: ${d.reason}`);
    out.set(id, e);
  }
  return out;
}
