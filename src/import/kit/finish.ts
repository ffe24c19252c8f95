/**
 * The end of every import: fold the stream (lenient), compare it with the provider's own score
 * checkpoints, and record the match sheet's result when the events agree with it. When they do not,
 * the contradiction is a FEED_CONTRADICTION warning naming both scores, and the stream says so in
 * its fixture notes; the sheet's score is returned as the decided result.
 */
import type { MatchEvent } from '../../events/index.js';
import type { Problem } from '../../events/errors.js';
import { fold } from '../../match/fold.js';
import type { MatchState } from '../../match/state.js';

export interface Score {
  readonly home: number;
  readonly away: number;
}
/** A provider's own score checkpoint (its match sheet, a result attribute, a running score). */
export interface Checkpoint {
  /** Where the figure comes from, e.g. "F7 TeamData Score", "FinalWhistle FinalResult". */
  readonly source: string;
  /** The final score (after extra time when played, never the kicks), when that is all the sheet says. */
  readonly final?: Score;
  readonly fullTime?: Score;
  readonly halfTime?: Score;
  readonly afterExtraTime?: Score;
  readonly shootout?: Score;
}

export interface ImportedStream {
  /** A store-safe stream id. */
  readonly id: string;
  readonly events: MatchEvent[];
  readonly state: MatchState;
  /** The score as decided by the provider's match sheet (the fold's own when there is no sheet). */
  readonly result: { readonly score: Score; readonly decidedBy: string; readonly agrees: boolean };
  /** Provider ids the feed marks as deleted (Opta type 43, DataFactory deletedIncidences): give them to changesSince. */
  readonly deleted?: readonly { readonly provider: string; readonly id: string }[];
}

/** The one-call shape every importer returns. */
export interface LoadResult {
  readonly streams: ImportedStream[];
  readonly states: MatchState[];
  readonly warnings: Problem[];
}

const show = (s: Score | null | undefined) => (s ? `${s.home}-${s.away}` : 'none');
const same = (a: Score | null | undefined, b: Score | undefined) =>
  b === undefined || (!!a && a.home === b.home && a.away === b.away);

export function finishStream(
  id: string,
  built: MatchEvent[],
  warnings: Problem[],
  sheet?: Checkpoint,
  file?: string,
): ImportedStream {
  let events = built;
  let state = fold(events, undefined, { mode: 'lenient' });
  // An event the engine rejects has no effect; it is left out of what is written, and said so, so
  // the stream folds in strict mode too (the feed, not the engine, contradicted itself).
  if (state.rejected.size > 0) {
    for (const [index, problem] of state.rejected)
      warnings.push({
        code: 'FEED_CONTRADICTION',
        message:
          `left out ${events[index]?.type ?? 'an event'} ${problem.eventId ?? ''}: ${problem.code}: ${problem.message}`.replace(
            / {2}/g,
            ' ',
          ),
        ...(problem.eventId ? { eventId: problem.eventId } : {}),
        ...(file ? { file } : {}),
      });
    events = events.filter((_, i) => !state.rejected.has(i));
    // Full time is where the last period kept ended.
    const end = events.findLastIndex((e) => e.type === 'matchEnded');
    const lastPeriod = events.findLast((e) => e.type === 'periodEnded');
    if (end >= 0 && lastPeriod) events[end] = { ...events[end]!, at: lastPeriod.at };
    state = fold(events, undefined, { mode: 'lenient' });
  }
  let agrees = true;
  if (sheet && (sheet.fullTime || sheet.final)) {
    agrees =
      same(state.score, sheet.final) &&
      same(state.afterNormalTime ?? state.score, sheet.fullTime) &&
      same(state.halfTime, sheet.halfTime) &&
      same(state.afterExtraTime, sheet.afterExtraTime);
    if (!agrees) {
      const claimed = sheet.afterExtraTime ?? sheet.final ?? sheet.fullTime;
      const message = `${sheet.source} says ${show(claimed)}${sheet.halfTime ? ` (half time ${show(sheet.halfTime)})` : ''}, the events give ${show(state.score)}${state.halfTime ? ` (half time ${show(state.halfTime)})` : ''}: the match sheet decides the result`;
      warnings.push({ code: 'FEED_CONTRADICTION', message, ...(file ? { file } : {}) });
      const fixture = events[0];
      if (fixture?.type === 'fixture') {
        events = [
          { ...fixture, notes: `${fixture.notes ? `${fixture.notes} ` : ''}${message}.`.slice(0, 1000) },
          ...events.slice(1),
        ];
        state = fold(events, undefined, { mode: 'lenient' });
      }
    } else if (sheet.fullTime && state.status === 'finished') {
      const recorded = {
        id: `${id}-result`.slice(0, 128),
        type: 'resultRecorded',
        fullTime: sheet.fullTime,
        ...(sheet.halfTime ? { halfTime: sheet.halfTime } : {}),
        ...(sheet.afterExtraTime ? { afterExtraTime: sheet.afterExtraTime } : {}),
        ...(sheet.shootout && state.shootout === null ? { shootout: sheet.shootout } : {}),
      } as unknown as MatchEvent;
      const confirmed = fold([recorded], state, { mode: 'lenient' });
      if (confirmed.warnings.length === state.warnings.length) {
        events = [...events, recorded];
        state = confirmed;
      }
    }
  }
  warnings.push(...state.warnings.map((w) => (file && !w.file ? { ...w, file } : w)));
  const score = sheet?.afterExtraTime ?? sheet?.final ?? sheet?.fullTime ?? state.score;
  return {
    id,
    events,
    state,
    result: { score, decidedBy: sheet?.fullTime || sheet?.final ? sheet.source : 'the events', agrees },
  };
}

export function loadResult(streams: ImportedStream[], warnings: Problem[]): LoadResult {
  return { streams, states: streams.map((s) => s.state), warnings };
}
