/**
 * One Server-Sent Events connection: a byte stream the handler enqueues pre-encoded messages into.
 * A client that falls too far behind is closed rather than buffered without bound: it reconnects
 * with Last-Event-ID and resumes exactly where it stopped. Messages are coalesced: one write per
 * client at most every `coalesceMs` (a socket write per message per client was most of the cost of
 * a busy stream), and none delayed when the stream is quiet.
 */
const encoder = new TextEncoder();

/** One SSE message, encoded once and shared by every client that receives it. */
export function encodeSse(event: string, data: unknown, id?: number): Uint8Array {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return encoder.encode(`event: ${event}\n${idLine}data: ${JSON.stringify(data)}\n\n`);
}

const HEARTBEAT = encoder.encode(': heartbeat\n\n');

export interface SseClientOptions {
  readonly heartbeatMs: number;
  /** Bytes queued for a slow client before it is dropped. */
  readonly maxQueuedBytes: number;
  /** The shortest time between two writes to this client (0: every message at once). */
  readonly coalesceMs?: number;
  readonly onClose: () => void;
}

export class SseClient {
  readonly body: ReadableStream<Uint8Array>;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private readonly heartbeat: NodeJS.Timeout;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private lastWrite = Number.NEGATIVE_INFINITY;
  /** A flush is scheduled (a microtask when one is due, else a timer). */
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  closed = false;

  constructor(private readonly options: SseClientOptions) {
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        cancel: () => this.close(),
      },
      { highWaterMark: options.maxQueuedBytes, size: (chunk) => chunk.byteLength },
    );
    this.heartbeat = setInterval(() => this.send(HEARTBEAT), options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Queues bytes; closes the connection when the client has stopped reading. */
  send(bytes: Uint8Array): void {
    if (this.closed) return;
    if ((this.controller.desiredSize ?? 0) - this.pendingBytes <= 0) {
      this.close();
      return;
    }
    this.pending.push(bytes);
    this.pendingBytes += bytes.byteLength;
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastWrite + (this.options.coalesceMs ?? 0) - performance.now();
    // Everything sent in the same turn goes out together; a busy stream waits for the next slot.
    if (wait <= 0) queueMicrotask(() => this.flush());
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Bytes waiting in this connection's queue (not yet taken by the socket). */
  queuedBytes(): number {
    if (this.closed) return 0;
    return this.options.maxQueuedBytes - (this.controller.desiredSize ?? 0) + this.pendingBytes;
  }

  private flush(): void {
    this.scheduled = false;
    this.timer = null;
    if (this.closed || this.pending.length === 0) return;
    const chunks = this.pending;
    let bytes = chunks[0]!;
    if (chunks.length > 1) {
      bytes = new Uint8Array(this.pendingBytes);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
      }
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.lastWrite = performance.now();
    this.controller.enqueue(bytes);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.timer) clearTimeout(this.timer);
    this.pending = [];
    try {
      this.controller.close();
    } catch {
      // already cancelled by the peer
    }
    this.options.onClose();
  }
}
