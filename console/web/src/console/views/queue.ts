// My queue: what I hold, what my skills' queues serve next, and (supervisors) escalations.
// Loaded once; after that the live feed moves tickets in and out without asking the server.

import { announce, h, replace } from '../../shared/dom.ts';
import { ApiError, newKey } from '../../shared/api.ts';
import { t, label } from '../../shared/i18n.ts';
import type { App, View } from '../app.ts';
import { placeInQueue, queueOrder, type Ticket } from '../model.ts';
import { actionButton, errorBox, ticketTable } from '../widgets.ts';
import { keepFocus } from './focus.ts';

interface Queue {
  agentId: string;
  assigned: Ticket[];
  nextUp: Ticket[];
  escalated: Ticket[];
}

export interface AgentProfile {
  id: string;
  displayName: string;
  contact?: string | null;
  skills: string[];
  supervisor: boolean;
  maxConcurrent: number;
  maxDaily: number;
  status: 'AVAILABLE' | 'BUSY' | 'OFFLINE';
}

export async function loadProfile(app: App): Promise<AgentProfile | null> {
  try {
    return await app.api.get<AgentProfile>(`/api/agents/${encodeURIComponent(app.session.subject)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export async function take(app: App, ticket: Ticket): Promise<void> {
  const taken = await app.api.post<Ticket>(`/api/tickets/${encodeURIComponent(ticket.id)}/assignment`,
    { assignee: app.session.subject }, newKey());
  app.store.put(taken);
  announce(t('taken', { number: ticket.number }));
}

export function queueView(app: App): View {
  const el = h('div', { class: 'view' });
  const me = app.session.subject;
  let profile: AgentProfile | null = null;
  let queue: Queue | null = null;
  let error: unknown = null;

  async function load(): Promise<void> {
    try {
      const [q, p] = await Promise.all([
        app.api.get<Queue>('/api/tickets/queue', { size: 20 }),
        loadProfile(app),
      ]);
      queue = {
        agentId: q.agentId,
        assigned: app.store.putAll(q.assigned),
        nextUp: app.store.putAll(q.nextUp),
        escalated: app.store.putAll(q.escalated),
      };
      profile = p;
      error = null;
    } catch (e) {
      error = e;
    }
    render();
  }

  function statusControl(): HTMLElement | null {
    if (!profile) return null;
    const select = h('select', { id: 'agent-status' },
      (['AVAILABLE', 'BUSY', 'OFFLINE'] as const).map((s) => h('option', { value: s, selected: profile!.status === s },
        label('agentStatus', s))));
    select.addEventListener('change', async () => {
      const p = profile!;
      const status = select.value as AgentProfile['status'];
      try {
        profile = await app.api.put<AgentProfile>(`/api/agents/${encodeURIComponent(me)}`, {
          displayName: p.displayName, contact: p.contact, skills: p.skills, supervisor: p.supervisor,
          maxConcurrent: p.maxConcurrent, maxDaily: p.maxDaily, status,
        });
        announce(t('queue.statusSaved', { status: label('agentStatus', status) }));
      } catch (e) {
        select.value = p.status;
        announce(`${t('error')}: ${(e as Error).message}`);
      }
    });
    return h('div', { class: 'field inline' }, h('label', { for: 'agent-status' }, t('queue.status')), select);
  }

  function render(): void {
    keepFocus(el, () => {
      if (!queue) {
        replace(el, h('h1', null, t('queue.title')), error ? errorBox(error) : h('p', { role: 'status' }, t('loading')));
        return;
      }
      const takeButton = (ticket: Ticket) => actionButton(t('take'), async () => {
        try {
          await take(app, ticket);
          app.navigate(`#/ticket/${encodeURIComponent(ticket.id)}`);
        } catch (e) {
          announce(`${t('error')}: ${(e as Error).message}`);
          void load();
        }
      }, { 'data-take': ticket.id, 'aria-label': `${t('take')}: ${ticket.number}` });
      replace(el,
        h('div', { class: 'view-head' }, h('h1', null, t('queue.title')), statusControl()),
        error ? errorBox(error) : null,
        section('assigned', `${t('queue.assigned')} (${queue.assigned.length})`,
          ticketTable(queue.assigned, { caption: t('queue.assigned') })),
        section('next-up', `${t('queue.nextUp')} (${queue.nextUp.length})`,
          profile ? ticketTable(queue.nextUp, { caption: t('queue.nextUp'), action: takeButton })
            : h('p', { class: 'notice' }, t('queue.notRegistered'))),
        app.isSupervisor ? section('escalated', `${t('queue.escalated')} (${queue.escalated.length})`,
          ticketTable(queue.escalated, { caption: t('queue.escalated') })) : null);
    });
  }

  function onTicket(ticket: Ticket, previous: Ticket | undefined): void {
    if (!queue) return;
    const without = (list: Ticket[]) => list.filter((x) => x.id !== ticket.id);
    const place = placeInQueue(ticket, me, profile?.skills ?? []);
    queue.assigned = without(queue.assigned);
    queue.nextUp = without(queue.nextUp);
    queue.escalated = without(queue.escalated);
    if (place === 'assigned') queue.assigned = [...queue.assigned, ticket].sort(queueOrder);
    if (place === 'nextUp') queue.nextUp = [...queue.nextUp, ticket].sort(queueOrder).slice(0, 20);
    if (app.isSupervisor && ticket.escalated && place !== null) {
      queue.escalated = [...queue.escalated, ticket].sort(queueOrder);
    }
    if (place && !previous && ticket.priority === 'URGENT') announce(t('queue.newUrgent', { number: ticket.number }));
    if (place && ticket.sla?.breached && !previous?.sla?.breached) {
      announce(t('queue.nowBreached', { number: ticket.number }));
    }
    render();
  }

  render();
  void load();
  return { el, dispose() {}, resync: load, onTicket };
}

export function section(id: string, title: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return h('section', { class: 'panel', 'aria-labelledby': `${id}-h`, id },
    h('h2', { id: `${id}-h` }, title), content);
}
