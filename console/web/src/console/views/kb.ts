// The knowledge base beside a ticket: suggestions for it, and a search that waits for Korean input
// to settle (no request per keystroke while a syllable is still being composed).

import { h, highlighted, replace } from '../../shared/dom.ts';
import { ApiError } from '../../shared/api.ts';
import { label, t } from '../../shared/i18n.ts';
import type { App } from '../app.ts';
import { errorBox } from '../widgets.ts';

interface Suggested {
  articleId: string;
  title: string;
  category?: string;
  score: number;
}

interface Hit {
  id: string;
  title: string;
  snippet: string;
  score: number;
  category?: string;
}

/** Waits this long after the last finished keystroke before searching. */
export const SEARCH_DELAY_MS = 300;

export function kbPanel(app: App, ticketId: string): { el: HTMLElement; dispose(): void } {
  const suggestions = h('div', null, h('p', { role: 'status' }, t('loading')));
  const results = h('div', { id: 'kb-results' });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const input = h('input', { id: 'kb-q', type: 'search', name: 'q', maxlength: '200', autocomplete: 'off',
    'aria-controls': 'kb-results', lang: 'ko' });
  let composing = false;
  let timer: number | undefined;
  let inFlight: AbortController | null = null;
  let lastQuery = '';

  async function search(q: string): Promise<void> {
    q = q.trim();
    if (!q || q === lastQuery) return;
    lastQuery = q;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const found = await app.api.get<{ total: number; hits: Hit[] }>('/api/kb/search',
        { q, audience: 'AGENT_KMS', size: 8 }, controller.signal);
      if (controller !== inFlight) return; // a newer search started meanwhile
      replace(results, found.hits.length === 0 ? h('p', { class: 'empty' }, t('kb.noResults'))
        : h('ol', { class: 'kb-list' }, found.hits.map((hit) => h('li', null,
          h('p', { class: 'kb-title' }, hit.title),
          h('p', { class: 'kb-snippet' }, highlighted(hit.snippet ?? '')),
          hit.category ? h('p', { class: 'muted' }, label('category', hit.category)) : null))));
      status.textContent = t('kb.results', { count: found.hits.length });
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      lastQuery = '';
      replace(results, errorBox(e));
    }
  }

  function schedule(): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void search(input.value), SEARCH_DELAY_MS);
  }

  input.addEventListener('compositionstart', () => { composing = true; window.clearTimeout(timer); });
  input.addEventListener('compositionend', () => { composing = false; schedule(); });
  input.addEventListener('input', (event) => {
    if (composing || (event as InputEvent).isComposing) return;
    schedule();
  });
  const form = h('form', { role: 'search', class: 'kb-search' },
    h('label', { for: 'kb-q' }, t('kb.search')),
    h('div', { class: 'inline' }, input, h('button', { type: 'submit' }, t('kb.searchButton'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (composing) return; // the Enter that ends a composition is not a search
    window.clearTimeout(timer);
    lastQuery = '';
    void search(input.value);
  });

  void (async () => {
    try {
      const found = await app.api.get<{ suggestions: Suggested[] }>('/api/kb/suggestions', { ticketId });
      replace(suggestions, found.suggestions.length === 0 ? h('p', { class: 'empty' }, t('kb.noSuggestions'))
        : h('ol', { class: 'kb-list' }, found.suggestions.map((s) => h('li', null,
          h('p', { class: 'kb-title' }, s.title),
          s.category ? h('p', { class: 'muted' }, label('category', s.category)) : null))));
    } catch (e) {
      replace(suggestions, e instanceof ApiError && e.status === 404
        ? h('p', { class: 'empty' }, t('kb.noSuggestions')) : errorBox(e));
    }
  })();

  const el = h('aside', { class: 'kb', 'aria-labelledby': 'kb-h' },
    h('h2', { id: 'kb-h' }, t('kb.title')),
    h('h3', null, t('kb.suggestions')), suggestions,
    form, status, results);
  return { el, dispose() { window.clearTimeout(timer); inFlight?.abort(); } };
}
