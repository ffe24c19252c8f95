/** Checks shared by several event types: is the match in play, is the instant in order. */
import { formatElapsed, type Instant } from '../../time/index.js';
import type { MatchEvent, Side } from '../../events/index.js';
import { fail, warn, type FoldContext } from '../context.js';
import type { MatchState, PlayerState } from '../state.js';

/** An event that happens during play, or at an interval when `atInterval` is set. */
export function checkInPlay(
  draft: MatchState,
  ctx: FoldContext,
  event: MatchEvent & { at: Instant },
  atInterval = false,
): void {
  if (draft.status === 'scheduled')
    fail(ctx, event, 'EVENT_BEFORE_KICKOFF', `${event.type} before the first kick-off`);
  if (draft.status === 'finished' || draft.status === 'abandoned') {
    fail(
      ctx,
      event,
      'EVENT_AFTER_FULL_TIME',
      `${event.type} after the match ${draft.status === 'finished' ? 'ended' : 'was abandoned'}`,
    );
  }
  if (draft.mustAbandon !== null) {
    fail(
      ctx,
      event,
      'TOO_FEW_PLAYERS',
      `${draft.teams[draft.mustAbandon].name} have fewer than seven players: only the abandonment can follow`,
    );
  }
  const { period } = event.at;
  if (atInterval) {
    // Interval events carry the next period's number; a flagged change may also arrive just after its kick-off.
    const okAtInterval = draft.status === 'interval' && period === draft.period + 1;
    const okJustAfter = draft.status === 'live' && period === draft.period;
    if (!okAtInterval && !okJustAfter) {
      fail(
        ctx,
        event,
        'EVENT_OUTSIDE_PERIOD',
        `an interval ${event.type} must carry the next period (${draft.period + 1})`,
        '/at/period',
      );
    }
    return;
  }
  if (draft.status !== 'live') {
    fail(
      ctx,
      event,
      'EVENT_OUTSIDE_PERIOD',
      `${event.type} at ${formatElapsed(event.at)} while no period is being played (mark interval changes with atInterval)`,
    );
  }
  if (period !== draft.period) {
    fail(
      ctx,
      event,
      'EVENT_OUTSIDE_PERIOD',
      `${event.type} stamped in period ${period} while period ${draft.period} is being played`,
      '/at/period',
    );
  }
  checkTimeOrder(draft, ctx, event);
}

export function checkTimeOrder(
  draft: MatchState,
  ctx: FoldContext,
  event: MatchEvent & { at: Instant },
): void {
  const last = draft.lastAt;
  if (last && last.period === event.at.period && event.at.ms < last.ms) {
    warn(
      draft,
      ctx,
      event,
      'TIME_WENT_BACKWARDS',
      `${formatElapsed(event.at)} is earlier than the previous event at ${formatElapsed(last)}`,
      '/at/ms',
    );
  }
}

/** The event's own instant is kept (events are immutable once folded): no allocation per event. */
export function advanceClock(draft: MatchState, at: Instant): void {
  const last = draft.lastAt;
  if (!last || at.period > last.period || (at.period === last.period && at.ms > last.ms)) draft.lastAt = at;
}

/** A player of the given side's team sheet, or a PLAYER_NOT_IN_LINEUP failure. */
export function sheetPlayer(
  draft: MatchState,
  ctx: FoldContext,
  event: MatchEvent,
  id: string,
  side: Side,
  pointer: string,
): PlayerState {
  if (!draft.hasLineups)
    fail(ctx, event, 'MISSING_LINEUPS', `player ${id} named before the line-ups`, pointer);
  const player = draft.players.get(id);
  if (!player || player.team !== side || player.official) {
    fail(
      ctx,
      event,
      'PLAYER_NOT_IN_LINEUP',
      `${id} is not on the ${draft.teams[side].name} team sheet`,
      pointer,
    );
  }
  return player;
}

/** A player who must be on the pitch now. */
export function pitchPlayer(
  draft: MatchState,
  ctx: FoldContext,
  event: MatchEvent,
  id: string,
  side: Side,
  pointer: string,
): PlayerState {
  const player = sheetPlayer(draft, ctx, event, id, side, pointer);
  if (player.status === 'sentOff')
    fail(ctx, event, 'PLAYER_SENT_OFF', `${player.name} has been sent off`, pointer);
  if (player.status === 'substitutedOff') {
    fail(ctx, event, 'PLAYER_NOT_ON_PITCH', `${player.name} has already been substituted`, pointer);
  }
  if (player.status !== 'pitch')
    fail(ctx, event, 'PLAYER_NOT_ON_PITCH', `${player.name} is not on the pitch`, pointer);
  return player;
}

/** Marks the latest in-play moment of both teams (separates substitution opportunities). */
export function markInPlay(draft: MatchState, index: number): void {
  draft.teams.home.lastInPlayIndex = index;
  draft.teams.away.lastInPlayIndex = index;
}

/**
 * Ends a player's current spell at an instant. Spells are replaced, never changed in place: starters
 * share one frozen opening spell until they leave (a tenth of a folded state's memory here).
 */
export function endSpell(
  player: PlayerState,
  at: Instant,
  atInterval: boolean,
  reason: 'substitution' | 'sentOff' | 'abandoned',
): void {
  const last = player.spells.length - 1;
  const spell = player.spells[last];
  if (spell && spell.to === null) {
    const spells = player.spells.slice();
    spells[last] = { ...spell, to: at, toInterval: atInterval, ended: reason };
    player.spells = spells;
  }
}
