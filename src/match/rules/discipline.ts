/** Cards and sendings-off (Law 12; rulebook R-DIS-1..4, R-SEVEN-1). */
import { displayMinute } from '../../time/index.js';
import type { EventOf } from '../../events/index.js';
import { fail, warn, type FoldContext } from '../context.js';
import type { MatchState, PlayerState } from '../state.js';
import { advanceClock, checkInPlay, endSpell, sheetPlayer } from './guards.js';
import { newPlayer } from './setup.js';

function officialOf(draft: MatchState, event: EventOf<'booking'>, id: string): PlayerState {
  const known = draft.players.get(id);
  if (known) return known;
  // Officials need not be listed in the line-ups; they are created on their first card.
  const official = newPlayer({ id, name: id }, event.team, false, true);
  draft.players.set(id, official);
  return official;
}

export function applyBooking(draft: MatchState, event: EventOf<'booking'>, ctx: FoldContext): void {
  checkInPlay(draft, ctx, event, event.atInterval ?? false);
  if ((event.player === undefined) === (event.official === undefined)) {
    fail(ctx, event, 'BOOKING_TARGET', 'a booking names exactly one of a player and a team official');
  }
  if (event.official !== undefined) {
    const existing = draft.players.get(event.official);
    if (existing && (!existing.official || existing.team !== event.team)) {
      fail(
        ctx,
        event,
        'PLAYER_NOT_IN_LINEUP',
        `${event.official} is not an official of ${draft.teams[event.team].name}`,
        '/official',
      );
    }
  }
  const person =
    event.player !== undefined
      ? sheetPlayer(draft, ctx, event, event.player, event.team, '/player')
      : officialOf(draft, event, event.official!);
  if (person.status === 'sentOff') {
    warn(draft, ctx, event, 'PLAYER_SENT_OFF', `${person.name} was already sent off`, '/player');
  }

  const derivedSecondYellow = event.card === 'yellow' && !person.official && person.yellowsInPlay >= 1;
  const sendsOff = event.card !== 'yellow' || derivedSecondYellow;
  if (event.card === 'yellow') person.yellowsInPlay += 1;
  person.cards = [
    ...person.cards,
    {
      eventId: event.id,
      card: derivedSecondYellow ? 'secondYellow' : event.card,
      at: event.at,
      minute: displayMinute(event.at, event.atInterval ?? false),
      derivedSecondYellow,
      rescinded: false,
    },
  ];
  if (sendsOff && !person.official && person.status !== 'sentOff') {
    const wasOnPitch = person.status === 'pitch';
    person.status = 'sentOff';
    if (wasOnPitch) {
      endSpell(person, event.at, event.atInterval ?? false, 'sentOff');
      const team = draft.teams[event.team];
      team.onPitch -= 1;
      if (team.onPitch < 7 && event.at.period !== 5) draft.mustAbandon = event.team;
    }
  }
  if (!(event.atInterval ?? false)) advanceClock(draft, event.at);
}

export function applyCardRescinded(
  draft: MatchState,
  event: EventOf<'cardRescinded'>,
  ctx: FoldContext,
): void {
  const index = draft.eventIndex.get(event.target);
  const target = index === undefined ? undefined : draft.log[index];
  if (!target) fail(ctx, event, 'UNKNOWN_TARGET', `no event with id ${event.target} to rescind`, '/target');
  if (target.type !== 'booking') {
    fail(
      ctx,
      event,
      'CORRECTION_NOT_ALLOWED',
      `only cards can be rescinded, not a ${target.type}`,
      '/target',
    );
  }
  if (draft.corrections.rescinded.has(event.target)) {
    fail(ctx, event, 'CORRECTION_NOT_ALLOWED', `card ${event.target} is already rescinded`, '/target');
  }
  draft.corrections.rescinded.add(event.target);
  // Discipline only: who left the pitch, and the minutes, stay as they were (R-COR-4, R-DIS-4).
  // Card records are replaced, never changed in place: a resumed fold shares them (thaw).
  for (const person of draft.players.values()) {
    if (person.cards.some((card) => card.eventId === event.target)) {
      person.cards = person.cards.map((card) =>
        card.eventId === event.target ? { ...card, rescinded: true } : card,
      );
    }
  }
}
