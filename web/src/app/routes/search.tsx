import { useNavigate } from 'react-router';
import { useGenres } from '../../features/catalog/api/get-genres';
import { GenreFilter } from '../../features/search/components/genre-filter';
import { GenreSuggestion } from '../../features/search/components/genre-suggestion';
import { SearchResults } from '../../features/search/components/search-results';
import { useSearchUrl } from '../../features/search/components/use-search-params';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useTitleIntent } from './use-title-intent';

/** `/search?q=&genre=`: the URL is the search, so it can be shared and reloaded. */
export default function SearchPage() {
  const params = useSearchUrl();
  const navigate = useNavigate();
  const genres = useGenres();
  const onIntent = useTitleIntent();
  const genreName = genres.data?.genres.find((g) => g.id === params.genre)?.name;
  const heading = params.q ? `Results for “${params.q}”` : genreName ? genreName : 'Find something to watch';
  useDocumentTitle(params.q ? `${params.q} – Search` : 'Search');

  return (
    <section className="page-section search-page" aria-labelledby="search-heading">
      <div className="search-page__header">
        <h1 id="search-heading" className="page-title">
          {heading}
        </h1>
        <GenreFilter genres={genres.data?.genres} value={params.genre} onChange={(genre) => navigate(paths.search(params.q, genre), { replace: true })} />
      </div>
      {params.q && <GenreSuggestion query={params.q} genres={genres.data?.genres} current={params.genre} />}
      <SearchResults params={params} onIntent={onIntent} />
    </section>
  );
}
