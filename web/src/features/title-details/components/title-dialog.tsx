import { useId, useState, type ReactNode } from 'react';
import type { MediaType, TitleDetails } from '@marquee/contracts';
import { Artwork } from '../../../components/ui/artwork';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorState } from '../../../components/ui/error-state';
import { ApiError } from '../../../lib/api-client';
import { formatRating, formatRuntime, yearOf } from '../../../lib/format';
import { useTitleDetails } from '../api/get-title-details';

interface TitleDialogProps {
  mediaType: MediaType;
  id: number;
  onClose: () => void;
  /** Start with the trailer playing (the hero's "Play trailer"). */
  autoplay?: boolean;
  /** Extra actions for the title (My List, thumbs), composed by the route. */
  renderActions?: (title: TitleDetails) => ReactNode;
  /** What follows the overview (credits, episodes, more like this, where to watch), composed by the route. */
  renderSections?: (title: TitleDetails) => ReactNode;
}

/** The detail dialog: backdrop, facts, overview, trailer and actions, named by the title. */
export function TitleDialog({ mediaType, id, onClose, autoplay = false, renderActions, renderSections }: TitleDialogProps) {
  const details = useTitleDetails(mediaType, id);
  const headingId = useId();
  const [playing, setPlaying] = useState(autoplay);
  const title = details.data;

  const closeButton = (
    <button type="button" className="dialog__close" onClick={onClose} aria-label="Close" data-autofocus="">
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      </svg>
    </button>
  );

  if (!title) {
    const notFound = details.error instanceof ApiError && details.error.status === 404;
    // Above the profile's maturity limit (e.g. a deep link opened on a kids profile): not an error.
    if (details.error instanceof ApiError && details.error.code === 'MATURITY_RESTRICTED') {
      return (
        <Dialog label="Not available on this profile" onClose={onClose} className="dialog--small">
          {closeButton}
          <div className="unavailable" role="alert">
            <svg className="unavailable__icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
              <circle cx="24" cy="24" r="20" fill="none" stroke="currentColor" strokeWidth="3" />
              <path d="M10 38L38 10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
            </svg>
            <p className="unavailable__title">Not available on this profile</p>
            <p className="unavailable__text">This title is above the maturity level set for this profile.</p>
          </div>
        </Dialog>
      );
    }
    return (
      <Dialog label={details.isError ? 'Title unavailable' : 'Loading title'} busy={details.isPending} onClose={onClose} className="dialog--title">
        {closeButton}
        <div className="details">
          <div className="details__media skeleton" />
          <div className="details__body">
            {details.isError ? (
              <ErrorState
                message={notFound ? 'This title could not be found.' : 'Couldn’t load this title.'}
                onRetry={notFound ? undefined : () => void details.refetch()}
              />
            ) : (
              <>
                <div className="skeleton skeleton--text skeleton--title" />
                <div className="skeleton skeleton--text" />
                <div className="skeleton skeleton--text skeleton--short" />
              </>
            )}
          </div>
        </div>
      </Dialog>
    );
  }

  const year = yearOf(title.release_date);
  const rating = formatRating(title.vote_average);
  const runtime = formatRuntime(title.runtime);
  return (
    <Dialog labelledBy={headingId} onClose={onClose} className="dialog--title">
      {closeButton}
      <div className="details">
        <div className="details__media">
          {playing && title.trailer_url ? (
            <iframe
              className="details__trailer"
              src={`${title.trailer_url}?autoplay=1&rel=0`}
              title={`Trailer: ${title.title}`}
              allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
              allowFullScreen
              referrerPolicy="strict-origin-when-cross-origin"
            />
          ) : (
            <Artwork kind="backdrop" url={title.backdrop_url} sizes="(min-width: 960px) 900px, 100vw" priority />
          )}
        </div>
        <div className="details__body">
          <h2 id={headingId} className="details__title">
            {title.title}
          </h2>
          {title.tagline && <p className="details__tagline">{title.tagline}</p>}
          <dl className="details__facts">
            {year && (
              <div>
                <dt>Year</dt>
                <dd>{year}</dd>
              </div>
            )}
            {rating && (
              <div>
                <dt>Rating</dt>
                <dd className="rating">★ {rating}</dd>
              </div>
            )}
            {runtime && (
              <div>
                <dt>Runtime</dt>
                <dd>{runtime}</dd>
              </div>
            )}
            {title.certification && (
              <div>
                <dt>Rated</dt>
                <dd className="certification">{title.certification}</dd>
              </div>
            )}
            <div>
              <dt>Type</dt>
              <dd>{title.media_type === 'tv' ? 'Series' : 'Film'}</dd>
            </div>
          </dl>
          <div className="details__actions">
            {title.trailer_url && !playing && (
              <button type="button" className="btn btn--primary" onClick={() => setPlaying(true)}>
                <span aria-hidden="true">▶</span> Play trailer
              </button>
            )}
            {renderActions?.(title)}
          </div>
          <p className="details__overview">{title.overview || 'No overview yet.'}</p>
          {title.genres.length > 0 && (
            <p className="details__genres">
              <span className="details__label">Genres: </span>
              {title.genres.map((genre) => genre.name).join(', ')}
            </p>
          )}
          {renderSections?.(title)}
        </div>
      </div>
    </Dialog>
  );
}
