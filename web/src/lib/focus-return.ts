/**
 * Remembers which element opened a dialog, so closing it can put focus back there. A click does not
 * focus links in every browser (Safari), so the opener is recorded explicitly rather than read from
 * `document.activeElement` alone.
 */
let opener: HTMLElement | null = null;

/** Records the element that is about to open a dialog. */
export function rememberOpener(element: HTMLElement): void {
  opener = element;
}

/** Returns (and forgets) the recorded opener, falling back to the focused element. */
export function takeOpener(): HTMLElement | null {
  const element = opener ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
  opener = null;
  return element && element !== document.body ? element : null;
}
