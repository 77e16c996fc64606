// The agent console: a shell (banner, menu, live status, language), a hash router, and the live feed.

import '../shared/base.css';
import './console.css';
import { Api } from '../shared/api.ts';
import { announce, focusHeading, h, replace } from '../shared/dom.ts';
import { applyLang, lang, onLangChange, setLang, t } from '../shared/i18n.ts';
import { hasRole, SessionStore, type Session } from '../shared/session.ts';
import type { App, View } from './app.ts';
import { LiveFeed, type LiveState } from './live.ts';
import { TicketStore } from './store.ts';
import { renderSignIn } from './views/signin.ts';
import { queueView } from './views/queue.ts';
import { teamView } from './views/team.ts';
import { ticketView } from './views/ticket.ts';
import { supervisorView } from './views/supervisor.ts';
import { tickCountdowns } from './widgets.ts';

const sessions = new SessionStore('sori.console.token');
const store = new TicketStore();
let session: Session | null = sessions.load();
let live: LiveFeed | null = null;
let liveState: LiveState = 'connecting';
let view: View | null = null;

const api = new Api(() => session?.token ?? null, () => signOut(t('session.expired')));
const root = document.getElementById('app')!;
const main = h('main', { id: 'main', tabindex: '-1' });
const liveMark = h('p', { class: 'live', id: 'live-state', role: 'status' });
const nav = h('nav', { 'aria-label': t('nav.label') });
const who = h('p', { class: 'who' });
const langButton = h('button', { type: 'button', class: 'link', id: 'lang-toggle' });
const signOutButton = h('button', { type: 'button', class: 'link', id: 'sign-out' });

langButton.addEventListener('click', () => setLang(lang() === 'ko' ? 'en' : 'ko'));
signOutButton.addEventListener('click', () => signOut());

function app(): App {
  return {
    api, store, session: session!, isSupervisor: hasRole(session, 'SUPERVISOR', 'ADMIN'),
    navigate: (hash) => { if (location.hash === hash) route(); else location.hash = hash; },
  };
}

function renderShell(): void {
  document.title = t('app.console');
  langButton.textContent = t('lang.switch');
  langButton.setAttribute('aria-label', t('lang.switch.label'));
  langButton.lang = lang() === 'ko' ? 'en' : 'ko';
  signOutButton.textContent = t('signout');
  nav.setAttribute('aria-label', t('nav.label'));
  const links: [string, string][] = [['#/queue', t('nav.queue')], ['#/team', t('nav.team')]];
  if (hasRole(session, 'SUPERVISOR', 'ADMIN')) links.push(['#/supervisor', t('nav.supervisor')]);
  const here = location.hash.split('?')[0] || '#/queue';
  replace(nav, session ? h('ul', null, links.map(([href, text]) => h('li', null,
    h('a', { href, 'aria-current': here === href ? 'page' : null }, text)))) : null);
  replace(who, session ? t('signedInAs', { name: session.subject, roles: session.roles.join(', ') }) : '');
  renderLive();
  replace(root,
    h('a', { class: 'skip', href: '#main' }, t('skip')),
    h('header', { class: 'banner' },
      h('p', { class: 'brand' }, t('app.console')),
      nav,
      h('div', { class: 'tools' }, session ? liveMark : null, session ? who : null, langButton,
        session ? signOutButton : null)),
    main,
    h('div', { id: 'announcer', class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' }));
}

function renderLive(): void {
  liveMark.dataset.state = liveState;
  liveMark.textContent = t(`live.${liveState}`);
}

function route(): void {
  view?.dispose();
  view = null;
  if (!session) {
    renderSignIn(main, signIn);
    return;
  }
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  const a = app();
  if (parts[0] === 'ticket' && parts[1]) view = ticketView(a, decodeURIComponent(parts[1]), () => liveState === 'live');
  else if (parts[0] === 'team') view = teamView(a, params);
  else if (parts[0] === 'supervisor' && a.isSupervisor) view = supervisorView(a);
  else view = queueView(a);
  renderShell();
  replace(main, view.el);
  focusHeading(main);
}

function signIn(token: string): void {
  session = sessions.save(token);
  if (!session) return;
  startLive();
  if (!location.hash || location.hash === '#/') location.hash = '#/queue';
  else route();
}

/** An expired session keeps the address, to return there; signing out leaves the next person at the queue. */
function signOut(notice?: string): void {
  if (!notice) history.replaceState(null, '', '#/queue');
  live?.stop();
  live = null;
  sessions.clear();
  session = null;
  store.clear();
  view?.dispose();
  view = null;
  renderShell();
  renderSignIn(main, signIn, notice);
}

function startLive(): void {
  live?.stop();
  liveState = 'connecting';
  live = new LiveFeed({
    token: () => session?.token ?? null,
    onTicket: (event) => store.put(event.ticket),
    onState: (state) => {
      const wasLive = liveState === 'live';
      liveState = state;
      renderLive();
      if (state === 'unavailable' && wasLive) announce(t('live.unavailable'));
    },
    onResync: () => view?.resync?.(),
    onUnauthorized: () => signOut(t('session.expired')),
  });
  live.start();
}

store.subscribe((ticket, previous) => view?.onTicket?.(ticket, previous));
onLangChange(() => route());
window.addEventListener('hashchange', () => route());
// one tick for every countdown on the page; text only, so nothing re-renders and nothing is announced
window.setInterval(() => tickCountdowns(main), 1000);

applyLang();
renderShell();
if (session) startLive();
route();
