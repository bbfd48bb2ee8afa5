import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberOpener } from '../../lib/focus-return';
import { Dialog } from './dialog';

/**
 * jsdom has no showModal() or close(). These behave as a browser's do where it matters here:
 * close() queues its `close` event as a task, so the event outlives the code that called it.
 */
function browserDialogs() {
  const proto = HTMLDialogElement.prototype as { showModal?: () => void; close?: () => void };
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.removeAttribute('open');
    setTimeout(() => this.dispatchEvent(new Event('close')), 0);
  };
  return () => {
    delete proto.showModal;
    delete proto.close;
  };
}

describe('Dialog (rendered under StrictMode, as every test is)', () => {
  let restore: () => void;
  let root: HTMLElement;
  let opener: HTMLButtonElement;

  beforeEach(() => {
    restore = browserDialogs();
    vi.useFakeTimers();
    root = document.createElement('div');
    root.id = 'root';
    opener = document.createElement('button');
    opener.textContent = 'Open';
    root.append(opener);
    document.body.append(root);
  });
  afterEach(() => {
    vi.useRealTimers();
    root.remove();
    document.documentElement.classList.remove('has-dialog');
    restore();
  });

  const renderDialog = (onClose = vi.fn()) => {
    const view = render(
      <Dialog label="Fight Club" onClose={onClose}>
        <button type="button" data-autofocus="">
          Close
        </button>
      </Dialog>,
    );
    return { ...view, onClose };
  };

  it('stays open: React running its effects twice in development does not close it', () => {
    opener.focus();
    rememberOpener(opener);
    const { onClose } = renderDialog();
    vi.runAllTimers();

    const dialog = screen.getByRole('dialog', { name: 'Fight Club' });
    expect(dialog).toHaveAttribute('open');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
  });

  it('makes the page beneath inert while open, and on close undoes exactly that and returns focus to the opener', () => {
    root.setAttribute('data-keep', 'yes');
    rememberOpener(opener);
    const { unmount } = renderDialog();
    expect(root).toHaveAttribute('inert');
    expect(root).toHaveAttribute('aria-hidden', 'true');
    expect(document.documentElement).toHaveClass('has-dialog');

    unmount();
    vi.runAllTimers();
    expect(root).not.toHaveAttribute('inert');
    expect(root).not.toHaveAttribute('aria-hidden');
    expect(root).toHaveAttribute('data-keep', 'yes');
    expect(document.documentElement).not.toHaveClass('has-dialog');
    expect(opener).toHaveFocus();
  });

  it('leaves alone what was there before it opened', () => {
    root.setAttribute('aria-hidden', 'false');
    document.documentElement.classList.add('has-dialog');
    const { unmount } = renderDialog();
    unmount();
    expect(root).toHaveAttribute('aria-hidden', 'false');
    expect(document.documentElement).toHaveClass('has-dialog');
  });

  it('a close the app did not ask for (the browser closing it) goes through onClose, once', () => {
    const { onClose } = renderDialog();
    (screen.getByRole('dialog', { name: 'Fight Club' }) as HTMLDialogElement).close();
    vi.runAllTimers();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
