import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { MenuItem } from './menu-button';

interface MenuPopupProps {
  id: string;
  /** Accessible name of the menu (the button's). */
  label: string;
  items: MenuItem[];
  header?: ReactNode;
  focusIndex: number;
  setFocusIndex: (update: (index: number) => number) => void;
  /** Closes the menu; `returnFocus` puts focus back on the button. */
  close: (returnFocus: boolean) => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/**
 * The open menu of a `MenuButton`: its items, the keyboard within it, and closing on a click
 * outside. Its own chunk: no page needs it before the menu is first opened.
 */
export default function MenuPopup({ id, label, items, header, focusIndex, setFocusIndex, close, buttonRef }: MenuPopupProps) {
  const menuRef = useRef<HTMLUListElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[focusIndex]?.focus();
  }, [focusIndex]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popupRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [close, buttonRef]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = items.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        setFocusIndex((i) => (i >= last ? 0 : i + 1));
        break;
      case 'ArrowUp':
        setFocusIndex((i) => (i <= 0 ? last : i - 1));
        break;
      case 'Home':
        setFocusIndex(() => 0);
        break;
      case 'End':
        setFocusIndex(() => last);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  const select = (item: MenuItem) => {
    close(true);
    item.onSelect();
  };

  return (
    <div ref={popupRef} className="menu__popup">
      <ul id={id} ref={menuRef} role="menu" aria-label={label} className="menu__list" onKeyDown={onMenuKeyDown}>
        {header && (
          <li role="none" className="menu__header">
            {header}
          </li>
        )}
        {items.map((item, index) => (
          <li key={item.label} role="none">
            <button type="button" role="menuitem" tabIndex={index === focusIndex ? 0 : -1} className="menu__item" onClick={() => select(item)}>
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
