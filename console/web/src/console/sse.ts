// A reader of text/event-stream (the WHATWG "server-sent events" format), fed chunks as they arrive.
// EventSource cannot send a bearer token, so the console reads the stream with fetch() and this parser.

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  private retry: number | undefined;
  /** The id of the last complete event: sent back as Last-Event-ID on reconnect. */
  lastEventId: string | undefined;

  /** Feeds a decoded chunk; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    let newline: number;
    while ((newline = this.nextLineEnd()) >= 0) {
      let line = this.buffer.slice(0, newline);
      const crlf = this.buffer[newline] === '\r' && this.buffer[newline + 1] === '\n';
      this.buffer = this.buffer.slice(newline + (crlf ? 2 : 1));
      if (line.endsWith('\r')) line = line.slice(0, -1);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** The first line end, but not a '\r' at the very end of the buffer: its '\n' may be in the next chunk. */
  private nextLineEnd(): number {
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c === '\n') return i;
      if (c === '\r') return i + 1 < this.buffer.length ? i : -1;
    }
    return -1;
  }

  private line(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null; // a comment: keep-alive
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data': this.data.push(value); break;
      case 'event': this.event = value; break;
      case 'id': if (!value.includes('\0')) this.id = value; break;
      case 'retry': if (/^\d+$/.test(value)) this.retry = Number(value); break;
      default: break; // unknown fields are ignored
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    if (this.id !== undefined) this.lastEventId = this.id;
    const hadData = this.data.length > 0;
    const event: SseEvent = { event: this.event || 'message', data: this.data.join('\n'), id: this.id,
      retry: this.retry };
    this.data = [];
    this.event = '';
    this.id = undefined;
    this.retry = undefined;
    return hadData ? event : null;
  }
}
