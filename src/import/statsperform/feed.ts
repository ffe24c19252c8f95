/**
 * Stats Perform feeds (MA1 match sheet, MA3 events) as one shape, whether the file is JSON or XML:
 * the XML uses the JSON's names as attributes, with `periods`/`contestants` wrappers and a few
 * values as element text. Everything is read through num()/str() so numbers may be strings.
 */
import {
  children,
  fileName,
  fileText,
  formatError,
  isRecord,
  parseJson,
  parseXml,
  type ProviderFile,
  type XmlNode,
} from '../kit/index.js';

export type Plain = Record<string, unknown>;

/** Elements the JSON holds as arrays. */
const LISTS = new Set([
  'goal',
  'card',
  'substitute',
  'lineUp',
  'player',
  'event',
  'qualifier',
  'period',
  'contestant',
]);
/** XML wrappers whose children are the JSON's array (`<periods><period/>` is `period: []`, `<events>` is `event: []`). */
const WRAPPERS: Record<string, string> = { periods: 'period', contestants: 'contestant', events: 'event' };

function plainOf(node: XmlNode): Plain {
  const out: Plain = {};
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') {
      if (key === '#text') {
        if (value.trim() && out.name === undefined) out.name = value.trim();
      } else out[key] = value;
      continue;
    }
    if (!Array.isArray(value)) continue;
    const wrapped = WRAPPERS[key];
    if (wrapped) {
      out[wrapped] = value.flatMap((w) => children(w, wrapped).map(plainOf));
      continue;
    }
    const list = value.map(plainOf);
    out[key] = LISTS.has(key) ? list : list[0];
  }
  return out;
}

/** A Stats Perform file (JSON or XML, a UTF-8 BOM allowed) as the JSON shape; `kind` from its content. */
export function readFeed(
  file: ProviderFile,
  fallback: string,
): { name: string; kind: 'ma1' | 'ma3'; feed: Plain } {
  const name = fileName(file, fallback);
  const text = fileText(file).replace(/^\uFEFF/, '');
  let feed: Plain;
  if (text.trimStart().startsWith('<')) {
    const root = parseXml(text, name).root;
    const top = (root.match ?? root.matchEvents) as XmlNode[] | undefined;
    if (!top?.[0])
      throw formatError(name, 'a Stats Perform XML file has a <match> (MA1) or <matchEvents> (MA3) root', {
        line: 1,
      });
    feed = plainOf(top[0]);
  } else {
    const value = parseJson(text, name);
    if (!isRecord(value))
      throw formatError(name, 'a Stats Perform JSON file is an object with matchInfo and liveData');
    feed = value;
  }
  const live = feed.liveData;
  if (!isRecord(feed.matchInfo) || !isRecord(live))
    throw formatError(name, 'a Stats Perform feed has matchInfo and liveData', { pointer: '/liveData' });
  return { name, kind: Array.isArray(live.event) ? 'ma3' : 'ma1', feed };
}

export const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
export const list = (v: unknown): Plain[] => (Array.isArray(v) ? v.filter(isRecord) : isRecord(v) ? [v] : []);
export const obj = (v: unknown): Plain => (isRecord(v) ? v : {});
