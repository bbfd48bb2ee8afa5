import { lazy, Suspense, useEffect, useState, type MouseEvent } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import type { TitleDetails } from '@marquee/contracts';
import type { DialogLocationState } from '../../components/ui/title-card';
import { ErrorState } from '../../components/ui/error-state';
import { Hero } from '../../features/catalog/components/hero';
import { GenreRow, PopularRow, TrendingRow } from '../../features/catalog/components/catalog-rows';
import { genresQuery, useGenres } from '../../features/catalog/api/get-genres';
import { genreTitlesQuery } from '../../features/catalog/api/get-genre-titles';
import { popularQuery } from '../../features/catalog/api/get-popular';
import { trendingQuery } from '../../features/catalog/api/get-trending';
import { WatchlistRow } from '../../features/watchlist/components/watchlist-row';
import { WatchlistToggle } from '../../features/watchlist/components/watchlist-toggle';
import { rememberOpener } from '../../lib/focus-return';
import { catalogLevel } from '../../lib/maturity-level';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { whenIdle } from '../../lib/when-idle';
import { useTitleIntent } from './use-title-intent';

// The rows made for the profile come after the first rows: their code (and their request) start
// once the first row is on screen and the page is idle, not as part of the first load.
const PersonalRows = lazy(() => import('../../features/discovery/components/personal-rows'));

/** Genre rows under Popular and Trending, by TMDB genre id; names come from `/api/genres`. */
const GENRE_ROWS = [28, 35, 878, 27, 18, 53, 16];

/**
 * Starts the page's catalog requests (public, so they need no session) while the session is still
 * being restored, one task apart: each request costs the main thread a little to start, and a
 * phone stays responsive between them. The rows then find their queries already in flight.
 */
export async function prefetchBrowse(queryClient: QueryClient): Promise<void> {
  // Without a token the server answers at `all`: a profile with a lower limit (as the page shell
  // was made for) has its rows fetched once the session is restored, never from this answer.
  const { level, ready } = catalogLevel();
  const atLevel: Array<() => Promise<void>> = ready
    ? [() => queryClient.prefetchQuery(popularQuery(level)), () => queryClient.prefetchQuery(trendingQuery(level, 'week'))]
    : [];
  const prefetches: Array<() => Promise<void>> = [
    ...atLevel,
    () => queryClient.prefetchQuery(genresQuery),
    ...(ready ? GENRE_ROWS.map((id) => () => queryClient.prefetchQuery(genreTitlesQuery(level, id))) : []),
  ];
  for (const prefetch of prefetches) {
    void prefetch();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** `/`: the hero, then rows of posters. */
export default function BrowsePage() {
  useDocumentTitle(null);
  const navigate = useNavigate();
  const location = useLocation();
  const genres = useGenres();
  const onIntent = useTitleIntent();
  const [personalRows, setPersonalRows] = useState(false);
  useEffect(() => whenIdle(() => setPersonalRows(true)), []);

  /** Opens the featured title's dialog over browse (with its trailer playing, for "Play trailer"). */
  const openDialog = (title: TitleDetails, autoplay: boolean) => (event: MouseEvent<HTMLButtonElement>) => {
    rememberOpener(event.currentTarget);
    const state: DialogLocationState = autoplay ? { background: location, autoplay } : { background: location };
    navigate(paths.title(title.media_type, title.id), { state });
  };

  return (
    <div className="browse">
      <Hero
        renderActions={(title) => (
          <>
            {title.trailer_url && (
              <button type="button" className="btn btn--primary" onClick={openDialog(title, true)}>
                <span aria-hidden="true">▶</span> Play trailer
              </button>
            )}
            <WatchlistToggle title={title} variant={title.trailer_url ? 'secondary' : 'primary'} />
            <button type="button" className="btn btn--secondary" onClick={openDialog(title, false)} onMouseEnter={() => onIntent(title)} onFocus={() => onIntent(title)}>
              <InfoIcon /> More info
            </button>
          </>
        )}
      />
      <div className="rows">
        <PopularRow onIntent={onIntent} />
        <TrendingRow onIntent={onIntent} />
        {personalRows && (
          <Suspense fallback={null}>
            <PersonalRows onIntent={onIntent} />
          </Suspense>
        )}
        <WatchlistRow onIntent={onIntent} />
        {genres.isError && !genres.data ? (
          <ErrorState message="Couldn’t load the genres." onRetry={() => void genres.refetch()} />
        ) : genres.data ? (
          GENRE_ROWS.map((id) => {
            const genre = genres.data.genres.find((g) => g.id === id);
            return genre ? <GenreRow key={id} genreId={id} name={genre.name} onIntent={onIntent} /> : null;
          })
        ) : (
          <div className="row skeleton-row" aria-busy="true" aria-label="Loading genres" role="status" />
        )}
      </div>
    </div>
  );
}

function InfoIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 11v6M12 7.2v.1" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}
