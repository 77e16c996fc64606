// Re-rendering a list must not throw the keyboard user's focus back to the top of the page.

export function keepFocus(root: HTMLElement, render: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  let selector: string | null = null;
  if (active && root.contains(active) && active !== root) {
    if (active.id) selector = `#${CSS.escape(active.id)}`;
    else {
      const row = active.closest<HTMLElement>('[data-ticket]');
      const tag = active.tagName.toLowerCase();
      if (row) selector = `[data-ticket="${CSS.escape(row.dataset.ticket!)}"] ${tag}`;
    }
  }
  render();
  if (selector) root.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
}
