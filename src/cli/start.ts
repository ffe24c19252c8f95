/**
 * `npm start`: the command line run from the sources. With no arguments it plays the demo (Liverpool
 * 2-5 Real Madrid in about 20 seconds); `npm start -- serve --store events/ucl/2020-21` opens the
 * match centre, and any other command works the same way.
 */
if (process.argv.length <= 2)
  process.argv.push('replay', 'events/ucl/2022-23/r16-leg1-liverpool-real-madrid.ndjson', '--speed', '4.6');
await import('./main.js');
