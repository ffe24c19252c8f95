/**
 * Competition decisions (a competition stream of `competitionDecision` events): points deductions,
 * cancelled matches and awarded results, each applied from its date.
 */
import { MatchlineError, type CompetitionDecisionEvent, type Problem } from '../events/index.js';
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

const names = (m: MatchResult, d: CompetitionDecisionEvent) => d.match === m.id || d.match === m.fixture.id;

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
): Map<string, { points: number; reasons: string[] }> {
  checkDecisions(decisions);
  const out = new Map<string, { points: number; reasons: string[] }>();
  for (const d of decisions) {
    if (d.decision !== 'pointsDeduction' || !inEffect(d, until)) continue;
    const e = out.get(d.team!.id) ?? { points: 0, reasons: [] };
    e.points += d.points!;
    e.reasons.push(`${d.date}: ${d.reason}`);
    out.set(d.team!.id, e);
  }
  return out;
}
