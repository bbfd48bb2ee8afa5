import { lazy, Suspense } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import type { Title } from '@marquee/contracts';
import type { DialogLocationState } from '../../components/ui/title-card';
import { TitleDialog } from '../../features/title-details/components/title-dialog';
import { RatingButtons } from '../../features/discovery/components/rating-buttons';
import { WatchlistToggle } from '../../features/watchlist/components/watchlist-toggle';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { titleDetailsQuery, useTitleDetails } from '../../features/title-details/api/get-title-details';
import { catalogLevel } from '../../lib/maturity-level';

// Below the overview: its own chunk, fetched once the dialog has painted its title.
const DiscoverySections = lazy(() => import('../../features/discovery/components/discovery-sections'));

/** A card about to be opened (hover or focus): its details, fetched ahead of the click. */
export function prefetchTitle(queryClient: QueryClient, title: Pick<Title, 'media_type' | 'id'>): void {
  const { level, ready } = catalogLevel();
  if (ready) void queryClient.prefetchQuery(titleDetailsQuery(level, title.media_type, title.id));
}

/**
 * `/title/{media_type}/{id}`: the detail dialog. Closing goes back to the page beneath (one step
 * back in history when the app opened it, so Back does not reopen it); a deep link closes to browse.
 */
export default function TitleDialogRoute() {
  const params = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as DialogLocationState | null;
  const mediaType = params.mediaType === 'movie' || params.mediaType === 'tv' ? params.mediaType : null;
  const id = Number(params.id);
  const valid = mediaType !== null && Number.isInteger(id) && id > 0;

  const close = () => {
    const background = state?.background;
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (background && index > 0) navigate(-1);
    else if (background) navigate(`${background.pathname}${background.search}`, { replace: true });
    else navigate(paths.home, { replace: true });
  };

  if (!valid) return <Navigate to={paths.home} replace />;
  return (
    <>
      <DocumentTitle mediaType={mediaType} id={id} />
      <TitleDialog key={`${mediaType}-${id}`} mediaType={mediaType} id={id} autoplay={state?.autoplay ?? false} onClose={close} renderActions={(title) => (
          <>
            <WatchlistToggle title={title} />
            <RatingButtons title={title} />
          </>
        )}
        renderSections={(title) => (
          <Suspense fallback={null}>
            <DiscoverySections title={title} />
          </Suspense>
        )}
      />
    </>
  );
}

function DocumentTitle({ mediaType, id }: { mediaType: 'movie' | 'tv'; id: number }) {
  const details = useTitleDetails(mediaType, id);
  useDocumentTitle(details.data?.title ?? null);
  return null;
}
