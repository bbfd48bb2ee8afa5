import { useId, type ReactNode } from 'react';
import type { TitleDetails } from '@marquee/contracts';
import { Artwork } from '../../../components/ui/artwork';
import { ErrorState } from '../../../components/ui/error-state';
import { formatRating, yearOf } from '../../../lib/format';
import { useFeatured } from '../api/get-featured';

interface HeroProps {
  /** Buttons for the featured title (trailer, My List), composed by the page. */
  renderActions: (title: TitleDetails) => ReactNode;
}

/**
 * The full-bleed hero: the featured title's backdrop under a gradient, its name, a short overview
 * and actions. The region is named after the title.
 */
export function Hero({ renderActions }: HeroProps) {
  const featured = useFeatured();
  const headingId = useId();

  if (featured.isError && !featured.data) {
    return (
      <section className="hero hero--empty" aria-label="Featured">
        <ErrorState message="Couldn’t load the featured title." onRetry={() => void featured.refetch()} />
      </section>
    );
  }
  const title = featured.data;
  if (!title) {
    return (
      <section className="hero" aria-label="Featured" aria-busy="true">
        <div className="hero__media skeleton" />
        <div className="hero__content">
          <div className="skeleton skeleton--text skeleton--title" />
          <div className="skeleton skeleton--text" />
          <div className="skeleton skeleton--text skeleton--short" />
        </div>
      </section>
    );
  }
  const year = yearOf(title.release_date);
  const rating = formatRating(title.vote_average);
  return (
    <section className="hero" aria-labelledby={headingId}>
      <div className="hero__media">
        <Artwork kind="backdrop" url={title.backdrop_url} sizes="100vw" priority />
      </div>
      <div className="hero__content">
        {title.tagline && <p className="hero__kicker">{title.tagline}</p>}
        <h1 id={headingId} className="hero__title">
          {title.title}
        </h1>
        <p className="hero__meta">
          {year && <span>{year}</span>}
          {rating && <span className="rating">★ {rating}</span>}
          {title.genres.slice(0, 3).map((genre) => (
            <span key={genre.id}>{genre.name}</span>
          ))}
        </p>
        <p className="hero__overview">{title.overview}</p>
        <div className="hero__actions">{renderActions(title)}</div>
      </div>
    </section>
  );
}
