/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The match centre in the browser: it folds the stream's events with the engine itself (so the
 * page shows exactly what the library computes), draws the timeline with src/render, and keeps
 * every minute frame it was sent so the scrubber can show the match at any minute.
 */
import { fold } from '../../../match/fold.js';
import { minutesPlayed } from '../../../match/minutes.js';
import type { MatchState, PlayerState } from '../../../match/state.js';
import type { MatchEvent, Side } from '../../../events/types.js';
import { buildTable, TIE_BREAK_RULES, type MatchResult } from '../../../competition/index.js';
import { timelineSeries, timelineSvg, escapeXml } from '../../../render/index.js';
import { displayMinute } from '../../../time/index.js';
import { liveResult } from '../../tables.js';

interface FrameMessage {
  readonly version: number;
  readonly kind: string;
  readonly minute: string;
  readonly status: MatchState['status'];
  readonly period: number;
  readonly addedTime: number | null;
}

interface TableMessage {
  readonly competition: string;
  readonly season: string;
  readonly group: string | null;
  readonly rules: { readonly id: string; readonly description: string };
  readonly results: readonly MatchResult[];
}

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

const view = {
  streamId: '',
  speed: '',
  events: [] as MatchEvent[],
  frames: [] as FrameMessage[],
  following: true,
  scrub: 0,
  gaps: 0,
  doubles: 0,
  lastScore: '',
  table: null as TableMessage | null,
  source: null as EventSource | null,
  tableSource: null as EventSource | null,
  scheduled: false,
};

const PERIOD: Record<number, string> = {
  0: 'Not started',
  1: '1st half',
  2: '2nd half',
  3: 'Extra time, 1st half',
  4: 'Extra time, 2nd half',
  5: 'Penalty shoot-out',
};

/** The frame's minute when it describes this state, else the minute of the state's last event. */
function shownMinute(state: MatchState, frame: FrameMessage | undefined): string {
  if (frame && frame.version === state.version) return frame.minute;
  return state.lastAt ? displayMinute(state.lastAt) : '';
}

function clockText(state: MatchState, frame: FrameMessage | undefined): string {
  if (state.status === 'finished')
    return `Full time${state.shootout ? `, ${state.shootout.score.home}-${state.shootout.score.away} on penalties` : ''}`;
  if (state.status === 'abandoned') return 'Abandoned';
  if (state.status === 'scheduled') return 'Not started';
  const minute = shownMinute(state, frame);
  const period = state.status === 'interval' ? 'Interval' : (PERIOD[state.period] ?? '');
  const added = state.addedTime.get(state.period);
  return [period, minute, added ? `+${added} added` : ''].filter((p) => p !== '').join(' · ');
}

function playerRow(p: PlayerState, minutes: ReadonlyMap<string, number>): string {
  const cards = p.cards
    .filter((c) => !c.rescinded)
    .map(
      (c) =>
        `<span class="card ${c.card === 'yellow' ? 'yellow' : 'red'}" role="img" aria-label="${c.card === 'yellow' ? 'yellow card' : 'sent off'}"></span>`,
    )
    .join('');
  const status =
    p.status === 'pitch'
      ? 'on the pitch'
      : p.status === 'bench'
        ? 'bench'
        : p.status === 'sentOff'
          ? 'sent off'
          : 'substituted';
  return `<tr class="${p.status === 'pitch' ? '' : 'off'}"><td class="n">${p.shirt ?? ''}</td><td><span class="${p.status === 'pitch' ? 'on' : ''}">${escapeXml(p.name)}</span> ${cards}</td><td>${status}</td><td class="n">${minutes.get(p.id) ?? 0}'</td></tr>`;
}

function lineupsHtml(state: MatchState): string {
  if (!state.hasLineups) return '<p class="note">No line-ups in this stream.</p>';
  const minutes = new Map(minutesPlayed(state).map((r) => [r.playerId, r.minutes]));
  return (['home', 'away'] as Side[])
    .map((side) => {
      const team = state.teams[side];
      const players = [...state.players.values()]
        .filter((p) => p.team === side && !p.official)
        .sort((a, b) => Number(b.starter) - Number(a.starter) || (a.shirt ?? 99) - (b.shirt ?? 99));
      const max = state.rules.maxSubs + team.additionalSubsAllowed;
      return `<div><h3 style="font-size:.9rem;margin:.2rem 0">${escapeXml(team.name)}</h3>
<p class="note">Substitutions used: ${team.subsUsed} of ${max}, in ${team.opportunitiesUsed} of ${state.rules.maxOpportunities} opportunities; ${team.onPitch} on the pitch</p>
<table><thead><tr><th class="n">#</th><th>Player</th><th>Status</th><th class="n">Min</th></tr></thead><tbody>${players.map((p) => playerRow(p, minutes)).join('')}</tbody></table></div>`;
    })
    .join('');
}

function timelineHtml(state: MatchState): string {
  return [...state.timeline]
    .reverse()
    .filter((e) => e.type !== 'fixture' && e.type !== 'lineups')
    .map((e) => {
      const corrected = e.status === 'retracted' || e.status === 'rejected';
      const text = escapeXml(e.text);
      return `<li class="${e.status}" data-event-id="${escapeXml(e.eventId)}"><span class="minute">${escapeXml(e.minute)}</span>${corrected ? `<del>${text}</del><span class="status">${e.status}</span>` : text}${e.status === 'amended' ? '<span class="status">amended</span>' : ''}</li>`;
    })
    .join('');
}

function tableHtml(state: MatchState): string {
  const table = view.table;
  if (!table || !state.fixture) return '<p class="note">No group table for this match.</p>';
  const others = table.results.filter((r) => r.id !== view.streamId);
  const mine = liveResult(state, view.streamId);
  const rules = TIE_BREAK_RULES[table.rules.id];
  const rows = buildTable(mine ? [...others, mine] : others, { live: true, ...(rules ? { rules } : {}) });
  const head = `<thead><tr><th class="n">#</th><th>Team</th><th class="n">P</th><th class="n">W</th><th class="n">D</th><th class="n">L</th><th class="n">GD</th><th class="n">Pts</th><th>Decided by</th></tr></thead>`;
  const body = rows
    .map(
      (r) =>
        `<tr data-team-id="${escapeXml(r.teamId)}"><td class="n">${r.rank}</td><td>${escapeXml(r.team)}</td><td class="n">${r.played}</td><td class="n">${r.won}</td><td class="n">${r.drawn}</td><td class="n">${r.lost}</td><td class="n">${r.goalDifference}</td><td class="n">${r.points}</td><td class="note">${escapeXml(r.separatedBy ?? 'points')}</td></tr>`,
    )
    .join('');
  const live =
    state.status === 'live' || state.status === 'interval'
      ? ' (live: this match counted at its current score)'
      : '';
  return `<p class="note">${escapeXml(`${table.competition} ${table.season}${table.group ? `, group ${table.group}` : ''}`)}${live}</p><table>${head}<tbody>${body}</tbody></table><p class="note">${escapeXml(table.rules.description)}</p>`;
}

function render(): void {
  view.scheduled = false;
  const frames = view.frames;
  const scrubber = $<HTMLInputElement>('scrubber');
  scrubber.max = String(Math.max(0, frames.length - 1));
  if (view.following) view.scrub = Math.max(0, frames.length - 1);
  scrubber.value = String(view.scrub);
  const frame = view.following ? frames.at(-1) : frames[view.scrub];
  const version = view.following || !frame ? view.events.length : frame.version;
  const state = fold(view.events.slice(0, version), undefined, { mode: 'lenient' });
  $('home').textContent = state.teams.home.name === 'home' ? '' : state.teams.home.name;
  $('away').textContent = state.teams.away.name === 'away' ? '' : state.teams.away.name;
  const score = state.fixture ? `${state.score.home}–${state.score.away}` : '–';
  const scoreEl = $('score');
  if (score !== scoreEl.textContent) {
    scoreEl.textContent = score;
    if (view.following && view.lastScore !== '') {
      scoreEl.classList.remove('changed');
      void scoreEl.offsetWidth; // restart the flash (none under reduced motion)
      scoreEl.classList.add('changed');
    }
    view.lastScore = score;
  }
  const clock = clockText(state, frame);
  $('clock').textContent = clock;
  $('scrub-at').textContent = frame ? frame.minute : '';
  scrubber.setAttribute('aria-valuetext', frame ? `${frame.minute}, ${score}` : score);
  $<HTMLButtonElement>('follow').disabled = view.following;
  const series = timelineSeries(state);
  $('chart').innerHTML = timelineSvg(series);
  $('timeline').innerHTML = timelineHtml(state);
  $('lineups').innerHTML = lineupsHtml(state);
  $('table').innerHTML = tableHtml(state);
  const data = document.body.dataset;
  data.version = String(view.events.length);
  data.shown = String(version);
  data.gaps = String(view.gaps);
  data.doubles = String(view.doubles);
  data.status = state.status;
  data.minute = shownMinute(state, frame);
}

function schedule(): void {
  if (view.scheduled) return;
  view.scheduled = true;
  requestAnimationFrame(render);
}

function watchTable(state: MatchState): void {
  const fixture = state.fixture;
  if (!fixture || view.tableSource) return;
  const params = new URLSearchParams({ competition: fixture.competition, season: fixture.season });
  if (fixture.group) params.set('group', fixture.group);
  else return; // tables for groups and leagues with a group; knockout ties have none
  const source = new EventSource(`/tables?${params}`);
  view.tableSource = source;
  source.addEventListener('table', (m: MessageEvent<string>) => {
    view.table = JSON.parse(m.data) as TableMessage;
    schedule();
  });
}

function connect(): void {
  view.source?.close();
  view.tableSource?.close();
  Object.assign(view, {
    events: [],
    frames: [],
    following: true,
    scrub: 0,
    gaps: 0,
    doubles: 0,
    lastScore: '',
    table: null,
    tableSource: null,
  });
  const params = new URLSearchParams({ frames: 'minute' });
  if (view.speed) params.set('speed', view.speed);
  const url = new URL(location.href);
  url.searchParams.set('stream', view.streamId);
  if (view.speed) url.searchParams.set('speed', view.speed);
  else url.searchParams.delete('speed');
  history.replaceState(null, '', url);
  const source = new EventSource(`/streams/${encodeURIComponent(view.streamId)}/events?${params}`);
  view.source = source;
  source.addEventListener('delta', (m: MessageEvent<string>) => {
    const version = Number(m.lastEventId);
    const delta = JSON.parse(m.data) as { event: MatchEvent };
    if (version <= view.events.length) view.doubles++;
    else if (version > view.events.length + 1) view.gaps++;
    else {
      view.events.push(delta.event);
      if (delta.event.type === 'fixture') watchTable(fold([delta.event]));
    }
    schedule();
  });
  source.addEventListener('frame', (m: MessageEvent<string>) => {
    const frame = JSON.parse(m.data) as FrameMessage;
    const last = view.frames.at(-1);
    if (!last || last.version !== frame.version || last.minute !== frame.minute) view.frames.push(frame);
    render(); // every minute is drawn, even when frames come faster than the screen refreshes
  });
  source.addEventListener('caught-up', () => {
    $('connection').textContent = view.speed ? 'replay finished; following live' : 'live';
  });
  source.onopen = () => {
    $('connection').textContent = view.speed ? `replaying at ${view.speed} min/s` : 'connected';
  };
  source.onerror = () => {
    $('connection').textContent = 'reconnecting…';
  };
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const response = await fetch('/streams');
  const { streams } = (await response.json()) as {
    streams: {
      id: string;
      scoreboard: { home: { name: string }; away: { name: string } };
      season: string | null;
    }[];
  };
  const select = $<HTMLSelectElement>('stream');
  select.innerHTML = streams
    .map(
      (s) =>
        `<option value="${escapeXml(s.id)}">${escapeXml(`${s.scoreboard.home.name} v ${s.scoreboard.away.name}${s.season ? ` (${s.season})` : ''}`)}</option>`,
    )
    .join('');
  view.streamId = params.get('stream') ?? streams[0]?.id ?? '';
  view.speed = params.get('speed') ?? '';
  select.value = view.streamId;
  const speed = $<HTMLSelectElement>('speed');
  if (view.speed && ![...speed.options].some((o) => o.value === view.speed))
    speed.add(new Option(`Replay, ${view.speed} min/s`, view.speed));
  speed.value = view.speed;
  select.addEventListener('change', () => {
    view.streamId = select.value;
    connect();
  });
  speed.addEventListener('change', () => {
    view.speed = speed.value;
    connect();
  });
  $('scrubber').addEventListener('input', (e) => {
    view.scrub = Number((e.target as HTMLInputElement).value);
    view.following = view.scrub >= view.frames.length - 1;
    render();
  });
  $('follow').addEventListener('click', () => {
    view.following = true;
    schedule();
  });
  if (view.streamId) connect();
  else $('connection').textContent = 'the store holds no streams yet';
}

void start();
