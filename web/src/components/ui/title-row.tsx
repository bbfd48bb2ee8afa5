import { useDeferredValue, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Title } from '@marquee/contracts';
import { markContentShown } from '../../lib/when-idle';
import { TitleCard } from './title-card';
import { ErrorState } from './error-state';

interface TitleRowProps {
  heading: string;
  titles: Title[] | undefined;
  isLoading: boolean;
  error: Error | null;
  onRetry: () => void;
  onIntent?: (title: Title) => void;
  /** Extra content after the heading (e.g. a "see all" link). */
  aside?: ReactNode;
}

const SKELETON_CARDS = 8;

/**
 * A horizontal row of posters: a `region` named by its heading. One card is in the tab order at a
 * time (roving tabindex); Left/Right/Home/End move between cards, so a keyboard user crosses a row
 * with one Tab instead of twenty. The scroll buttons are for pointers only.
 */
export function TitleRow({ heading, titles, isLoading, error, onRetry, onIntent, aside }: TitleRowProps) {
  const headingId = useId();
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const cards = () => Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-card]') ?? []);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = cards();
    const current = all.indexOf(document.activeElement as HTMLElement);
    if (current < 0) return;
    let next = current;
    if (event.key === 'ArrowRight') next = Math.min(current + 1, all.length - 1);
    else if (event.key === 'ArrowLeft') next = Math.max(current - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    else return;
    event.preventDefault();
    setActive(next);
    const target = all[next];
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'smooth' });
  };

  const scrollBy = (direction: 1 | -1) => {
    const list = listRef.current;
    if (list) list.scrollBy({ left: direction * list.clientWidth * 0.85, behavior: 'smooth' });
  };

  // Twenty posters are built in a deferred render, which React interrupts for input and paints:
  // rows that arrive together do not hold the main thread together.
  const shown = useDeferredValue(titles);
  const busy = !shown && (isLoading || !!titles);
  // The first row of posters on screen: what the page's deferred code waits for (lib/when-idle).
  const hasCards = !!shown && shown.length > 0;
  useEffect(() => {
    if (hasCards) markContentShown();
  }, [hasCards]);
  return (
    <section className="row" aria-labelledby={headingId} aria-busy={busy}>
      <div className="row__header">
        <h2 id={headingId} className="row__title">
          {heading}
        </h2>
        {aside}
      </div>
      {error && !titles ? (
        <ErrorState message={`Couldn’t load ${heading}.`} onRetry={onRetry} />
      ) : busy ? (
        <div className="row__track">
          <div className="row__list">
            {Array.from({ length: SKELETON_CARDS }, (_, i) => (
              <div key={i} className="title-card skeleton" />
            ))}
          </div>
        </div>
      ) : (
        <div className="row__track">
          <button type="button" className="row__scroll row__scroll--left" tabIndex={-1} aria-hidden="true" onClick={() => scrollBy(-1)}>
            ‹
          </button>
          <ul className="row__list" ref={listRef} onKeyDown={onKeyDown}>
            {(shown ?? []).map((title, index) => (
              <li key={`${title.media_type}-${title.id}`}>
                <TitleCard title={title} tabIndex={index === Math.min(active, (shown?.length ?? 1) - 1) ? 0 : -1} onIntent={onIntent} onFocus={() => setActive(index)} />
              </li>
            ))}
          </ul>
          <button type="button" className="row__scroll row__scroll--right" tabIndex={-1} aria-hidden="true" onClick={() => scrollBy(1)}>
            ›
          </button>
        </div>
      )}
    </section>
  );
}
