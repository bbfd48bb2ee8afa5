import { useEffect, useState } from 'react';
import type { Title } from '@marquee/contracts';
import { useAddToWatchlist } from '../api/add-to-watchlist';
import { isInWatchlist, useWatchlist } from '../api/get-watchlist';
import { useRemoveFromWatchlist } from '../api/remove-from-watchlist';

interface WatchlistToggleProps {
  title: Title;
  variant?: 'primary' | 'secondary' | 'compact';
}

/**
 * "Add to My List" / "Remove from My List". The label flips at once (optimistic); if the server
 * refuses, the list rolls back and an alert says so.
 */
export function WatchlistToggle({ title, variant = 'secondary' }: WatchlistToggleProps) {
  const list = useWatchlist();
  const add = useAddToWatchlist();
  const remove = useRemoveFromWatchlist();
  const [failure, setFailure] = useState<string | null>(null);
  const inList = isInWatchlist(list.data, title);

  useEffect(() => {
    if (!failure) return;
    const timer = setTimeout(() => setFailure(null), 6000);
    return () => clearTimeout(timer);
  }, [failure]);

  const toggle = () => {
    setFailure(null);
    if (inList) {
      remove.mutate(title, { onError: () => setFailure(`Couldn’t remove ${title.title} from My List.`) });
    } else {
      add.mutate(title, {
        onError: (error) =>
          setFailure('code' in error && error.code === 'WATCHLIST_FULL' ? 'My List is full (1,000 titles).' : `Couldn’t add ${title.title} to My List.`),
      });
    }
  };

  return (
    <>
      <button type="button" className={`btn btn--${variant === 'primary' ? 'primary' : 'secondary'}${variant === 'compact' ? ' btn--small' : ''}`} onClick={toggle} disabled={list.isPending}>
        <span aria-hidden="true">{inList ? '✓' : '+'}</span> {inList ? 'Remove from My List' : 'Add to My List'}
      </button>
      {failure && (
        <p className="toast" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
