// Every ticket the console has seen, one copy each: lists and the ticket view read from here, and
// the live feed writes here, so a change shows everywhere at once.

import { newer, type Ticket } from './model.ts';

export type TicketListener = (ticket: Ticket, previous: Ticket | undefined) => void;

export class TicketStore {
  private readonly tickets = new Map<string, Ticket>();
  private readonly listeners = new Set<TicketListener>();

  get(id: string): Ticket | undefined {
    return this.tickets.get(id);
  }

  /** Keeps the newer copy; tells the listeners only when something changed. Returns the copy kept. */
  put(ticket: Ticket): Ticket {
    const previous = this.tickets.get(ticket.id);
    if (!newer(previous, ticket)) return previous!;
    this.tickets.set(ticket.id, ticket);
    if (!previous || previous.version !== ticket.version || previous.updatedAt !== ticket.updatedAt) {
      for (const listener of this.listeners) listener(ticket, previous);
    }
    return ticket;
  }

  putAll(tickets: Ticket[]): Ticket[] {
    return tickets.map((t) => this.put(t));
  }

  subscribe(listener: TicketListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.tickets.clear();
  }
}
