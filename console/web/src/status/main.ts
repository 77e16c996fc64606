// The customer's status page: where their inquiry stands (stage k of 4), when the bank expects to
// resolve it, the last update, and the survey once it is issued. Plain words, large text, a phone.
//
// Signing in: the bank's app opens /status/#token=<JWT>&ticket=<id> with the customer's own token
// (the fragment never reaches a server or a log); the page keeps it for this tab only and removes it
// from the address bar. On the embedded default the page can also ask the dev token desk for a
// customer token by customer number, for trying it out.

import '../shared/base.css';
import './status.css';
import { Api, ApiError } from '../shared/api.ts';
import { announce, focusHeading, h, replace } from '../shared/dom.ts';
import { dateTime } from '../shared/format.ts';
import { applyLang, label, lang, onLangChange, setLang, t } from '../shared/i18n.ts';
import { devToken, hasRole, SessionStore, type Session } from '../shared/session.ts';

interface Status {
  ticketId: string;
  number: string;
  stage: string;
  stageIndex: number;
  stageCount: number;
  stageLabel: string;
  expectedResolutionAt?: string | null;
  expectedResolutionNotice?: string | null;
  emergencyActions: { type: string; status: string }[];
  createdAt: string;
  updatedAt: string;
}

interface TicketItem {
  id: string;
  number: string;
  subject?: string;
  updatedAt: string;
}

interface SurveyLink {
  token: string;
  link?: string;
  status: string;
  expiresAt?: string;
  answeredAt?: string | null;
}

interface Question {
  key: string;
  type: 'SCORE' | 'YES_NO' | 'TEXT';
  text: string;
  required: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
}

const REFRESH_MS = 30_000;
const sessions = new SessionStore('sori.status.token');
let session: Session | null = null;
let tickets: TicketItem[] = [];
let selected: string | null = null;
let status: Status | null = null;
let refreshTimer: number | undefined;

const api = new Api(() => session?.token ?? null, () => { sessions.clear(); session = null; render(); });
const root = document.getElementById('app')!;
const main = h('main', { id: 'main', tabindex: '-1' });
const langButton = h('button', { type: 'button', class: 'link', id: 'lang-toggle' });
langButton.addEventListener('click', () => setLang(lang() === 'ko' ? 'en' : 'ko'));

/** Takes a token handed over in the fragment, then removes it from the address bar and the history. */
function readFragment(): void {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token) {
    session = sessions.save(token);
    params.delete('token');
  }
  selected = params.get('ticket') ?? selected;
  if (token) history.replaceState(null, '', `${location.pathname}${params.toString() ? `#${params}` : ''}`);
}

function shell(): void {
  document.title = t('app.status');
  langButton.textContent = t('lang.switch');
  langButton.setAttribute('aria-label', t('lang.switch.label'));
  langButton.lang = lang() === 'ko' ? 'en' : 'ko';
  replace(root,
    h('a', { class: 'skip', href: '#main' }, t('skip')),
    h('header', { class: 'banner' }, h('p', { class: 'brand' }, t('app.status')), h('div', { class: 'tools' }, langButton)),
    main,
    h('footer', { class: 'help' }, h('p', null, t('status.help'))),
    h('div', { id: 'announcer', class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' }));
}

function render(): void {
  shell();
  if (!session || !hasRole(session, 'CUSTOMER')) renderSignIn();
  else void loadTickets(true);
}

function renderSignIn(message?: string): void {
  const input = h('input', { id: 'customer-id', name: 'customerId', required: true, autocomplete: 'off',
    pattern: '[A-Za-z0-9._:@\\-]{1,64}', maxlength: '64', inputmode: 'text', spellcheck: 'false' });
  const error = h('p', { class: 'error', role: 'alert', hidden: !message }, message ?? '');
  const form = h('form', { class: 'card' },
    h('div', { class: 'field' }, h('label', { for: 'customer-id' }, t('status.customerId')), input),
    error,
    h('button', { type: 'submit', class: 'primary big' }, t('status.signin')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = input.value.trim();
    if (!id || !input.checkValidity()) { input.focus(); return; }
    try {
      const token = await devToken(`login-${id}`, ['CUSTOMER'], id);
      if (token === null) {
        replace(main, h('h1', null, t('status.signinTitle')), h('p', { class: 'lead' }, t('status.openFromApp')));
        return;
      }
      session = sessions.save(token);
      await loadTickets(true);
    } catch (e) {
      error.textContent = (e as Error).message;
      error.hidden = false;
    }
  });
  replace(main, h('h1', null, t('status.signinTitle')), h('p', null, t('status.signinIntro')), form);
  focusHeading(main);
}

async function loadTickets(focus: boolean): Promise<void> {
  try {
    const page = await api.get<{ items: TicketItem[] }>('/api/tickets', { sort: 'updatedAt,desc', size: 20 });
    tickets = page.items;
    if (!selected || !tickets.some((x) => x.id === selected)) selected = tickets[0]?.id ?? null;
    await loadStatus(focus);
  } catch (e) {
    replace(main, h('h1', null, t('status.yourTickets')), errorText(e));
  }
}

async function loadStatus(focus: boolean): Promise<void> {
  window.clearTimeout(refreshTimer);
  if (!selected) {
    replace(main, h('h1', null, t('status.yourTickets')), h('p', { class: 'lead' }, t('status.noTickets')), signOutButton());
    if (focus) focusHeading(main);
    return;
  }
  try {
    const fresh = await api.get<Status>(`/api/tickets/${encodeURIComponent(selected)}/status`);
    const before = status;
    status = fresh;
    if (before && before.ticketId === fresh.ticketId && before.stageLabel !== fresh.stageLabel) {
      announce(t('status.changed', { label: stageText(fresh) }));
    }
    renderStatus(fresh, focus || before?.ticketId !== fresh.ticketId);
  } catch (e) {
    replace(main, h('h1', null, t('status.yourTickets')), errorText(e));
  }
  refreshTimer = window.setTimeout(() => { if (!document.hidden) void loadStatus(false); else scheduleOnVisible(); },
    REFRESH_MS);
}

function scheduleOnVisible(): void {
  document.addEventListener('visibilitychange', () => void loadStatus(false), { once: true });
}

/** The published label from ticket-service in Korean; its English wording by step in English. */
function stageText(s: Status): string {
  if (lang() === 'ko') return s.stageLabel;
  const base = t(`published.${s.stageIndex}` as 'published.1');
  return s.stage === 'WAITING_ON_CUSTOMER' ? `${base} (${t('status.waiting')})` : base;
}

function renderStatus(s: Status, focus: boolean): void {
  const steps = [1, 2, 3, 4].map((k) => {
    const state = k < s.stageIndex || (k === 4 && s.stageIndex === 4) ? 'done' : k === s.stageIndex ? 'current' : 'todo';
    const current = k === s.stageIndex;
    return h('li', { class: `step step-${state}`, 'aria-current': current ? 'step' : null },
      h('span', { class: 'step-number', 'aria-hidden': 'true' }, state === 'done' && !current ? '✓' : String(k)),
      h('span', { class: 'step-label' }, lang() === 'ko' ? t(`published.${k}` as 'published.1')
        : t(`published.${k}` as 'published.1')),
      current ? h('span', { class: 'visually-hidden' }, ` (${t('status.current')})`)
        : state === 'done' ? h('span', { class: 'visually-hidden' }, ` (${t('status.done')})`) : null);
  });
  const survey = h('section', { id: 'survey', hidden: true, 'aria-labelledby': 'survey-h' });
  replace(main,
    h('h1', null, t('status.yourTickets')),
    tickets.length > 1 ? h('nav', { 'aria-label': t('status.yourTickets') }, h('ul', { class: 'ticket-list' },
      tickets.map((x) => h('li', null, h('a', { href: `#ticket=${encodeURIComponent(x.id)}`,
        'aria-current': x.id === s.ticketId ? 'true' : null }, x.number, x.subject ? ` · ${x.subject}` : ''))))) : null,
    h('article', { class: 'card status', 'aria-labelledby': 'stage-h' },
      h('p', { class: 'number' }, t('status.number', { number: s.number })),
      h('h2', { id: 'stage-h', class: 'stage-now' },
        h('span', { class: 'step-of', id: 'step-of' }, t('status.stepOf', { k: s.stageIndex })), ' ',
        h('span', { id: 'stage-label' }, stageText(s))),
      h('ol', { class: 'steps', 'aria-label': t('status.steps') }, steps),
      h('dl', { class: 'facts' },
        h('dt', null, t('status.expected')),
        h('dd', { id: 'expected' }, s.expectedResolutionAt ? dateTime(s.expectedResolutionAt, lang()) : t('status.expectedNone'),
          s.expectedResolutionNotice ? h('span', { class: 'block notice-text' }, s.expectedResolutionNotice) : null),
        h('dt', null, t('status.updated')),
        h('dd', { id: 'updated' }, dateTime(s.updatedAt, lang())),
        s.emergencyActions.length ? [h('dt', null, t('status.emergency')), h('dd', null, h('ul', null,
          s.emergencyActions.map((a) => h('li', null, `${label('action', a.type)}: ${label('actionStatus', a.status)}`))))]
          : null),
      h('button', { type: 'button', class: 'big', id: 'refresh', onclick: () => void loadStatus(false) }, t('status.refresh'))),
    survey,
    signOutButton());
  if (focus) focusHeading(main);
  void loadSurvey(s.ticketId, survey);
}

function signOutButton(): HTMLElement {
  return h('p', null, h('button', { type: 'button', class: 'link', onclick: () => {
    sessions.clear(); session = null; status = null; selected = null; window.clearTimeout(refreshTimer); render();
  } }, t('status.signout')));
}

/** The survey of this ticket, once it is issued (hidden before, and where the server has no such lookup). */
async function loadSurvey(ticketId: string, target: HTMLElement): Promise<void> {
  let link: SurveyLink;
  try {
    link = await api.get<SurveyLink>(`/api/surveys/tickets/${encodeURIComponent(ticketId)}`);
  } catch {
    return;
  }
  target.hidden = false;
  const heading = h('h2', { id: 'survey-h' }, t('status.survey'));
  if (link.status === 'ANSWERED' || link.answeredAt) {
    replace(target, heading, h('p', { class: 'card' }, t('status.surveyThanks')));
    return;
  }
  try {
    const survey = await api.get<{ status: string; questions: Question[] }>(`/api/surveys/${encodeURIComponent(link.token)}`);
    if (survey.status === 'ANSWERED') {
      replace(target, heading, h('p', { class: 'card' }, t('status.surveyThanks')));
      return;
    }
    replace(target, heading, surveyForm(link.token, survey.questions, target));
  } catch (e) {
    replace(target, heading, h('p', { class: 'card' }, e instanceof ApiError && e.status === 410
      ? t('status.surveyExpired') : (e as Error).message));
  }
}

function surveyForm(token: string, questions: Question[], target: HTMLElement): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'card survey' }, h('p', null, t('status.surveyIntro')),
    questions.map((q) => {
      const id = `q-${q.key}`;
      if (q.type === 'TEXT') {
        return h('div', { class: 'field' }, h('label', { for: id }, q.text), h('textarea', { id, name: q.key, rows: 3,
          maxlength: String(q.maxLength ?? 500), required: q.required, lang: 'ko' }));
      }
      const options = q.type === 'YES_NO' ? [['true', t('status.yes')], ['false', t('status.no')]]
        : Array.from({ length: (q.max ?? 5) - (q.min ?? 1) + 1 }, (_, i) => {
          const v = (q.min ?? 1) + i;
          const hint = v === (q.min ?? 1) ? ` (${t('status.scoreLow')})` : v === (q.max ?? 5) ? ` (${t('status.scoreHigh')})` : '';
          return [String(v), `${v}${hint}`];
        });
      return h('fieldset', { class: 'choices' }, h('legend', null, q.text),
        options.map(([value, text]) => h('div', { class: 'choice' },
          h('input', { type: 'radio', name: q.key, id: `${id}-${value}`, value: value!, required: q.required }),
          h('label', { for: `${id}-${value}` }, text!))));
    }),
    error,
    h('button', { type: 'submit', class: 'primary big' }, t('status.surveySend')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const answers: Record<string, unknown> = {};
    for (const q of questions) {
      const value = data.get(q.key);
      if (value === null || value === '') continue;
      answers[q.key] = q.type === 'SCORE' ? Number(value) : q.type === 'YES_NO' ? value === 'true' : String(value);
    }
    try {
      await api.post(`/api/surveys/${encodeURIComponent(token)}/responses`, { answers });
      replace(target, h('h2', { id: 'survey-h' }, t('status.survey')), h('p', { class: 'card', role: 'status' },
        t('status.surveyThanks')));
    } catch (e) {
      error.textContent = (e as Error).message;
      error.hidden = false;
    }
  });
  return form;
}

function errorText(e: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${(e as Error).message}`);
}

window.addEventListener('hashchange', () => {
  readFragment();
  if (session) void loadStatus(true);
});
onLangChange(() => { shell(); if (status && session) renderStatus(status, false); else if (!session) renderSignIn(); });

applyLang();
readFragment();
session ??= sessions.load();
render();
