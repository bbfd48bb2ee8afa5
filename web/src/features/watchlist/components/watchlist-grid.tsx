import type { Title } from '@marquee/contracts';
import { ErrorState } from '../../../components/ui/error-state';
import { TitleGrid, TitleGridSkeleton } from '../../../components/ui/title-grid';
import { useWatchlist } from '../api/get-watchlist';
import { WatchlistToggle } from './watchlist-toggle';

/** The My List page body: every title with its own "Remove from My List". */
export function WatchlistGrid({ onIntent }: { onIntent?: (title: Title) => void }) {
  const list = useWatchlist();
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
          <p className="page-subtitle">
            {list.data.total_results} {list.data.total_results === 1 ? 'title' : 'titles'}
          </p>
          <TitleGrid titles={list.data.results} onIntent={onIntent} label="My List" renderActions={(title) => <WatchlistToggle title={title} variant="compact" />} />
        </>
      )}
    </section>
  );
}
