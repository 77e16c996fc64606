// Sign-in: a development token for a chosen identity on the embedded default; a pasted token elsewhere.

import { h, replace, focusHeading } from '../../shared/dom.ts';
import { t } from '../../shared/i18n.ts';
import { devToken, hasRole, sessionOf } from '../../shared/session.ts';
import { problemText } from '../widgets.ts';

interface Preset {
  id: string;
  key: 'signin.preset.kim' | 'signin.preset.lee' | 'signin.preset.park';
  roles: string[];
}

const PRESETS: Preset[] = [
  { id: 'agent-kim', key: 'signin.preset.kim', roles: ['AGENT'] },
  { id: 'agent-lee', key: 'signin.preset.lee', roles: ['AGENT'] },
  { id: 'lead-park', key: 'signin.preset.park', roles: ['AGENT', 'SUPERVISOR'] },
];

/** Renders the sign-in screen into `main`; `signedIn` gets the token once one is had. */
export function renderSignIn(main: HTMLElement, signedIn: (token: string) => void, notice?: string): void {
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const fail = (text: string) => { message.textContent = text; message.hidden = false; };

  const customId = h('input', { id: 'custom-id', name: 'customId', autocomplete: 'username', pattern: '[A-Za-z0-9._:@\\-]{1,64}',
    maxlength: '64', spellcheck: 'false' });
  const customSupervisor = h('input', { id: 'custom-supervisor', type: 'checkbox' });
  const radios = PRESETS.map((p, i) => h('div', { class: 'choice' },
    h('input', { type: 'radio', name: 'who', id: `who-${p.id}`, value: p.id, checked: i === 0 }),
    h('label', { for: `who-${p.id}` }, t(p.key))));
  const customRadio = h('input', { type: 'radio', name: 'who', id: 'who-custom', value: 'custom' });
  customId.addEventListener('input', () => { customRadio.checked = true; });

  const form = h('form', { class: 'card signin', novalidate: true },
    h('fieldset', null,
      h('legend', null, t('signin.who')),
      radios,
      h('div', { class: 'choice' }, customRadio, h('label', { for: 'who-custom' }, t('signin.custom'))),
      h('div', { class: 'field indent' }, h('label', { for: 'custom-id' }, t('signin.customId')), customId),
      h('div', { class: 'choice indent' }, customSupervisor,
        h('label', { for: 'custom-supervisor' }, t('signin.customSupervisor')))),
    message,
    h('button', { type: 'submit', class: 'primary' }, t('signin.submit')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.hidden = true;
    const chosen = (form.querySelector<HTMLInputElement>('input[name=who]:checked')?.value) ?? PRESETS[0]!.id;
    const preset = PRESETS.find((p) => p.id === chosen);
    const subject = preset ? preset.id : customId.value.trim();
    if (!preset && !customId.checkValidity() || !subject) {
      fail(`${t('signin.customId')}: A–Z a–z 0–9 . _ : @ -`);
      customId.focus();
      return;
    }
    const roles = preset ? preset.roles : customSupervisor.checked ? ['AGENT', 'SUPERVISOR'] : ['AGENT'];
    try {
      const token = await devToken(subject, roles);
      if (token === null) {
        renderTokenForm(main, signedIn);
        return;
      }
      signedIn(token);
    } catch (e) {
      fail(problemText(e));
    }
  });

  replace(main, h('div', { class: 'narrow' },
    h('h1', null, t('signin.title')),
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    h('p', null, t('signin.intro')),
    form));
  focusHeading(main);
}

/** Where the token desk is off (a real deployment): a token from the bank's identity provider, pasted. */
function renderTokenForm(main: HTMLElement, signedIn: (token: string) => void): void {
  const input = h('textarea', { id: 'token', rows: 4, spellcheck: 'false', autocomplete: 'off', required: true });
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'card' },
    h('div', { class: 'field' }, h('label', { for: 'token' }, t('signin.token')), input),
    message,
    h('button', { type: 'submit', class: 'primary' }, t('signin.submit')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const session = sessionOf(input.value);
    if (!session || (session.expiresAt ?? Infinity) <= Date.now()) {
      message.textContent = t('signin.badToken');
      message.hidden = false;
      return;
    }
    if (!hasRole(session, 'AGENT', 'SUPERVISOR', 'ADMIN')) {
      message.textContent = t('signin.notStaff');
      message.hidden = false;
      return;
    }
    signedIn(session.token);
  });
  replace(main, h('div', { class: 'narrow' },
    h('h1', null, t('signin.tokenTitle')), h('p', null, t('signin.tokenIntro')), form));
  focusHeading(main);
}
