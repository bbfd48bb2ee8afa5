/**
 * Waiting for the page shell to be seen. The server paints the featured title's backdrop into the
 * shell; the app's code replaces the shell on its first render. On a slow phone that code takes
 * hundreds of milliseconds to run, and a browser that has the code at hand runs it before it
 * shows a frame — so the hero the server sent would never be seen. The entry module waits here
 * before it fetches the app, which also leaves the backdrop the whole connection while it loads.
 */

/** The longest the app waits for the shell's backdrop before starting anyway. */
export const SHELL_PAINT_CAP_MS = 300;

/** Resolves after the next frame has been painted. */
function nextFrame(): Promise<void> {
  // A rAF callback runs just before a frame is painted; a task queued from it runs just after.
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Resolves when the browser reports the backdrop on screen: through Element Timing (the server names
 * the image with `elementtiming`) where the browser has it, else a frame after the image loaded.
 */
function presented(image: HTMLImageElement): Promise<void> {
  const name = image.getAttribute('elementtiming');
  if (!name || !PerformanceObserver.supportedEntryTypes?.includes('element')) {
    const loaded = image.complete ? Promise.resolve() : new Promise<void>((resolve) => {
      image.addEventListener('load', () => resolve(), { once: true });
      image.addEventListener('error', () => resolve(), { once: true });
    });
    return loaded.then(nextFrame);
  }
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => (entry as PerformanceEntry & { identifier?: string }).identifier === name)) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe({ type: 'element', buffered: true });
    image.addEventListener('error', () => {
      observer.disconnect();
      resolve();
    }, { once: true });
  });
}

/**
 * Resolves once the shell's backdrop (if it has one) is on screen, or after `capMs`, whichever
 * comes first: a slow image never holds the app back for long.
 */
export function shellPainted(doc: Document = document, capMs = SHELL_PAINT_CAP_MS): Promise<void> {
  const backdrop = doc.querySelector<HTMLImageElement>('.boot__backdrop');
  const painted = backdrop ? presented(backdrop) : nextFrame();
  const cap = new Promise<void>((resolve) => setTimeout(resolve, capMs));
  return Promise.race([painted, cap]);
}
