import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHELL_PAINT_CAP_MS, shellPainted } from './shell-paint';

/** A page shell with (or without) the server's backdrop image. */
function shell(backdrop: boolean): Document {
  const doc = document.implementation.createHTMLDocument('shell');
  doc.body.innerHTML = `<div id="root"><div class="boot">${backdrop ? '<img class="boot__backdrop" src="/b.svg" elementtiming="shell-backdrop">' : ''}</div></div>`;
  return doc;
}

/** Records whether a promise has settled yet. */
function track(promise: Promise<void>) {
  const state = { done: false };
  void promise.then(() => {
    state.done = true;
  });
  return state;
}

/** A PerformanceObserver that supports Element Timing and lets the test report entries. */
function fakeElementTiming() {
  const observers: Array<(names: string[]) => void> = [];
  class FakeObserver {
    static supportedEntryTypes = ['element', 'largest-contentful-paint'];
    private readonly callback: PerformanceObserverCallback;
    constructor(callback: PerformanceObserverCallback) {
      this.callback = callback;
    }
    observe() {
      observers.push((names) => this.callback({ getEntries: () => names.map((identifier) => ({ identifier })) } as unknown as PerformanceObserverEntryList, this as unknown as PerformanceObserver));
    }
    disconnect() {}
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return { report: (...names: string[]) => observers.forEach((notify) => notify(names)) };
}

describe('shellPainted', () => {
  // Globals stubbed here are restored by src/test/setup.ts.
  afterEach(() => vi.useRealTimers());

  it('waits until the browser reports the shell’s backdrop on screen', async () => {
    vi.useFakeTimers();
    const timing = fakeElementTiming();
    const painted = track(shellPainted(shell(true)));

    await vi.advanceTimersByTimeAsync(50);
    timing.report('some-other-image');
    await vi.advanceTimersByTimeAsync(0);
    expect(painted.done).toBe(false);

    timing.report('shell-backdrop');
    await vi.advanceTimersByTimeAsync(0);
    expect(painted.done).toBe(true);
  });

  it('never holds the app back longer than the cap, even if the backdrop never shows', async () => {
    vi.useFakeTimers();
    fakeElementTiming();
    const painted = track(shellPainted(shell(true)));

    await vi.advanceTimersByTimeAsync(SHELL_PAINT_CAP_MS - 1);
    expect(painted.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(painted.done).toBe(true);
  });

  it('a broken backdrop does not wait for the cap', async () => {
    vi.useFakeTimers();
    fakeElementTiming();
    const doc = shell(true);
    const painted = track(shellPainted(doc));

    doc.querySelector('img')?.dispatchEvent(new Event('error'));
    await vi.advanceTimersByTimeAsync(0);
    expect(painted.done).toBe(true);
  });

  it('a shell without a backdrop only waits for the next frame', async () => {
    vi.useFakeTimers();
    const painted = track(shellPainted(shell(false)));

    await vi.advanceTimersByTimeAsync(20);
    expect(painted.done).toBe(true);
  });
});
