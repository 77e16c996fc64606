// The supervisor's view: satisfaction by agent and by channel, SLA breaches, active blocks (with lift).

import { announce, h, replace } from '../../shared/dom.ts';
import { dateTime } from '../../shared/format.ts';
import { label, lang, t } from '../../shared/i18n.ts';
import type { App, View } from '../app.ts';
import type { Ticket } from '../model.ts';
import { actionButton, errorBox, problemText, ticketTable } from '../widgets.ts';
import { section } from './queue.ts';

interface Group {
  key: string;
  responses: number;
  csat: number | null;
  score100: number | null;
  responseRate: number | null;
}

interface Block {
  customerId: string;
  blockId: string;
  reason: string;
  level: number;
  status: string;
  startedAt: string;
  until?: string | null;
  channels: string[];
}

const percent = (v: number | null | undefined) => v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`;
const score = (v: number | null | undefined) => v === null || v === undefined ? '–' : v.toFixed(1);

export function supervisorView(app: App): View {
  const el = h('div', { class: 'view' });
  const byAgent = section('csat-agent', t('sup.csatAgent'));
  const byChannel = section('csat-channel', t('sup.csatChannel'));
  const breaches = section('breaches', t('sup.breaches'));
  const blocks = section('blocks', t('sup.blocks'));
  let breached: Ticket[] = [];

  function fill(target: HTMLElement, ...content: (HTMLElement | null)[]): void {
    const heading = target.querySelector('h2')!;
    replace(target, heading, content);
  }

  async function loadStats(groupBy: 'agent' | 'channel', target: HTMLElement): Promise<void> {
    try {
      const stats = await app.api.get<{ groups: Group[] }>('/api/surveys/stats', { groupBy });
      fill(target, stats.groups.length === 0 ? h('p', { class: 'empty' }, t('sup.noData'))
        : h('div', { class: 'table-wrap' }, h('table', null,
          h('thead', null, h('tr', null, [t('sup.key'), t('sup.responses'), t('sup.csat'), t('sup.score'), t('sup.rate')]
            .map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', null, stats.groups.map((g) => h('tr', null,
            h('th', { scope: 'row' }, groupBy === 'channel' ? label('channel', g.key) : g.key),
            h('td', { class: 'num' }, g.responses), h('td', { class: 'num' }, percent(g.csat)),
            h('td', { class: 'num' }, score(g.score100)), h('td', { class: 'num' }, percent(g.responseRate))))))));
    } catch (e) {
      fill(target, errorBox(e));
    }
  }

  async function loadBreaches(): Promise<void> {
    try {
      const page = await app.api.get<{ items: Ticket[] }>('/api/tickets', { slaBreached: true, size: 50 });
      breached = app.store.putAll(page.items);
      renderBreaches();
    } catch (e) {
      fill(breaches, errorBox(e));
    }
  }

  function renderBreaches(): void {
    fill(breaches, ticketTable(breached, { caption: t('sup.breaches') }));
  }

  async function loadBlocks(): Promise<void> {
    try {
      const active = await app.api.get<Block[]>('/api/blocklist/blocks', { active: true });
      fill(blocks, active.length === 0 ? h('p', { class: 'empty' }, t('sup.noBlocks'))
        : h('div', { class: 'table-wrap' }, h('table', null,
          h('thead', null, h('tr', null, [t('sup.blockCustomer'), t('sup.blockReason'), t('sup.blockUntil'),
            t('sup.blockChannels'), t('sup.lift')].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', null, active.map((b) => liftRow(b))))));
    } catch (e) {
      fill(blocks, errorBox(e));
    }
  }

  function liftRow(b: Block): HTMLElement {
    const id = `lift-${b.blockId}`;
    const reason = h('input', { id, maxlength: '1000', required: true });
    const message = h('span', { class: 'error-text', role: 'alert' });
    return h('tr', { 'data-block': b.blockId },
      h('th', { scope: 'row' }, b.customerId),
      h('td', null, label('abuse', b.reason), ` (${b.status}, L${b.level})`),
      h('td', null, b.until ? dateTime(b.until, lang()) : t('sup.permanent')),
      h('td', null, b.channels.map((c) => label('channel', c)).join(', ')),
      h('td', null, h('div', { class: 'inline' }, h('label', { for: id, class: 'visually-hidden' },
        `${t('sup.liftReason')}: ${b.customerId}`), reason,
        actionButton(t('sup.lift'), async () => {
          if (!reason.value.trim()) {
            message.textContent = t('sup.liftReason');
            reason.focus();
            return;
          }
          try {
            await app.api.post(`/api/blocklist/blocks/${encodeURIComponent(b.blockId)}/lift`,
              { reason: reason.value.trim() });
            announce(t('sup.lifted', { customer: b.customerId }));
            await loadBlocks();
          } catch (e) {
            message.textContent = problemText(e);
          }
        })), message));
  }

  function loadAll(): void {
    void loadStats('agent', byAgent);
    void loadStats('channel', byChannel);
    void loadBreaches();
    void loadBlocks();
  }

  function onTicket(ticket: Ticket): void {
    const rest = breached.filter((x) => x.id !== ticket.id);
    breached = ticket.sla?.breached ? [ticket, ...rest] : rest;
    renderBreaches();
  }

  replace(el, h('h1', null, t('sup.title')), h('div', { class: 'grid-2' }, byAgent, byChannel), breaches, blocks);
  for (const s of [byAgent, byChannel, breaches, blocks]) s.append(h('p', { role: 'status' }, t('loading')));
  loadAll();
  return { el, dispose() {}, resync: loadAll, onTicket };
}
