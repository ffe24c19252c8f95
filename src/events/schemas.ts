/** Every JSON Schema of the catalogue, bundled by import so the pure core needs no file system. */
import defs from '../../schemas/defs.schema.json' with { type: 'json' };
import fixture from '../../schemas/fixture.schema.json' with { type: 'json' };
import lineups from '../../schemas/lineups.schema.json' with { type: 'json' };
import periodStarted from '../../schemas/periodStarted.schema.json' with { type: 'json' };
import periodEnded from '../../schemas/periodEnded.schema.json' with { type: 'json' };
import goal from '../../schemas/goal.schema.json' with { type: 'json' };
import penaltyMissed from '../../schemas/penaltyMissed.schema.json' with { type: 'json' };
import substitution from '../../schemas/substitution.schema.json' with { type: 'json' };
import booking from '../../schemas/booking.schema.json' with { type: 'json' };
import addedTime from '../../schemas/addedTime.schema.json' with { type: 'json' };
import shootoutKick from '../../schemas/shootoutKick.schema.json' with { type: 'json' };
import varReviewStarted from '../../schemas/varReviewStarted.schema.json' with { type: 'json' };
import varReviewCompleted from '../../schemas/varReviewCompleted.schema.json' with { type: 'json' };
import eventAmended from '../../schemas/eventAmended.schema.json' with { type: 'json' };
import eventRetracted from '../../schemas/eventRetracted.schema.json' with { type: 'json' };
import cardRescinded from '../../schemas/cardRescinded.schema.json' with { type: 'json' };
import matchEnded from '../../schemas/matchEnded.schema.json' with { type: 'json' };
import matchAbandoned from '../../schemas/matchAbandoned.schema.json' with { type: 'json' };
import resultAwarded from '../../schemas/resultAwarded.schema.json' with { type: 'json' };
import resultRecorded from '../../schemas/resultRecorded.schema.json' with { type: 'json' };
import action from '../../schemas/action.schema.json' with { type: 'json' };
import competitionDecision from '../../schemas/competition/competitionDecision.schema.json' with { type: 'json' };

export const definitionsSchema: object = defs;
export const eventSchemas: Readonly<Record<string, object>> = {
  fixture,
  lineups,
  periodStarted,
  periodEnded,
  goal,
  penaltyMissed,
  substitution,
  booking,
  addedTime,
  shootoutKick,
  varReviewStarted,
  varReviewCompleted,
  eventAmended,
  eventRetracted,
  cardRescinded,
  matchEnded,
  matchAbandoned,
  resultAwarded,
  resultRecorded,
  action,
  competitionDecision,
};
