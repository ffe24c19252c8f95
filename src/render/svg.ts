/**
 * SVG pictures drawn from the series: a match timeline and table positions by matchday. Strings
 * only (no DOM), so the CLI writes them to files and the match centre puts them in the page.
 */
import type { AxisSegment, MarkKind, PositionsSeries, TimelineMark, TimelineSeries } from './series.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for SVG/HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

export interface TimelineSvgOptions {
  readonly width?: number;
  /** A highlighted point on the axis (the page's scrubber), in axis minutes. */
  readonly cursor?: number;
}

const COLOURS = {
  axis: '#444',
  stoppage: '#e8e2d0',
  home: '#b3202a',
  away: '#1d4f91',
  yellow: '#f2c200',
  red: '#d0021b',
  var: '#5b2a86',
  muted: '#999',
};

function markShape(kind: MarkKind, x: number, y: number, colour: string): string {
  const p = (dx: number, dy: number) => `${round(x + dx)},${round(y + dy)}`;
  switch (kind) {
    case 'goal':
    case 'kickScored':
      return `<circle cx="${round(x)}" cy="${round(y)}" r="6" fill="${colour}"/>`;
    case 'penaltyGoal':
      return `<circle cx="${round(x)}" cy="${round(y)}" r="6" fill="${colour}"/><text x="${round(x)}" y="${round(y + 3)}" font-size="8" text-anchor="middle" fill="#fff">P</text>`;
    case 'ownGoal':
      return `<circle cx="${round(x)}" cy="${round(y)}" r="6" fill="#fff" stroke="${colour}" stroke-width="2"/><text x="${round(x)}" y="${round(y + 3)}" font-size="7" text-anchor="middle" fill="${colour}">OG</text>`;
    case 'penaltyMissed':
    case 'kickMissed':
      return `<path d="M${p(-5, -5)}L${p(5, 5)}M${p(-5, 5)}L${p(5, -5)}" stroke="${colour}" stroke-width="2"/>`;
    case 'yellow':
      return `<rect x="${round(x - 3.5)}" y="${round(y - 5)}" width="7" height="10" rx="1" fill="${COLOURS.yellow}"/>`;
    case 'red':
      return `<rect x="${round(x - 3.5)}" y="${round(y - 5)}" width="7" height="10" rx="1" fill="${COLOURS.red}"/>`;
    case 'secondYellow':
      return `<rect x="${round(x - 5.5)}" y="${round(y - 6)}" width="7" height="10" rx="1" fill="${COLOURS.yellow}"/><rect x="${round(x - 1.5)}" y="${round(y - 4)}" width="7" height="10" rx="1" fill="${COLOURS.red}"/>`;
    case 'substitution':
      return `<path d="M${p(-4, 1)}L${p(-1, -5)}L${p(2, 1)}Z" fill="#2e8b57"/><path d="M${p(-2, -1)}L${p(1, 5)}L${p(4, -1)}Z" fill="#c0392b"/>`;
    case 'var':
      return `<rect x="${round(x - 11)}" y="${round(y - 6)}" width="22" height="12" rx="2" fill="${COLOURS.var}"/><text x="${round(x)}" y="${round(y + 3)}" font-size="8" text-anchor="middle" fill="#fff">VAR</text>`;
  }
}

/** Rows above (home) and below (away) the axis; marks at the same spot stack outwards. */
function placeMarks(
  marks: readonly TimelineMark[],
  xOf: (minute: number) => number,
  axisY: number,
): { mark: TimelineMark; x: number; y: number }[] {
  const taken = new Map<string, number>();
  return marks.map((mark) => {
    const x = xOf(mark.x);
    const up = mark.side !== 'away';
    const key = `${up ? 'h' : 'a'}${Math.round(x / 12)}`;
    const level = taken.get(key) ?? 0;
    taken.set(key, level + 1);
    const y = axisY + (up ? -1 : 1) * (20 + level * 16);
    return { mark, x, y };
  });
}

function segmentSvg(s: AxisSegment, xOf: (m: number) => number, axisY: number): string {
  const x0 = xOf(s.start);
  const x1 = xOf(s.start + s.length);
  const parts = [
    `<line x1="${round(x0)}" y1="${axisY - 60}" x2="${round(x0)}" y2="${axisY + 60}" stroke="#ccc"/>`,
    `<text x="${round((x0 + x1) / 2)}" y="${axisY + 78}" font-size="11" text-anchor="middle" fill="${COLOURS.axis}">${escapeXml(s.label)}</text>`,
  ];
  if (s.stoppage > 0) {
    const xs = xOf(s.start + s.nominal);
    parts.push(
      `<rect class="stoppage" x="${round(xs)}" y="${axisY - 4}" width="${round(x1 - xs)}" height="8" fill="${COLOURS.stoppage}"><title>${escapeXml(`${s.label}: ${Math.ceil(s.stoppage)} min of stoppage time`)}</title></rect>`,
    );
  }
  // Minute ticks every 15 nominal minutes, labelled with the match minute.
  const base = { 1: 0, 2: 45, 3: 90, 4: 105, 5: 120 }[s.period] ?? 0;
  for (let m = 15; m <= s.nominal; m += 15) {
    const x = xOf(s.start + m);
    parts.push(
      `<line x1="${round(x)}" y1="${axisY - 4}" x2="${round(x)}" y2="${axisY + 4}" stroke="${COLOURS.axis}"/><text x="${round(x)}" y="${axisY + 16}" font-size="9" text-anchor="middle" fill="${COLOURS.muted}">${base + m}'</text>`,
    );
  }
  return parts.join('');
}

/** The match timeline as an SVG document. */
export function timelineSvg(series: TimelineSeries, options: TimelineSvgOptions = {}): string {
  const width = options.width ?? 960;
  const height = 200;
  const left = 90;
  const right = 20;
  const axisY = 96;
  const scale = (width - left - right) / Math.max(1, series.length);
  const xOf = (m: number) => left + m * scale;
  const title = `${series.home} ${series.score.home}-${series.score.away} ${series.away}: match timeline`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="8" y="${axisY - 30}" font-size="12" font-weight="600" fill="${COLOURS.home}">${escapeXml(series.home)}</text>`,
    `<text x="8" y="${axisY + 40}" font-size="12" font-weight="600" fill="${COLOURS.away}">${escapeXml(series.away)}</text>`,
    `<line x1="${left}" y1="${axisY}" x2="${round(xOf(series.length))}" y2="${axisY}" stroke="${COLOURS.axis}" stroke-width="2"/>`,
  ];
  for (const s of series.segments) parts.push(segmentSvg(s, xOf, axisY));
  for (const { mark, x, y } of placeMarks(series.marks, xOf, axisY)) {
    const corrected = mark.status === 'retracted' || mark.status === 'rejected';
    const colour = mark.side === 'away' ? COLOURS.away : COLOURS.home;
    const label = `${mark.minute} ${mark.text}${corrected ? ` (${mark.status})` : mark.status === 'amended' ? ' (amended)' : ''}`;
    parts.push(
      `<g class="mark ${mark.kind} ${mark.status}" data-event-id="${escapeXml(mark.eventId)}"${corrected ? ' opacity="0.45"' : ''}><title>${escapeXml(label)}</title>`,
      `<line x1="${round(x)}" y1="${axisY}" x2="${round(x)}" y2="${round(y)}" stroke="#bbb"/>`,
      markShape(mark.kind, x, y, colour),
      corrected
        ? `<line class="struck" x1="${round(x - 9)}" y1="${round(y + 9)}" x2="${round(x + 9)}" y2="${round(y - 9)}" stroke="#000" stroke-width="2"/>`
        : '',
      '</g>',
    );
  }
  if (options.cursor !== undefined) {
    const x = xOf(Math.min(series.length, Math.max(0, options.cursor)));
    parts.push(
      `<line class="cursor" x1="${round(x)}" y1="${axisY - 70}" x2="${round(x)}" y2="${axisY + 62}" stroke="#000" stroke-dasharray="3 3"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

const LINE_COLOURS = ['#b3202a', '#1d4f91', '#2e8b57', '#e08e0b', '#5b2a86', '#0e7c86', '#8d6e63', '#c2185b'];

/** Table positions by matchday as an SVG line chart (rank 1 at the top). */
export function positionsSvg(
  series: PositionsSeries,
  options: { width?: number; title?: string } = {},
): string {
  const width = options.width ?? 640;
  const teams = series.teams.length;
  const height = 60 + Math.max(1, teams) * 36;
  const left = 40;
  const right = 170;
  const top = 30;
  const days = Math.max(1, series.matchdays.length);
  const xOf = (i: number) => left + (days === 1 ? 0 : (i * (width - left - right)) / (days - 1));
  const yOf = (rank: number) => top + (rank - 1) * 36;
  const title = options.title ?? 'Table positions by matchday';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
  ];
  for (let r = 1; r <= teams; r++)
    parts.push(
      `<text x="${left - 14}" y="${yOf(r) + 4}" font-size="11" text-anchor="end" fill="#666">${r}</text><line x1="${left}" y1="${yOf(r)}" x2="${round(xOf(days - 1))}" y2="${yOf(r)}" stroke="#eee"/>`,
    );
  series.matchdays.forEach((label, i) =>
    parts.push(
      `<text x="${round(xOf(i))}" y="${height - 12}" font-size="11" text-anchor="middle" fill="#666">${escapeXml(label)}</text>`,
    ),
  );
  series.teams.forEach((team, t) => {
    const colour = LINE_COLOURS[t % LINE_COLOURS.length]!;
    const points = team.ranks
      .map((rank, i) => (rank === null ? null : `${round(xOf(i))},${yOf(rank)}`))
      .filter((p): p is string => p !== null);
    const last = [...team.ranks].reverse().find((r) => r !== null);
    parts.push(
      `<g class="team" data-team-id="${escapeXml(team.teamId)}"><title>${escapeXml(`${team.team}: ${team.ranks.map((r) => r ?? '-').join(', ')}`)}</title>`,
      `<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="3"/>`,
      ...points.map((p) => {
        const [x, y] = p.split(',');
        return `<circle cx="${x}" cy="${y}" r="4" fill="${colour}"/>`;
      }),
      last === undefined
        ? ''
        : `<text x="${round(xOf(days - 1) + 12)}" y="${yOf(last) + 4}" font-size="12" fill="${colour}">${escapeXml(team.team)}</text>`,
      '</g>',
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
