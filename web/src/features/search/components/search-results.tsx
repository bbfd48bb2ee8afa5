import type { Title } from '@marquee/contracts';
import { ErrorState } from '../../../components/ui/error-state';
import { TitleGrid, TitleGridSkeleton } from '../../../components/ui/title-grid';
import { useSearch, type SearchParams } from '../api/search-titles';

interface SearchResultsProps {
  params: SearchParams;
  onIntent?: (title: Title) => void;
}

/** The results of the URL's search: a list of cards, "No results", a skeleton or an alert. */
export function SearchResults({ params, onIntent }: SearchResultsProps) {
  const search = useSearch(params);
  const active = params.q.trim().length > 0 || params.genre !== null;
  if (!active) {
    return <p className="empty__hint">Search by title, or pick a genre to browse it.</p>;
  }
  return (
    <div className="search-results" aria-busy={search.isPending || search.isPlaceholderData}>
      <p className="visually-hidden" role="status">
        {search.data && !search.isPlaceholderData ? `${search.data.total_results} results` : ''}
      </p>
      {search.isPending ? (
        <TitleGridSkeleton />
      ) : search.isError ? (
        <ErrorState message="Couldn’t load search results." onRetry={() => void search.refetch()} />
      ) : search.data.results.length === 0 ? (
        <div className="empty">
          <p className="empty__title">No results</p>
          <p className="empty__hint">Try another word or genre.</p>
        </div>
      ) : (
        <TitleGrid titles={search.data.results} onIntent={onIntent} label="Search results" />
      )}
    </div>
  );
}
