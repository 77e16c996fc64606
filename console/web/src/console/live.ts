// Live ticket changes from GET /api/tickets/live (text/event-stream), read with fetch() so the bearer
// token can be sent. Reconnects with backoff and Last-Event-ID; while the stream is down the console
// refreshes its lists every 30 s, never faster.

import { SseParser } from './sse.ts';
import type { Ticket } from './model.ts';

export interface TicketEvent {
  type: string;
  ticketId: string;
  at: string;
  ticket: Ticket;
}

export type LiveState = 'connecting' | 'live' | 'unavailable';

export interface LiveOptions {
  token: () => string | null;
  onTicket: (event: TicketEvent) => void;
  onState: (state: LiveState) => void;
  /** Read the lists again: after a gap in the stream, and every 30 s while it is down. */
  onResync: () => void;
  onUnauthorized: () => void;
  path?: string;
}

export const FALLBACK_REFRESH_MS = 30_000;
/** The server sends a comment every 15 s: silence for this long means the connection is dead. */
const SILENCE_MS = 45_000;
const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;
/** The endpoint does not exist on this server: look again now and then, not in a loop. */
const MISSING_RETRY_MS = 120_000;

/** Backoff before reconnect attempt n (0-based): doubling from 1 s to 60 s, with jitter so consoles don't reconnect in step. */
export function backoff(attempt: number, random = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

export class LiveFeed {
  private state: LiveState = 'connecting';
  private controller: AbortController | null = null;
  private reconnectTimer: number | undefined;
  private fallbackTimer: number | undefined;
  private silenceTimer: number | undefined;
  private attempts = 0;
  private lastEventId: string | undefined;
  private everConnected = false;
  private connectedAt = 0;
  private lastResyncAt = 0;
  private stopped = false;

  constructor(private readonly options: LiveOptions) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
    window.clearTimeout(this.reconnectTimer);
    window.clearInterval(this.fallbackTimer);
    window.clearTimeout(this.silenceTimer);
    this.fallbackTimer = undefined;
  }

  private setState(state: LiveState): void {
    if (state === this.state) return;
    this.state = state;
    this.options.onState(state);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const controller = new AbortController();
    this.controller = controller;
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    const token = this.options.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    let status = 0;
    try {
      const response = await fetch(this.options.path ?? '/api/tickets/live', { headers, signal: controller.signal,
        cache: 'no-store' });
      status = response.status;
      const type = response.headers.get('Content-Type') ?? '';
      if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
        throw new Error(`live updates answered ${response.status}`);
      }
      this.connected();
      await this.read(response.body, controller);
    } catch {
      // fall through: the stream failed or ended
    }
    if (this.stopped || controller !== this.controller) return;
    if (status === 401) {
      this.options.onUnauthorized();
      return;
    }
    this.disconnected(status === 404 || status === 405 || status === 501);
  }

  private connected(): void {
    this.connectedAt = Date.now();
    window.clearInterval(this.fallbackTimer);
    this.fallbackTimer = undefined;
    this.setState('live');
    // whatever changed while we were away: read the lists once (at most every 30 s, however often a
    // proxy cuts the stream)
    if (this.everConnected) this.resync();
    this.everConnected = true;
  }

  private resync(): void {
    if (Date.now() - this.lastResyncAt < FALLBACK_REFRESH_MS) return;
    this.lastResyncAt = Date.now();
    this.options.onResync();
  }

  private async read(body: ReadableStream<Uint8Array>, controller: AbortController): Promise<void> {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    this.armSilence(controller);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      this.armSilence(controller);
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        if (event.id) this.lastEventId = event.id;
        if (event.event !== 'ticket') continue;
        try {
          const parsed = JSON.parse(event.data) as TicketEvent;
          if (parsed && parsed.ticket && parsed.ticket.id) this.options.onTicket(parsed);
        } catch {
          // a malformed event is skipped; the next resync covers it
        }
      }
    }
  }

  private armSilence(controller: AbortController): void {
    window.clearTimeout(this.silenceTimer);
    this.silenceTimer = window.setTimeout(() => controller.abort(), SILENCE_MS);
  }

  private disconnected(missing: boolean): void {
    window.clearTimeout(this.silenceTimer);
    // a stream that held for a while starts the backoff afresh; one that keeps dying right away does not
    if (this.connectedAt && Date.now() - this.connectedAt > FALLBACK_REFRESH_MS) this.attempts = 0;
    this.connectedAt = 0;
    this.setState('unavailable');
    if (this.fallbackTimer === undefined) {
      this.fallbackTimer = window.setInterval(() => this.resync(), FALLBACK_REFRESH_MS);
    }
    const wait = missing ? MISSING_RETRY_MS : backoff(this.attempts++);
    this.reconnectTimer = window.setTimeout(() => void this.connect(), wait);
  }
}
