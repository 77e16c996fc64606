// Pieces the console's screens share: badges, the SLA countdown, the ticket table.

import { h, type Child } from '../shared/dom.ts';
import { countdown } from '../shared/format.ts';
import { label, lang, t } from '../shared/i18n.ts';
import { ApiError } from '../shared/api.ts';
import { currentDue, type Ticket } from './model.ts';

export function priorityBadge(priority: string): HTMLElement {
  return h('span', { class: `badge priority priority-${priority.toLowerCase()}` }, label('priority', priority));
}

export function stageBadge(stage: string): HTMLElement {
  return h('span', { class: 'badge stage' }, label('stage', stage));
}

export function breachedBadge(): HTMLElement {
  return h('span', { class: 'badge breached' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), t('breached'));
}

/** A countdown to a due time; the page's one-second tick rewrites its text (see tickCountdowns). */
export function dueClock(at: string, caption?: string): HTMLElement {
  const now = countdown(at, Date.now(), lang());
  return h('span', { class: 'due' },
    caption ? h('span', { class: 'due-caption' }, caption, ' ') : null,
    h('time', { datetime: at, 'data-due': at, 'data-state': now.state }, now.text));
}

export function slaCell(ticket: Ticket): Child {
  const due = currentDue(ticket);
  return [
    ticket.sla?.breached ? breachedBadge() : null,
    due ? dueClock(due.at, t(`clock.${due.clock}` as 'clock.RESOLUTION')) : h('span', { class: 'muted' }, '–'),
  ];
}

/** Rewrites every countdown on the page: text only, no re-render, and nothing a screen reader announces. */
export function tickCountdowns(root: ParentNode = document): void {
  const now = Date.now();
  for (const el of root.querySelectorAll<HTMLElement>('time[data-due]')) {
    const c = countdown(el.dataset.due!, now, lang());
    if (el.textContent !== c.text) el.textContent = c.text;
    if (el.dataset.state !== c.state) el.dataset.state = c.state;
  }
}

export interface TableOptions {
  caption: string;
  /** A button per row, e.g. "take". */
  action?: (ticket: Ticket) => HTMLElement | null;
  empty?: string;
}

export function ticketTable(tickets: Ticket[], options: TableOptions): HTMLElement {
  if (tickets.length === 0) {
    return h('p', { class: 'empty' }, options.empty ?? t('noTickets'));
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'tickets' },
    h('caption', { class: 'visually-hidden' }, options.caption),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('col.priority')),
      h('th', { scope: 'col' }, t('col.number')),
      h('th', { scope: 'col' }, t('col.subject')),
      h('th', { scope: 'col' }, t('col.category')),
      h('th', { scope: 'col' }, t('col.stage')),
      h('th', { scope: 'col' }, t('col.sla')),
      h('th', { scope: 'col' }, t('col.assignee')),
      options.action ? h('th', { scope: 'col' }, t('col.action')) : null)),
    h('tbody', null, tickets.map((ticket) => h('tr', {
      'data-ticket': ticket.id, 'data-number': ticket.number,
      class: [ticket.priority === 'URGENT' ? 'urgent' : '', ticket.sla?.breached ? 'is-breached' : ''].join(' ').trim() || null,
    },
      h('td', null, priorityBadge(ticket.priority)),
      h('th', { scope: 'row' }, h('a', { href: `#/ticket/${encodeURIComponent(ticket.id)}` }, ticket.number)),
      h('td', { class: 'subject' }, ticket.subject ?? ''),
      h('td', null, label('category', ticket.category)),
      h('td', null, stageBadge(ticket.stage)),
      h('td', { class: 'sla' }, slaCell(ticket)),
      h('td', null, ticket.assignee ?? h('span', { class: 'muted' }, t('unassigned'))),
      options.action ? h('td', null, options.action(ticket)) : null)))));
}

/** A problem from the API in words for the agent: its detail, or what went wrong at the network level. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    return [error.problem.title, fields || error.problem.detail].filter(Boolean).join(' — ') || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function errorBox(error: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${problemText(error)}`);
}

/** A button that is disabled while its action runs, so a double click sends nothing twice. */
export function actionButton(text: string, run: () => Promise<void>, attrs: Record<string, string> = {}): HTMLButtonElement {
  const button = h('button', { type: 'button', ...attrs }, text);
  button.addEventListener('click', async () => {
    if (button.disabled) return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      await run();
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
  return button;
}
