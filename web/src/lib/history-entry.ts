/**
 * What a page remembers per history entry, so Back returns to it as it was left: the scroll
 * position (here) and how much of a growing list was shown (./history-entry-state, apart because
 * only the list pages need it, while this is part of every page's first load). Kept in memory for
 * the life of the page (a reload starts afresh, as the query cache does).
 */
import { useLayoutEffect } from 'react';
import { useNavigationType, type Location } from 'react-router';

const positions = new Map<string, number>();

/** How long a restore waits for the page to grow tall enough (its data or code still arriving). */
const RESTORE_PATIENCE_MS = 4000;

/** Input that means the user has taken over the scrolling: a restore in progress gives way to it. */
const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Scrolls `y` into place once the document is tall enough for it, watching the page grow (the
 * page's code or data may still be on its way); gives up when the user scrolls or after a while.
 * Returns a function that stops waiting.
 */
function restoreScroll(y: number): () => void {
  const reachable = () => document.documentElement.scrollHeight - window.innerHeight >= y;
  window.scrollTo(0, y);
  if (reachable() || typeof ResizeObserver === 'undefined') return () => {};
  const started = Date.now();
  const observer = new ResizeObserver(() => {
    window.scrollTo(0, y);
    if (reachable() || Date.now() - started > RESTORE_PATIENCE_MS) stop();
  });
  const stop = () => {
    observer.disconnect();
    for (const type of USER_SCROLL_EVENTS) window.removeEventListener(type, stop);
  };
  observer.observe(document.body);
  for (const type of USER_SCROLL_EVENTS) window.addEventListener(type, stop, { once: true, passive: true });
  return stop;
}

/**
 * Scroll positions per history entry of the page beneath any dialog (`page`): a new page starts at
 * the top, Back and Forward return to where that entry was left, and a replaced entry (a search
 * being typed) stays where it is. The browser's own restoration is turned off: it would scroll
 * before the page beneath has been rendered.
 */
export function useScrollRestoration(page: Location): void {
  const navigationType = useNavigationType();
  const { key } = page;

  // Recorded as it happens, in a layout effect: its cleanup runs as the next page is committed,
  // before that page's layout can clamp the scroll and report it under the old entry's key.
  useLayoutEffect(() => {
    const record = () => positions.set(key, window.scrollY);
    window.addEventListener('scroll', record, { passive: true });
    return () => window.removeEventListener('scroll', record);
  }, [key]);

  useLayoutEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    if (navigationType === 'PUSH') {
      window.scrollTo(0, 0);
      return;
    }
    const saved = navigationType === 'POP' ? positions.get(key) : undefined;
    if (saved === undefined) return;
    return restoreScroll(saved);
    // Only a change of entry moves the page; the navigation type is read as of that change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
