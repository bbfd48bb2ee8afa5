import type { Title } from '@marquee/contracts';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadMore } from '../../../components/ui/load-more';
import { TitleGrid, TitleGridSkeleton } from '../../../components/ui/title-grid';
import { formatCount } from '../../../lib/format-count';
import { useHistoryEntryState } from '../../../lib/history-entry-state';
import { useWatchlist } from '../api/get-watchlist';
import { WatchlistToggle } from './watchlist-toggle';

/** Titles shown at first and added by each "Load more": the list (up to 1,000) arrives whole, its cards do not. */
export const MY_LIST_STEP = 40;

/** The My List page body: the titles, a screenful at a time, each with its own "Remove from My List". */
export function WatchlistGrid({ onIntent }: { onIntent?: (title: Title) => void }) {
  const list = useWatchlist();
  // How many are shown belongs to the history entry: Back from a title's page finds as many as were left.
  const [shown, setShown] = useHistoryEntryState('my-list-shown', MY_LIST_STEP);
  return (
    <section className="page-section" aria-labelledby="my-list-heading" aria-busy={list.isPending}>
      <h1 id="my-list-heading" className="page-title">
        My List
      </h1>
      {list.isPending ? (
        <TitleGridSkeleton />
      ) : list.isError ? (
        <ErrorState message="Couldn’t load My List." onRetry={() => void list.refetch()} />
      ) : list.data.results.length === 0 ? (
        <div className="empty">
          <p className="empty__title">Your list is empty</p>
          <p className="empty__hint">Add films and series with “Add to My List” and find them here.</p>
        </div>
      ) : (
        <>
          <p className="page-subtitle">{formatCount(list.data.total_results, 'title')}</p>
          <TitleGrid
            titles={list.data.results.slice(0, shown)}
            onIntent={onIntent}
            label="My List"
            renderActions={(title) => <WatchlistToggle title={title} variant="compact" />}
          />
          <LoadMore hasMore={shown < list.data.results.length} loading={false} shown={shown} onLoadMore={() => setShown(shown + MY_LIST_STEP)} />
        </>
      )}
    </section>
  );
}
