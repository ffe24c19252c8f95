/** The match centre's HTML shell and styles; src/serve/page/client/ fills it in. */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>matchline match centre</title>
<style>
:root { --home: #b3202a; --away: #1d4f91; --ink: #1b1b1b; --muted: #666; --line: #ddd; --bg: #fafaf7; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.4 system-ui, sans-serif; color: var(--ink); background: var(--bg); }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .6rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { font-size: 1rem; margin: 0 1rem 0 0; }
main { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1rem; padding: 1rem; max-width: 1300px; margin: auto; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; }
h2 { font-size: .95rem; margin: 0 0 .5rem; }
#scoreboard { grid-column: 1 / -1; display: grid; grid-template-columns: 1fr auto 1fr; align-items: center; text-align: center; }
#scoreboard .team { font-size: 1.3rem; font-weight: 600; }
#scoreboard .home { color: var(--home); text-align: right; }
#scoreboard .away { color: var(--away); text-align: left; }
#score { font-size: 2.4rem; font-weight: 700; padding: 0 1.2rem; font-variant-numeric: tabular-nums; }
#clock { grid-column: 1 / -1; color: var(--muted); }
#score.changed { animation: flash 1.2s ease-out; }
@keyframes flash { from { background: #ffe680; } to { background: transparent; } }
#chart svg { width: 100%; height: auto; }
.scrub { display: flex; gap: .6rem; align-items: center; margin-top: .4rem; }
.scrub input { flex: 1; }
ol#timeline { list-style: none; padding: 0; margin: 0; max-height: 40rem; overflow: auto; }
ol#timeline li { padding: .15rem 0; border-bottom: 1px dotted var(--line); }
ol#timeline .minute { display: inline-block; width: 3.6rem; color: var(--muted); font-variant-numeric: tabular-nums; }
ol#timeline li.retracted del, ol#timeline li.rejected del { color: var(--muted); }
ol#timeline .status { font-size: .8rem; color: #8a1c1c; margin-left: .4rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: .15rem .3rem; border-bottom: 1px solid var(--line); }
td.n, th.n { text-align: right; }
tr.off td { color: var(--muted); }
.on::before { content: "●"; color: #2e8b57; margin-right: .3rem; }
.lineups { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; }
.card { display: inline-block; width: .6em; height: .85em; border-radius: 2px; vertical-align: -.1em; margin-left: .2em; }
.card.yellow { background: #f2c200; } .card.red { background: #d0021b; }
.note { color: var(--muted); font-size: .85rem; }
button, select, input { font: inherit; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } .lineups { grid-template-columns: 1fr; } }
@media (prefers-reduced-motion: reduce) { *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; } }
</style>
</head>
<body>
<header>
  <h1>matchline match centre</h1>
  <label>Match <select id="stream"></select></label>
  <label>Mode <select id="speed">
    <option value="">Live</option>
    <option value="1">Replay, 1 min/s</option>
    <option value="5">Replay, 5 min/s</option>
    <option value="30">Replay, 30 min/s</option>
  </select></label>
  <span id="connection" class="note" role="status"></span>
</header>
<main>
  <section id="scoreboard" aria-label="Scoreboard">
    <span class="team home" id="home"></span><span id="score" aria-live="polite" aria-atomic="true">–</span><span class="team away" id="away"></span>
    <span id="clock"></span>
  </section>
  <section aria-labelledby="t-chart">
    <h2 id="t-chart">Timeline</h2>
    <figure id="chart" style="margin:0"></figure>
    <div class="scrub">
      <label for="scrubber">Minute</label>
      <input type="range" id="scrubber" min="0" max="0" value="0" step="1" aria-describedby="scrub-at">
      <output id="scrub-at" for="scrubber"></output>
      <button id="follow" type="button">Follow live</button>
    </div>
    <ol id="timeline" aria-label="Events" tabindex="0"></ol>
  </section>
  <section aria-labelledby="t-table">
    <h2 id="t-table">Group table</h2>
    <div id="table"><p class="note">No group table for this match.</p></div>
  </section>
  <section aria-labelledby="t-lineups" style="grid-column: 1 / -1">
    <h2 id="t-lineups">Line-ups and minutes played</h2>
    <div class="lineups" id="lineups"></div>
  </section>
</main>
<script type="module" src="/app.js"></script>
</body>
</html>
`;
