import type { Title } from '@marquee/contracts';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadMore } from '../../../components/ui/load-more';
import { TitleGrid, TitleGridSkeleton } from '../../../components/ui/title-grid';
import { formatCount } from '../../../lib/format-count';
import { titlesOf, useSearch, type SearchParams } from '../api/search-titles';

interface SearchResultsProps {
  params: SearchParams;
  onIntent?: (title: Title) => void;
}

/**
 * The results of the URL's search: a list of cards that grows as the user scrolls (or presses
 * "Load more"), "No results", a skeleton or an alert. The count is a live `status`.
 */
export function SearchResults({ params, onIntent }: SearchResultsProps) {
  const search = useSearch(params);
  const active = params.q.trim().length > 0 || params.genre !== null;
  if (!active) {
    return <p className="empty__hint">Search by title, or pick a genre to browse it.</p>;
  }
  const settled = search.data && !search.isPlaceholderData;
  const total = search.data?.pages[0]?.total_results ?? 0;
  // A genre page lists titles; a text search finds results.
  const count = params.q.trim() ? formatCount(total, 'result') : formatCount(total, 'title');
  const titles = search.data ? titlesOf(search.data.pages) : [];
  return (
    <div className="search-results" aria-busy={search.isPending || search.isPlaceholderData}>
      <p className="page-subtitle" role="status">
        {settled && total > 0 ? count : ''}
      </p>
      {search.isPending ? (
        <TitleGridSkeleton />
      ) : search.isError && !search.data ? (
        <ErrorState message="Couldn’t load search results." onRetry={() => void search.refetch()} />
      ) : search.data.pages[0]?.results.length === 0 && !search.hasNextPage ? (
        <div className="empty">
          <p className="empty__title">No results</p>
          <p className="empty__hint">Try another word or genre.</p>
        </div>
      ) : (
        <>
          <TitleGrid titles={titles} onIntent={onIntent} label="Search results" />
          {search.isFetchNextPageError ? (
            <ErrorState message="Couldn’t load more results." onRetry={() => void search.fetchNextPage()} />
          ) : (
            <LoadMore
              hasMore={!!search.hasNextPage && !search.isPlaceholderData}
              loading={search.isFetchingNextPage}
              shown={search.data.pages.length}
              onLoadMore={() => void search.fetchNextPage()}
            />
          )}
        </>
      )}
    </div>
  );
}
