import { readFileSync } from 'node:fs';
import { filter } from 'rxjs';
import { parseStream, replay } from 'matchline';

const file = 'events/ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson';
const events = parseStream(readFileSync(file, 'utf8'), file);

replay(events) // add { speed: 1 } for one match minute per second
  .pipe(filter((frame) => frame.events.some((e) => e.type === 'goal')))
  .subscribe((frame) => console.log(frame.minute, `${frame.state.score.home}-${frame.state.score.away}`));
