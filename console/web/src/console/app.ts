// What every console view is given: the API, who is signed in, the shared ticket store.

import type { Api } from '../shared/api.ts';
import type { Session } from '../shared/session.ts';
import type { TicketStore } from './store.ts';
import type { Ticket } from './model.ts';

export interface App {
  api: Api;
  session: Session;
  store: TicketStore;
  isSupervisor: boolean;
  navigate(hash: string): void;
}

/** A mounted screen. `resync` reads its data again (after a gap in live updates, or every 30 s without them). */
export interface View {
  el: HTMLElement;
  dispose(): void;
  resync?(): void;
  onTicket?(ticket: Ticket, previous: Ticket | undefined): void;
}
