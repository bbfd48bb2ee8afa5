import { useEffect } from 'react';
import type { Title } from '@marquee/contracts';
import { useAddToWatchlist } from '../api/add-to-watchlist';
import { useRemoveFromWatchlist } from '../api/remove-from-watchlist';

/** Adds the title when it is not in the list, removes it when it is; `settled` runs once the server has answered. */
export type ToggleWatchlist = (inList: boolean, settled?: () => void) => void;

interface WatchlistMutationsProps {
  title: Title;
  /** Receives the toggle once this code has loaded (and `null` when it unmounts). */
  onReady: (toggle: ToggleWatchlist | null) => void;
  onFailure: (message: string) => void;
}

/**
 * The My List toggle's requests: the optimistic add and remove mutations. Renders nothing; its own
 * chunk, so the button itself (and the page's first rows) do not wait for this code.
 */
export default function WatchlistMutations({ title, onReady, onFailure }: WatchlistMutationsProps) {
  const { mutate: add } = useAddToWatchlist();
  const { mutate: remove } = useRemoveFromWatchlist();

  useEffect(() => {
    onReady((inList, settled) => {
      if (inList) {
        remove(title, { onError: () => onFailure(`Couldn’t remove ${title.title} from My List.`), onSettled: settled });
      } else {
        add(title, {
          onError: (error) =>
            onFailure('code' in error && error.code === 'WATCHLIST_FULL' ? 'My List is full (1,000 titles).' : `Couldn’t add ${title.title} to My List.`),
          onSettled: settled,
        });
      }
    });
    return () => onReady(null);
  }, [title, add, remove, onReady, onFailure]);

  return null;
}
