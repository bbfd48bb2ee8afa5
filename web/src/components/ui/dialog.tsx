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
 */
export function Dialog({ labelledBy, label, busy, onClose, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = takeOpener();
    // The page beneath leaves the accessibility tree too, not only the tab order: a screen reader's
    // virtual cursor (and a query by role) then finds one "Add to My List", the dialog's.
    const app = document.getElementById('root');
    app?.setAttribute('aria-hidden', 'true');
    app?.setAttribute('inert', '');
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog;
    first.focus({ preventScroll: true });
    document.documentElement.classList.add('has-dialog');
    // A close the app did not ask for (e.g. the browser forcing Esc) still goes through the route.
    const onNativeClose = () => onCloseRef.current();
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      document.documentElement.classList.remove('has-dialog');
      app?.removeAttribute('aria-hidden');
      app?.removeAttribute('inert');
      if (opener?.isConnected) opener.focus({ preventScroll: true });
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
