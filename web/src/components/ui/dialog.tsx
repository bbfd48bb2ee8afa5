import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { takeOpener } from '../../lib/focus-return';

interface DialogProps {
  /** Id of the element that names the dialog (the title's heading). */
  labelledBy?: string;
  /** Name used while there is no heading yet (loading). */
  label?: string;
  busy?: boolean;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, iframe, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` makes the page beneath inert and
 * puts it in the top layer; Tab is also wrapped by hand, so focus never leaves for the browser's
 * toolbar. Esc closes through `onClose` (the route decides where to go), and focus goes back to the
 * element that opened it.
 *
 * It is open for as long as it is mounted: the route mounts it to open it and unmounts it to close
 * it. The effects below are idempotent, because React runs them twice (effect, cleanup, effect) in
 * development: each cleanup undoes only what its own effect did, and nothing is left to an event
 * that could outlive the effect that caused it.
 */
export function Dialog({ labelledBy, label, busy, onClose, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  // Taken once per dialog (refs survive React's development re-run of the effects; the opener record does not).
  const opener = useRef<HTMLElement | null | undefined>(undefined);

  // Open. No close() in the cleanup: a close() queues a `close` event, which would reach the
  // listener of the effect's development re-run and close the dialog the moment it opened.
  // Unmounting removes the element, which takes it out of the top layer just the same.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);

  // A close the app did not ask for (e.g. the browser forcing Esc) still goes through the route.
  // The app never closes the element itself, so every `close` event is one of those.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onNativeClose = () => onCloseRef.current();
    dialog.addEventListener('close', onNativeClose);
    return () => dialog.removeEventListener('close', onNativeClose);
  }, []);

  // The page beneath leaves the accessibility tree too, not only the tab order: a screen reader's
  // virtual cursor (and a query by role) then finds one "Add to My List", the dialog's.
  useEffect(() => {
    const app = document.getElementById('root');
    if (!app) return;
    const undo = [setAttribute(app, 'aria-hidden', 'true'), setAttribute(app, 'inert', ''), addClass(document.documentElement, 'has-dialog')];
    return () => undo.forEach((restore) => restore());
  }, []);

  // Focus moves in, and goes back to the opener when the dialog goes.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (opener.current === undefined) opener.current = takeOpener();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog;
    first.focus({ preventScroll: true });
    return () => {
      const back = opener.current;
      if (back?.isConnected) back.focus({ preventScroll: true });
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length > 0);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : label}
      aria-busy={busy || undefined}
      aria-modal="true"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        if (event.target === ref.current) onCloseRef.current();
      }}
    >
      {children}
    </dialog>,
    document.body,
  );
}

/** Sets an attribute; returns how to put back what was there before. */
function setAttribute(element: Element, name: string, value: string): () => void {
  const before = element.getAttribute(name);
  element.setAttribute(name, value);
  return () => (before === null ? element.removeAttribute(name) : element.setAttribute(name, before));
}

/** Adds a class; returns how to take it away again, unless it was there before. */
function addClass(element: Element, name: string): () => void {
  if (element.classList.contains(name)) return () => {};
  element.classList.add(name);
  return () => element.classList.remove(name);
}
