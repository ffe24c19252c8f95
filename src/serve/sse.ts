/**
 * One Server-Sent Events connection: a byte stream the handler enqueues pre-encoded messages into.
 * A client that falls too far behind is closed rather than buffered without bound: it reconnects
 * with Last-Event-ID and resumes exactly where it stopped.
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
  readonly onClose: () => void;
}

export class SseClient {
  readonly body: ReadableStream<Uint8Array>;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private readonly heartbeat: NodeJS.Timeout;
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
    if ((this.controller.desiredSize ?? 0) <= 0) {
      this.close();
      return;
    }
    this.controller.enqueue(bytes);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    try {
      this.controller.close();
    } catch {
      // already cancelled by the peer
    }
    this.options.onClose();
  }
}
