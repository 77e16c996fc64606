// One ticket: the customer's whole conversation across channels, the journey, emergency actions,
// the work (reply, note, stage, assignment, abuse report), the history, and the knowledge base beside it.

import { announce, focusHeading, h, replace, type Child } from '../../shared/dom.ts';
import { ApiError, newKey } from '../../shared/api.ts';
import { dateTime, time } from '../../shared/format.ts';
import { label, lang, t } from '../../shared/i18n.ts';
import type { App, View } from '../app.ts';
import { allowedTransitions, isOpen, type Stage, type Ticket } from '../model.ts';
import { actionButton, breachedBadge, dueClock, errorBox, priorityBadge, problemText, stageBadge } from '../widgets.ts';
import { kbPanel } from './kb.ts';
import { take } from './queue.ts';

interface Message {
  id: string;
  from: string;
  kind?: string;
  text: string;
  at: string;
}

interface Conversation {
  id: string;
  channel: string;
  status: string;
  closedReason?: string | null;
  identityVerified: boolean;
  messages: Message[];
}

interface JourneyItem {
  type: 'CONVERSATION' | 'TICKET';
  id: string;
  channel?: string;
  at?: string;
  status?: string;
  subject?: string | null;
  lastMessage?: string | null;
  number?: string | null;
  stageLabel?: string | null;
}

interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  details: Record<string, string>;
}

interface Note {
  id: string;
  at: string;
  author: string;
  text: string;
}

interface ReportOutcome {
  action: string;
  until?: string | null;
  pendingApproval: boolean;
  warnings: number;
  agentRestUntil?: string | null;
}

const ABUSE_REASONS = ['PROFANITY', 'THREAT', 'SEXUAL_HARASSMENT', 'OBSTRUCTION', 'SPAM'];
/** While the bank has not answered an emergency action and live updates are down, look again this often. */
const EMERGENCY_POLL_MS = 5_000;

export function ticketView(app: App, id: string, liveIsUp: () => boolean): View {
  const path = `/api/tickets/${encodeURIComponent(id)}`;
  const el = h('div', { class: 'view ticket-view' });
  const head = h('div');
  const summary = h('section', { class: 'panel', 'aria-labelledby': 'summary-h' });
  const emergency = h('section', { class: 'panel', 'aria-labelledby': 'emergency-h', id: 'emergency' });
  const emergencyLive = h('div', { 'aria-live': 'polite' });
  const work = h('section', { class: 'panel', 'aria-labelledby': 'work-h', id: 'work' });
  const workStatus = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const conversation = h('section', { class: 'panel', 'aria-labelledby': 'conversation-h', id: 'conversation' });
  const journey = h('section', { class: 'panel', 'aria-labelledby': 'journey-h' });
  const notes = h('section', { class: 'panel', 'aria-labelledby': 'notes-h' });
  const history = h('section', { class: 'panel', 'aria-labelledby': 'history-h', id: 'history' });
  let ticket: Ticket | null = null;
  let kb: ReturnType<typeof kbPanel> | null = null;
  let pollTimer: number | undefined;
  let polls = 0;
  let disposed = false;

  async function load(): Promise<void> {
    try {
      ticket = app.store.put(await app.api.get<Ticket>(path));
    } catch (e) {
      replace(head, h('h1', null, id), errorBox(e));
      return;
    }
    renderTicket();
    void loadConversation();
    void loadHistory();
    void loadNotes();
    void loadJourney();
    if (!kb) {
      kb = kbPanel(app, id);
      el.append(kb.el);
    }
  }

  function renderTicket(): void {
    if (!ticket) return;
    const tk = ticket;
    const hadFocus = head.contains(document.activeElement) || document.activeElement === document.body;
    replace(head,
      h('p', null, h('a', { href: '#/queue' }, '← ', t('ticket.back'))),
      h('h1', null, `${tk.number} · ${tk.subject ?? ''}`),
      h('p', { class: 'badges' }, priorityBadge(tk.priority), ' ', stageBadge(tk.stage), ' ',
        tk.sla?.breached ? breachedBadge() : null, ' ',
        h('span', { class: `badge ${tk.identityVerified ? 'verified' : 'unverified'}`, id: 'identity' },
          h('span', { 'aria-hidden': 'true' }, tk.identityVerified ? '✓ ' : '! '),
          tk.identityVerified ? t('ticket.verified') : t('ticket.unverified')),
        tk.formalComplaint ? [' ', h('span', { class: 'badge' }, t('ticket.formal'))] : null,
        tk.vulnerableCustomer ? [' ', h('span', { class: 'badge' }, t('ticket.vulnerable'))] : null,
        tk.escalated ? [' ', h('span', { class: 'badge' }, t('ticket.escalatedMark'))] : null));
    if (hadFocus) focusHeading(head);
    renderSummary(tk);
    renderEmergency(tk);
    renderWork(tk);
    schedulePoll(tk);
  }

  function renderSummary(tk: Ticket): void {
    const row = (term: string, ...value: Child[]) => [h('dt', null, term), h('dd', null, value)];
    const sla = tk.sla;
    replace(summary, h('h2', { id: 'summary-h' }, t('ticket.summary')),
      h('dl', { class: 'facts' },
        row(t('ticket.customer'), tk.customerId),
        row(t('ticket.channel'), label('channel', tk.channel)),
        row(t('col.category'), label('category', tk.category)),
        row(t('col.assignee'), tk.assignee ?? t('unassigned')),
        row(t('ticket.created'), dateTime(tk.createdAt, lang())),
        sla?.firstResponseDueAt ? row(t('clock.FIRST_RESPONSE'), sla.firstRespondedAt
          ? `✓ ${dateTime(sla.firstRespondedAt, lang())}` : dueClock(sla.firstResponseDueAt)) : null,
        sla?.resolutionDueAt && isOpen(tk) ? row(t('clock.RESOLUTION'), dueClock(sla.resolutionDueAt)) : null,
        sla?.regulatoryDueAt && isOpen(tk) ? row(t('clock.REGULATORY'), dueClock(sla.regulatoryDueAt)) : null,
        row(t('ticket.expected'), dateTime(tk.expectedResolutionAt, lang()),
          tk.expectedResolutionNotice ? h('span', { class: 'muted block' }, tk.expectedResolutionNotice) : null),
        tk.deadlineAt ? row(t('ticket.deadline'), dueClock(tk.deadlineAt)) : null,
        tk.urgencySignals?.length ? row(t('ticket.signals'), tk.urgencySignals.join(', ')) : null),
      tk.description ? h('p', { class: 'description' }, tk.description) : null);
  }

  function renderEmergency(tk: Ticket): void {
    replace(emergency, h('h2', { id: 'emergency-h' }, t('ticket.emergency')), emergencyLive);
    replace(emergencyLive, tk.emergencyActions.length === 0 ? h('p', { class: 'muted' }, t('ticket.noEmergency'))
      : h('ul', { class: 'actions-list' }, tk.emergencyActions.map((a) => h('li', {
        class: `emergency emergency-${a.status.toLowerCase()}`, 'data-action': a.type, 'data-status': a.status },
      h('strong', null, label('action', a.type)), ' ',
      h('span', { class: 'muted' }, `(${a.type})`), ' — ',
      h('span', { class: 'action-status' }, label('actionStatus', a.status)),
      a.bankReference ? h('span', { class: 'block' }, t('ticket.bankReference', { ref: a.bankReference })) : null,
      a.failureReason ? h('span', { class: 'block error-text' }, a.failureReason) : null,
      a.updatedAt ? h('span', { class: 'block muted' }, time(a.updatedAt, lang())) : null))));
  }

  function say(text: string, isError = false): void {
    workStatus.textContent = text;
    workStatus.classList.toggle('error-text', isError);
  }

  async function act(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.kind === 'stale-version') {
        say(t('ticket.stale'), true);
        await load();
      } else if (e instanceof ApiError && e.status === 409 && e.kind === 'illegal-transition'
          && Array.isArray(e.problem.allowed) && ticket) {
        // the server knows best: offer exactly what it allows from here
        ticket = { ...ticket, allowedTransitions: e.problem.allowed as Stage[] };
        renderWork(ticket);
        say(t('ticket.illegal'), true);
      } else {
        say(`${t('error')}: ${problemText(e)}`, true);
      }
    }
  }

  function renderWork(tk: Ticket): void {
    const reason = h('input', { id: 'transition-reason', maxlength: '500' });
    const allowed = allowedTransitions(tk);
    const stageButtons = allowed.map((to) => actionButton(t('ticket.moveTo', { stage: label('stage', to) }),
      () => act(async () => {
        const moved = await app.api.post<Ticket>(`${path}/transitions`,
          { to, reason: reason.value.trim() || undefined, version: tk.version });
        ticket = app.store.put(moved);
        renderTicket();
        void loadHistory();
        say(t('ticket.moved', { stage: label('stage', moved.stage) }));
        announce(t('ticket.moved', { stage: label('stage', moved.stage) }));
      }), { 'data-to': to, class: to === 'RESOLVED' ? 'primary' : '' }));

    const mine = tk.assignee === app.session.subject;
    const assignee = h('input', { id: 'assignee', maxlength: '64', value: tk.assignee ?? '' });
    const assignment = h('div', { class: 'group' }, h('h3', null, t('ticket.assignment')),
      h('p', null, `${t('col.assignee')}: `, h('strong', { id: 'current-assignee' }, tk.assignee ?? t('unassigned'))),
      isOpen(tk) && !mine && (!tk.assignee || app.isSupervisor) ? actionButton(t('ticket.takeIt'), () => act(async () => {
        await take(app, tk);
        ticket = app.store.get(tk.id) ?? tk;
        renderTicket();
        void loadHistory();
        say(t('ticket.assigned', { agent: app.session.subject }));
      }), { id: 'take-ticket', class: 'primary' }) : null,
      app.isSupervisor && isOpen(tk) ? h('div', { class: 'inline' },
        h('label', { for: 'assignee' }, t('ticket.assignTo')), assignee,
        actionButton(t('ticket.assign'), () => act(async () => {
          const who = assignee.value.trim();
          ticket = app.store.put(await app.api.post<Ticket>(`${path}/assignment`,
            who ? { assignee: who } : {}, newKey()));
          renderTicket();
          say(t('ticket.assigned', { agent: ticket.assignee ?? '–' }));
        })),
        actionButton(t('ticket.autoRoute'), () => act(async () => {
          ticket = app.store.put(await app.api.post<Ticket>(`${path}/assignment`, {}, newKey()));
          renderTicket();
          say(t('ticket.assigned', { agent: ticket.assignee ?? t('unassigned') }));
        }))) : null);

    replace(work, h('h2', { id: 'work-h' }, t('ticket.stage')), workStatus,
      h('div', { class: 'group' },
        allowed.length === 0 ? h('p', { class: 'muted' }, t('ticket.stageNone')) : [
          h('div', { class: 'field' }, h('label', { for: 'transition-reason' }, t('ticket.reason')), reason),
          h('div', { class: 'buttons', id: 'transitions' }, stageButtons)]),
      assignment,
      textForm('reply', t('ticket.reply'), t('ticket.replyLabel'), t('ticket.replySend'), async (text, key) => {
        const delivered = agentMessages();
        await app.api.post(`${path}/replies`, { text }, key);
        say(t('ticket.replied'));
        void reloadTicket();
        void loadHistory();
        void untilDelivered(delivered);
      }),
      textForm('note', t('ticket.note'), t('ticket.noteLabel'), t('ticket.noteSave'), async (text, key) => {
        await app.api.post(`${path}/notes`, { text }, key);
        say(t('ticket.noted'));
        void loadNotes();
      }),
      abuseForm(tk));
  }

  /** A text form whose Idempotency-Key lasts until it succeeds: sending again after a timeout is the same request. */
  function textForm(name: string, title: string, fieldLabel: string, submit: string,
      send: (text: string, key: string) => Promise<void>): HTMLElement {
    let key = newKey();
    const area = h('textarea', { id: `${name}-text`, rows: 3, maxlength: '5000', required: true, lang: 'ko' });
    const button = h('button', { type: 'submit' }, submit);
    const form = h('form', { class: 'group', id: `${name}-form` }, h('h3', null, title),
      h('div', { class: 'field' }, h('label', { for: `${name}-text` }, fieldLabel), area), button);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = area.value.trim();
      if (!text || button.disabled) { area.focus(); return; }
      button.disabled = true;
      await act(async () => {
        await send(text, key);
        area.value = '';
        key = newKey();
      });
      button.disabled = false;
    });
    return form;
  }

  function abuseForm(tk: Ticket): HTMLElement {
    const reason = h('select', { id: 'abuse-reason' }, ABUSE_REASONS.map((r) => h('option', { value: r },
      label('abuse', r))));
    const key = newKey();
    return h('div', { class: 'group abuse' }, h('h3', null, t('ticket.abuse')),
      h('p', { class: 'muted' }, t('ticket.abuseIntro')),
      h('div', { class: 'inline' }, h('label', { for: 'abuse-reason' }, t('ticket.abuseReason')), reason,
        actionButton(t('ticket.abuseSend'), () => act(async () => {
          const evidence = lastCustomerWords() || tk.description || tk.subject || tk.number;
          const outcome = await app.api.post<ReportOutcome>('/api/blocklist/reports', {
            customerId: tk.customerId, reason: reason.value, ticketId: tk.id,
            conversationId: tk.conversationIds[tk.conversationIds.length - 1],
            evidence: evidence.slice(0, 4000),
          }, key);
          const parts = [outcome.action === 'WARNING' ? t('ticket.abuseWarning', { warnings: outcome.warnings })
            : t('ticket.abuseBlocked', { until: outcome.until ? dateTime(outcome.until, lang()) : t('sup.permanent') })];
          if (outcome.pendingApproval) parts.push(t('ticket.abusePending'));
          if (outcome.agentRestUntil) parts.push(t('ticket.abuseRest', { until: time(outcome.agentRestUntil, lang()) }));
          say(parts.join(' '));
          announce(parts.join(' '));
          window.setTimeout(() => void loadConversation(), 1500);
        }), { class: 'danger', id: 'abuse-send' })));
  }

  let conversations: Conversation[] = [];

  function lastCustomerWords(): string {
    const said = conversations.flatMap((c) => c.messages).filter((m) => m.from === 'CUSTOMER')
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-3).map((m) => m.text);
    return said.join('\n');
  }

  function agentMessages(): number {
    return conversations.flatMap((c) => c.messages).filter((m) => m.from === 'AGENT').length;
  }

  /** channel-service records the reply once it has delivered it: look a few times, then leave it to updates. */
  async function untilDelivered(before: number): Promise<void> {
    for (let attempt = 1; attempt <= 6 && !disposed; attempt++) {
      await new Promise((resolve) => window.setTimeout(resolve, 1000 * attempt));
      await loadConversation();
      if (agentMessages() > before) return;
    }
  }

  /** Fills one of the page's sections under its heading: what `content` builds, or the error it met. */
  async function fill(section: HTMLElement, headingId: string, title: string,
    content: () => Promise<Child>): Promise<void> {
    let body: Child;
    try {
      body = await content();
    } catch (e) {
      body = errorBox(e);
    }
    replace(section, h('h2', { id: headingId }, title), body);
  }

  async function loadConversation(): Promise<void> {
    const tk = ticket;
    if (!tk) return;
    await fill(conversation, 'conversation-h', t('ticket.conversation'), async () => {
      conversations = await Promise.all(tk.conversationIds.map((c) =>
        app.api.get<Conversation>(`/api/channels/conversations/${encodeURIComponent(c)}`)));
      const messages = conversations.flatMap((c) => c.messages.map((m) => ({ ...m, channel: c.channel })))
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      const ended = conversations.filter((c) => c.closedReason);
      return [
        messages.length === 0 ? h('p', { class: 'muted' }, t('ticket.noMessages'))
          : h('ol', { class: 'messages' }, messages.map((m) => h('li', { class: `message from-${m.from.toLowerCase()}` },
            h('p', { class: 'meta' }, h('strong', null, label('from', m.from)), ' · ', label('channel', m.channel), ' · ',
              h('time', { datetime: m.at }, time(m.at, lang()))),
            h('p', { class: 'text' }, m.text)))),
        ended.map((c) => h('p', { class: 'muted' }, t('ticket.closedConversation', { reason: c.closedReason! })))];
    });
  }

  async function loadJourney(): Promise<void> {
    const tk = ticket;
    if (!tk) return;
    await fill(journey, 'journey-h', t('ticket.journey'), async () => {
      const found = await app.api.get<{ items: JourneyItem[] }>(
        `/api/channels/customers/${encodeURIComponent(tk.customerId)}/journey`);
      return found.items.length === 0 ? h('p', { class: 'muted' }, t('none')) : h('ol', { class: 'journey' },
          found.items.slice(0, 20).map((item) => h('li', null,
            h('time', { datetime: item.at ?? '' }, time(item.at, lang())), ' · ',
            label('channel', item.channel), ' · ',
            item.type === 'TICKET'
              ? [item.id === id ? h('strong', null, item.number ?? item.id)
                : h('a', { href: `#/ticket/${encodeURIComponent(item.id)}` }, item.number ?? item.id),
                ` — ${item.stageLabel ?? ''}`]
              : [item.subject ?? '', item.lastMessage ? h('span', { class: 'muted' }, ` “${item.lastMessage}”`) : null])));
    });
  }

  async function loadNotes(): Promise<void> {
    await fill(notes, 'notes-h', t('ticket.notes'), async () => {
      const found = await app.api.get<Note[]>(`${path}/notes`);
      return found.length === 0 ? h('p', { class: 'muted' }, t('none')) : h('ul', { class: 'notes' }, found.map((n) =>
        h('li', null, h('p', { class: 'meta' }, `${n.author} · ${time(n.at, lang())}`), h('p', null, n.text))));
    });
  }

  async function loadHistory(): Promise<void> {
    await fill(history, 'history-h', t('ticket.history'), async () => {
      const found = await app.api.get<HistoryEntry[]>(`${path}/history`);
      return h('div', { class: 'table-wrap' }, h('table', null,
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('ticket.historyWhen')),
            h('th', { scope: 'col' }, t('ticket.historyWho')), h('th', { scope: 'col' }, t('ticket.historyWhat')))),
          h('tbody', null, [...found].reverse().map((entry) => h('tr', null,
            h('td', null, h('time', { datetime: entry.at }, time(entry.at, lang()))),
            h('td', null, entry.actor),
            h('td', null, h('strong', null, entry.action), ' ',
              h('span', { class: 'muted' }, Object.entries(entry.details).map(([k, v]) => `${k}=${v}`).join(', '))))))));
    });
  }

  async function reloadTicket(): Promise<void> {
    try {
      const fresh = app.store.put(await app.api.get<Ticket>(path));
      if (fresh.version !== ticket?.version) {
        ticket = fresh;
        renderTicket();
      }
    } catch {
      // the next event or refresh will tell
    }
  }

  /** Without live updates, an emergency action the bank is still working on is looked at again briefly. */
  function schedulePoll(tk: Ticket): void {
    window.clearTimeout(pollTimer);
    const waiting = tk.emergencyActions.some((a) => a.status === 'REQUESTED');
    if (!waiting || disposed || liveIsUp() || polls >= 24) return;
    pollTimer = window.setTimeout(() => { polls++; void reloadTicket(); }, EMERGENCY_POLL_MS);
  }

  function onTicket(changed: Ticket, previous: Ticket | undefined): void {
    if (changed.id !== id) return;
    const before = ticket ?? previous;
    ticket = changed;
    renderTicket();
    void loadHistory();
    for (const action of changed.emergencyActions) {
      const was = before?.emergencyActions.find((a) => a.type === action.type);
      if (was && was.status !== action.status) {
        announce(`${label('action', action.type)}: ${label('actionStatus', action.status)}`);
      }
    }
    if (before && changed.conversationIds.length !== before.conversationIds.length) void loadConversation();
  }

  el.append(h('div', { class: 'ticket-main' }, head, summary, emergency, work, conversation, journey, notes, history));
  replace(head, h('h1', null, id), h('p', { role: 'status' }, t('loading')));
  void load();
  return {
    el,
    dispose() { disposed = true; window.clearTimeout(pollTimer); kb?.dispose(); },
    resync: () => void reloadTicket(),
    onTicket,
  };
}
