/**
 * Typed errors for provider files: every failure names its code, the file and the position in it
 * (a line, and the element or record when known). A raw SyntaxError or TypeError never escapes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isMatchlineError, MatchlineError, type Problem } from '../../events/errors.js';

/** A provider file that parsed but does not hold what the importer reads. */
export function formatError(file: string, message: string, where: { line?: number; pointer?: string } = {}) {
  return new MatchlineError({ code: 'PROVIDER_FORMAT', message, file, ...where });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** JSON text to a value; broken JSON is a PARSE_ERROR with the file and line. */
export function parseJson(text: string, file: string): unknown {
  const body = stripBom(text);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const problem: Problem = {
      code: 'PARSE_ERROR',
      message: `not valid JSON: ${message}`,
      file,
      ...(at ? { line: lineAt(body, Number(at[1])) } : {}),
    };
    throw new MatchlineError(problem);
  }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  // Every element is an array of nodes (one or many), every attribute a string, every text a #text.
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  alwaysCreateTextNode: true,
  processEntities: true,
  captureMetaData: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** An XML element as fast-xml-parser gives it: attributes as strings, every child as an array. */
export type XmlNode = { [key: string]: string | XmlNode[] | undefined };

/** A parsed XML file: its root and the line each element starts on (for errors and warnings). */
export interface XmlDocument {
  readonly root: XmlNode;
  line(node: XmlNode): number | undefined;
}

/** XML text to a tree (comments dropped); malformed XML is a PARSE_ERROR with the file and line. */
export function parseXml(text: string, file: string): XmlDocument {
  const body = stripBom(text);
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    throw new MatchlineError({
      code: 'PARSE_ERROR',
      message: `not well-formed XML: ${valid.err.msg}`,
      file,
      line: valid.err.line,
    });
  }
  let root: XmlNode;
  try {
    root = xml.parse(body) as XmlNode;
  } catch (error) {
    // The validator passes a few things the parser refuses (a broken <?xml ...?> declaration).
    throw new MatchlineError({
      code: 'PARSE_ERROR',
      message: `not well-formed XML: ${(error as Error).message}`,
      file,
    });
  }
  // Line starts, once, so each element's offset maps to a line by binary search.
  const starts = [0];
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) starts.push(i + 1);
  return {
    root,
    line(node) {
      const offset = (node as unknown as Record<symbol, { startIndex?: number } | undefined>)[META]
        ?.startIndex;
      if (offset === undefined) return undefined;
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}

/** Child elements of a node by name (always an array). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === 'string' ? value : undefined;
}
/** The text content of an element (fast-xml-parser keeps it under "#text"). */
export function text(node: XmlNode | undefined): string | undefined {
  const value = node?.['#text'];
  return typeof value === 'string' ? value : Array.isArray(value) ? undefined : undefined;
}

/**
 * Runs an importer step; anything that is not already a typed error becomes a PROVIDER_FORMAT error
 * naming the file (a missing field deep in a malformed record, for instance).
 */
export function guarded<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (isMatchlineError(error)) throw error;
    throw formatError(
      file,
      `the file does not have the shape this importer reads (${(error as Error).message})`,
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A provider file as text, optionally with its name for errors and warnings. */
export type ProviderFile = string | { readonly name: string; readonly text: string };
export function fileName(file: ProviderFile, fallback: string): string {
  return typeof file === 'string' ? fallback : file.name;
}
export function fileText(file: ProviderFile): string {
  return typeof file === 'string' ? file : file.text;
}
