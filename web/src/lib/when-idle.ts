/**
 * Code that no first paint needs (a menu's popup, a button's request logic, the rows made for the
 * profile) is fetched once the page's first content is on screen and the browser has a moment to
 * spare, or at the first sign that it is about to be used (pointer or focus on the control).
 */

let markShown: () => void = () => {};
const contentShown = new Promise<void>((resolve) => {
  markShown = resolve;
});

/**
 * Called once a page's first content (a row of titles) has been painted. Pages that never call it
 * let deferred code come a few seconds after their load event instead.
 */
export function markContentShown(): void {
  markShown();
}

const FALLBACK_AFTER_LOAD_MS = 3000;

function afterLoad(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

/**
 * Runs `task` once the page's first content is shown (or a few seconds after load) and the main
 * thread is idle; returns a cancel.
 */
export function whenIdle(task: () => void): () => void {
  let cancelled = false;
  let cancelIdle = () => {};
  const fallback = afterLoad().then(() => new Promise<void>((resolve) => setTimeout(resolve, FALLBACK_AFTER_LOAD_MS)));
  void Promise.race([contentShown, fallback]).then(() => {
    if (cancelled) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(task, { timeout: 2000 });
      cancelIdle = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(task, 50);
      cancelIdle = () => clearTimeout(id);
    }
  });
  return () => {
    cancelled = true;
    cancelIdle();
  };
}

/**
 * A chunk loaded at most once: `load()` starts (or joins) the import, `loaded` says whether it has
 * arrived, so a control whose code is already here renders it at once instead of after idle.
 */
export function deferredModule<T>(importer: () => Promise<T>): { load: () => Promise<T>; readonly loaded: boolean } {
  let promise: Promise<T> | null = null;
  let loaded = false;
  return {
    load: () =>
      (promise ??= importer().then((module) => {
        loaded = true;
        return module;
      })),
    get loaded() {
      return loaded;
    },
  };
}
