import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { deferredModule, whenIdle } from '../../lib/when-idle';

export interface MenuItem {
  label: string;
  onSelect: () => void;
}

// The open menu is not part of any first paint: its code comes once the page is idle, or as soon
// as a pointer or focus reaches the button. A click or key before then opens the menu all the
// same (the button says so at once); its items show as soon as the code is here.
const popup = deferredModule(() => import('./menu-popup'));
const MenuPopup = lazy(popup.load);

interface MenuButtonProps {
  /** Accessible name of the button. */
  label: string;
  /** What the button shows (e.g. an avatar); the name stays `label`. */
  children: ReactNode;
  items: MenuItem[];
  /** Shown at the top of the open menu (e.g. whose account it is); not an item. */
  header?: ReactNode;
}

/**
 * A menu button per the WAI-ARIA pattern: Enter/Space/Down open it on the first item, Up on the
 * last; arrows, Home and End move; Esc closes and returns focus to the button; Tab or a click
 * outside closes it.
 */
export function MenuButton({ label, children, items, header }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => (popup.loaded ? undefined : whenIdle(() => void popup.load())), []);

  const openAt = (index: number) => {
    setFocusIndex(index);
    setOpen(true);
  };
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(items.length - 1);
    }
  };

  const preload = () => void popup.load();

  return (
    <div className="menu">
      <button
        ref={buttonRef}
        type="button"
        className="menu__button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
        onPointerEnter={preload}
        onFocus={preload}
      >
        {children}
      </button>
      {open && (
        <Suspense fallback={null}>
          <MenuPopup id={menuId} label={label} items={items} header={header} focusIndex={focusIndex} setFocusIndex={setFocusIndex} close={close} buttonRef={buttonRef} />
        </Suspense>
      )}
    </div>
  );
}
