import { useEffect, useRef } from 'react';

interface LoadMoreProps {
  /** Whether there is anything left to load; without it nothing is shown. */
  hasMore: boolean;
  /** A page is being fetched: the button waits, the sentinel asks for nothing more. */
  loading: boolean;
  onLoadMore: () => void;
  /** How many items the list shows: each growth re-arms the automatic loading. */
  shown: number;
}

/** How far below the viewport the next page starts loading, so scrolling rarely meets the end. */
const AHEAD = '0px 0px 1200px 0px';

/**
 * The end of a growing list: the next page loads by itself as the end scrolls into reach, and a
 * "Load more" button does the same for a keyboard, a screen reader, or a browser without
 * IntersectionObserver.
 */
export function LoadMore({ hasMore, loading, onLoadMore, shown }: LoadMoreProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(onLoadMore);
  useEffect(() => {
    latest.current = onLoadMore;
  });

  // One observer per state of the list while it is idle. A new observer reports the sentinel's state
  // at once, so a page that arrived without filling the screen asks for the next one straight away;
  // otherwise it waits for the sentinel to come into reach. It asks once; the list's growth makes the
  // next one. While a page loads there is no observer at all, so nothing asks twice.
  useEffect(() => {
    const element = sentinel.current;
    if (!hasMore || loading || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        latest.current();
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loading, shown]);

  if (!hasMore) return null;
  return (
    <div className="load-more" ref={sentinel}>
      <button type="button" className="btn btn--secondary" onClick={() => loading || onLoadMore()} aria-disabled={loading || undefined} aria-busy={loading || undefined}>
        Load more
      </button>
    </div>
  );
}
