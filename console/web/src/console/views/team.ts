// Team queues: every ticket by filter, in queue order (priority, then due time).

import { h, replace } from '../../shared/dom.ts';
import { label, t } from '../../shared/i18n.ts';
import type { App, View } from '../app.ts';
import { CATEGORIES, matchesFilter, PRIORITIES, queueOrder, SKILLS, STAGES, type TeamFilter,
  type Ticket } from '../model.ts';
import { errorBox, ticketTable } from '../widgets.ts';
import { keepFocus } from './focus.ts';

interface Page {
  items: Ticket[];
  total: number;
}

const PAGE_SIZE = 50;

export function filterFromQuery(params: URLSearchParams): TeamFilter {
  const get = (k: string) => params.get(k) || undefined;
  return {
    stage: get('stage'), priority: get('priority'), category: get('category'), skill: get('skill'),
    assignee: get('assignee'), q: get('q'), slaBreached: params.get('slaBreached') === 'true' ? true : undefined,
  };
}

export function teamView(app: App, params: URLSearchParams): View {
  const filter = filterFromQuery(params);
  const el = h('div', { class: 'view', 'data-query': params.toString() });
  const results = h('div', { 'aria-live': 'off' });
  let tickets: Ticket[] | null = null;
  let total = 0;
  let error: unknown = null;

  async function load(): Promise<void> {
    try {
      const page = await app.api.get<Page>('/api/tickets', { ...filter, size: PAGE_SIZE });
      tickets = app.store.putAll(page.items);
      total = page.total;
      error = null;
    } catch (e) {
      error = e;
    }
    renderResults();
  }

  function select(name: keyof TeamFilter, values: string[], prefix: string): HTMLElement {
    const id = `filter-${name}`;
    return h('div', { class: 'field' }, h('label', { for: id }, t(`col.${name}` as 'col.stage')),
      h('select', { id, name },
        h('option', { value: '' }, t('team.any')),
        values.map((v) => h('option', { value: v, selected: filter[name] === v }, label(prefix, v)))));
  }

  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': t('team.filters') },
    select('stage', STAGES, 'stage'),
    select('priority', PRIORITIES, 'priority'),
    select('category', CATEGORIES, 'category'),
    h('div', { class: 'field' }, h('label', { for: 'filter-skill' }, t('col.skill')),
      h('select', { id: 'filter-skill', name: 'skill' }, h('option', { value: '' }, t('team.any')),
        SKILLS.map((s) => h('option', { value: s, selected: filter.skill === s }, s)))),
    h('div', { class: 'field' }, h('label', { for: 'filter-assignee' }, t('col.assignee')),
      h('input', { id: 'filter-assignee', name: 'assignee', value: filter.assignee ?? '', maxlength: '64' })),
    h('div', { class: 'field' }, h('label', { for: 'filter-q' }, t('team.q')),
      h('input', { id: 'filter-q', name: 'q', type: 'search', value: filter.q ?? '', maxlength: '100' })),
    h('div', { class: 'choice' }, h('input', { id: 'filter-breached', name: 'slaBreached', type: 'checkbox', value: 'true',
      checked: !!filter.slaBreached }), h('label', { for: 'filter-breached' }, t('team.slaBreached'))),
    h('button', { type: 'submit', class: 'primary' }, t('team.apply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const query = new URLSearchParams();
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v.trim()) query.set(k, v.trim());
    app.navigate(`#/team${query.toString() ? `?${query}` : ''}`);
  });

  function renderResults(): void {
    keepFocus(results, () => {
      if (!tickets) {
        replace(results, error ? errorBox(error) : h('p', { role: 'status' }, t('loading')));
        return;
      }
      replace(results, error ? errorBox(error) : null,
        h('p', { class: 'muted' }, t('team.count', { count: total })),
        ticketTable(tickets, { caption: t('team.title') }));
    });
  }

  function onTicket(ticket: Ticket): void {
    if (!tickets) return;
    const rest = tickets.filter((x) => x.id !== ticket.id);
    const inList = matchesFilter(ticket, filter);
    if (inList && rest.length === tickets.length) total++;
    if (!inList && rest.length !== tickets.length) total--;
    tickets = inList ? [...rest, ticket].sort(queueOrder).slice(0, PAGE_SIZE) : rest;
    renderResults();
  }

  replace(el, h('h1', null, t('team.title')), form, results);
  renderResults();
  void load();
  return { el, dispose() {}, resync: load, onTicket };
}
