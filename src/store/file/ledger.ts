/**
 * The ledger: the file store's one commit log. Every append adds one line naming the stream, the
 * byte range its events took in the stream file, the stream version and the first global position;
 * the line's fsync is the moment of acknowledgement, so positions are assigned inside the atomic
 * append. Each line carries a CRC-32, so a torn or reordered unsynced tail is recognised and cut.
 * The head file holds the ledger length known to be durable: readers never read past it, so no
 * reader ever sees a position that a power loss could take back and hand out again.
 */

export interface LedgerRecord {
  /** First global position of the record's events (for a cut: the next position, none used). */
  readonly p: number;
  /** Number of events (0 for a cut). */
  readonly n: number;
  /** Stream id. */
  readonly s: string;
  /** Byte offset in the stream file where the events start. */
  readonly o: number;
  /** Byte offset where they end: the stream's committed length after this record. */
  readonly e: number;
  /** Stream version after this record. */
  readonly v: number;
  /** A repair cut the stream back to `e` bytes and `v` events. */
  readonly cut?: 1;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

export function formatRecord(record: LedgerRecord): string {
  const json = JSON.stringify(record);
  return `${crc32(json)} ${json}\n`;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function parseRecord(line: string, nextPosition: number): LedgerRecord | null {
  const space = line.indexOf(' ');
  if (space !== 8) return null;
  const json = line.slice(9);
  if (crc32(json) !== line.slice(0, 8)) return null;
  let value: Partial<LedgerRecord>;
  try {
    value = JSON.parse(json) as Partial<LedgerRecord>;
  } catch {
    return null;
  }
  const { p, n, s, o, e, v } = value;
  if (!isCount(p) || !isCount(n) || !isCount(o) || !isCount(e) || !isCount(v) || typeof s !== 'string')
    return null;
  if (p !== nextPosition || e < o || (n > 0 && e === o)) return null;
  return value as LedgerRecord;
}

export interface StreamEntry {
  /** Committed length of the stream file. */
  end: number;
  version: number;
  /** Indexes into `LedgerIndex.records` of this stream's records. */
  readonly records: number[];
}

/** What a process knows of the ledger: every valid record up to `bytes`, and per stream its end. */
export class LedgerIndex {
  readonly records: LedgerRecord[] = [];
  readonly streams = new Map<string, StreamEntry>();
  /** Bytes of the ledger parsed so far (always the end of a valid record). */
  bytes = 0;
  /** The global position the next event gets. */
  nextPosition = 1;

  /**
   * Adds the complete valid records in `chunk` (ledger bytes from `this.bytes`); stops at the first
   * torn or invalid line. Returns the records added.
   */
  take(chunk: Buffer): LedgerRecord[] {
    const added: LedgerRecord[] = [];
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(0x0a, start);
      if (end === -1) break;
      const record = parseRecord(chunk.subarray(start, end).toString('utf8'), this.nextPosition);
      if (!record) break;
      this.add(record);
      added.push(record);
      start = end + 1;
    }
    this.bytes += start;
    return added;
  }

  add(record: LedgerRecord): void {
    const index = this.records.push(record) - 1;
    const entry = this.streams.get(record.s);
    if (entry) {
      entry.end = record.e;
      entry.version = record.v;
      entry.records.push(index);
    } else this.streams.set(record.s, { end: record.e, version: record.v, records: [index] });
    this.nextPosition = record.p + record.n;
  }

  /** Index of the first record holding a position greater than `after` (binary search). */
  firstAfter(after: number): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = this.records[mid]!;
      if (r.p + r.n - 1 > after) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** The head file: `<durable ledger bytes> <next position> <crc>`, fixed width so it is rewritten in place. */
export function formatHead(bytes: number, nextPosition: number): string {
  const body = `${String(bytes).padStart(16, '0')} ${String(nextPosition).padStart(16, '0')}`;
  return `${body} ${crc32(body)}\n`;
}

export function parseHead(text: string): { bytes: number; nextPosition: number } | null {
  const match = /^(\d{16}) (\d{16}) ([0-9a-f]{8})\n$/.exec(text);
  if (!match || crc32(`${match[1]} ${match[2]}`) !== match[3]) return null;
  return { bytes: Number(match[1]), nextPosition: Number(match[2]) };
}
