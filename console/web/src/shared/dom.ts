// A few lines instead of a UI framework: elements are built with text nodes (never innerHTML), so
// nothing a customer wrote can become markup.

export type Child = Node | string | number | null | undefined | false | Child[];
type Handler = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null,
    ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') {
      el.addEventListener(name.startsWith('on') ? name.slice(2) : name, value);
    } else if (name === 'value' && 'value' in el) {
      (el as HTMLInputElement).value = String(value);
    } else if (name === 'checked' && 'checked' in el) {
      (el as HTMLInputElement).checked = !!value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let announcer: HTMLElement | null = null;

/** Says something to screen readers through one polite live region, without moving focus. */
export function announce(message: string): void {
  announcer ??= document.getElementById('announcer');
  if (!announcer) return;
  announcer.textContent = '';
  // a fresh text node a moment later, so the same message twice is read twice
  window.setTimeout(() => { if (announcer) announcer.textContent = message; }, 50);
}

/**
 * A search snippet from kb-service: HTML-escaped text with the matched words in <em>. Rebuilt as
 * text nodes and <mark> elements; any other markup stays text.
 */
export function highlighted(snippet: string): Node[] {
  const nodes: Node[] = [];
  const parts = snippet.split(/(<em>|<\/em>)/);
  let inside = false;
  for (const part of parts) {
    if (part === '<em>') { inside = true; continue; }
    if (part === '</em>') { inside = false; continue; }
    if (!part) continue;
    const text = unescapeHtml(part);
    nodes.push(inside ? h('mark', null, text) : document.createTextNode(text));
  }
  return nodes;
}

export function unescapeHtml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g,
    (entity, decimal?: string, hex?: string, name?: string) => {
      if (name) return named[name]!;
      const code = decimal ? Number(decimal) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
}

/** Moves focus to a view's heading after navigation, so keyboard and screen-reader users land on it. */
export function focusHeading(root: Element): void {
  const heading = root.querySelector<HTMLElement>('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: false });
  }
}
