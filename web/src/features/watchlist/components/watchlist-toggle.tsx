import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Title } from '@marquee/contracts';
import { deferredModule, whenIdle } from '../../../lib/when-idle';
import { isInWatchlist, useWatchlist } from '../api/get-watchlist';
import type { ToggleWatchlist } from './watchlist-mutations';

// The requests behind the button are not needed to show it: their code (with TanStack Query's
// mutation observer) comes once the page is idle, or as soon as a pointer or focus reaches a toggle.
const mutations = deferredModule(() => import('./watchlist-mutations'));
const WatchlistMutations = lazy(mutations.load);

/** Starts loading the toggle's request code (also done on idle); resolves once it is here. */
export const preloadWatchlistToggle = (): Promise<unknown> => mutations.load();

interface WatchlistToggleProps {
  title: Title;
  variant?: 'primary' | 'secondary' | 'compact';
}

/**
 * "Add to My List" / "Remove from My List". The label flips at once (optimistic); if the server
 * refuses, the list rolls back and an alert says so. A click that comes before the request code has
 * arrived flips the label all the same and is sent as soon as the code is here.
 */
export function WatchlistToggle({ title, variant = 'secondary' }: WatchlistToggleProps) {
  const list = useWatchlist();
  const [failure, setFailure] = useState<string | null>(null);
  const [wanted, setWanted] = useState(mutations.loaded);
  /** The list state a click saw while the code was still on its way (shown flipped until it settles). */
  const [queued, setQueued] = useState<boolean | null>(null);
  const queuedRef = useRef<boolean | null>(null);
  const toggleRef = useRef<ToggleWatchlist | null>(null);
  const inList = queued === null ? isInWatchlist(list.data, title) : !queued;

  useEffect(() => (wanted ? undefined : whenIdle(() => setWanted(true))), [wanted]);

  useEffect(() => {
    if (!failure) return;
    const timer = setTimeout(() => setFailure(null), 6000);
    return () => clearTimeout(timer);
  }, [failure]);

  const onReady = useCallback((toggle: ToggleWatchlist | null) => {
    toggleRef.current = toggle;
    const pending = queuedRef.current;
    if (toggle && pending !== null) {
      queuedRef.current = null;
      toggle(pending, () => setQueued(null));
    }
  }, []);

  const toggle = () => {
    setFailure(null);
    if (toggleRef.current) {
      // From here the label follows the list (updated optimistically), not an earlier queued click.
      setQueued(null);
      toggleRef.current(inList);
      return;
    }
    // A second click before the code has come takes the first one back.
    const next = queuedRef.current === null ? inList : null;
    queuedRef.current = next;
    setQueued(next);
    setWanted(true);
  };

  const want = () => setWanted(true);

  return (
    <>
      <button
        type="button"
        className={`btn btn--${variant === 'primary' ? 'primary' : 'secondary'}${variant === 'compact' ? ' btn--small' : ''}`}
        onClick={toggle}
        onPointerEnter={want}
        onFocus={want}
        disabled={list.isPending}
      >
        <span aria-hidden="true">{inList ? '✓' : '+'}</span> {inList ? 'Remove from My List' : 'Add to My List'}
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <WatchlistMutations title={title} onReady={onReady} onFailure={setFailure} />
        </Suspense>
      )}
      {failure && (
        <p className="toast" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
