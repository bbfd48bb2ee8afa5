import { useId, useState, type MouseEvent } from 'react';
import { Link, useLocation } from 'react-router';
import type { Provider, Title, TitleDetails } from '@marquee/contracts';
import { Artwork } from '../../../components/ui/artwork';
import type { DialogLocationState } from '../../../components/ui/title-card';
import { ErrorState } from '../../../components/ui/error-state';
import { paths } from '../../../lib/paths';
import { useInView } from '../../../lib/use-in-view';
import { useCredits } from '../api/get-credits';
import { useProviders } from '../api/get-providers';
import { useSeason } from '../api/get-season';
import { useSimilar } from '../api/get-similar';

/*
 * `aria-busy` marks a section only while its request runs (`isLoading`): a section not yet scrolled
 * to has asked for nothing and is not busy.
 */

/**
 * What the detail dialog shows below a title's overview: who made it and who is in it, its seasons
 * and episodes, "More like this" and "Where to watch". Loaded as its own chunk after the dialog has
 * painted; each section asks for its data when it comes near the viewport.
 */
export default function DiscoverySections({ title }: { title: TitleDetails }) {
  return (
    <div className="discovery">
      <People title={title} />
      {title.media_type === 'tv' && (title.seasons?.length ?? 0) > 0 && <Seasons title={title} />}
      <MoreLikeThis title={title} />
      <WhereToWatch title={title} />
    </div>
  );
}

const names = (people: { name: string }[]) => people.map((person) => person.name).join(', ');

/** "Cast", "Director" / "Created by" (and "Writers"), when known. */
function People({ title }: { title: TitleDetails }) {
  const [ref, inView] = useInView<HTMLDivElement>();
  const credits = useCredits(title.media_type, title.id, inView);
  const crew = credits.data?.crew ?? [];
  const directors = crew.filter((person) => person.job === 'Director');
  const creators = crew.filter((person) => person.job === 'Creator');
  const cast = credits.data?.cast.slice(0, 8) ?? [];
  const groups = [
    { label: 'Cast', people: cast },
    { label: title.media_type === 'tv' && creators.length > 0 ? 'Created by' : 'Director', people: title.media_type === 'tv' && creators.length > 0 ? creators : directors },
  ].filter((group) => group.people.length > 0);
  return (
    <div ref={ref} className="discovery__people" aria-busy={credits.isLoading}>
      {groups.length > 0 && (
        <dl className="people">
          {groups.map((group) => (
            <div key={group.label}>
              <dt>{group.label}</dt>
              <dd>{names(group.people)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** A `combobox` "Season" and the season's `list` "Episodes" when its episodes are known. */
function Seasons({ title }: { title: TitleDetails }) {
  const seasons = title.seasons ?? [];
  const [ref, inView] = useInView<HTMLElement>();
  const [chosen, setChosen] = useState<number>(seasons[0]?.season_number ?? 1);
  const season = useSeason(title.id, chosen, inView);
  const headingId = useId();
  const selectId = useId();
  const episodes = season.data?.episodes ?? [];
  const summary = seasons.find((s) => s.season_number === chosen);
  return (
    <section ref={ref} className="discovery__section seasons" aria-labelledby={headingId}>
      <div className="seasons__header">
        <h3 id={headingId} className="discovery__heading">
          Episodes
        </h3>
        <label className="visually-hidden" htmlFor={selectId}>
          Season
        </label>
        <select id={selectId} className="seasons__select" value={chosen} onChange={(event) => setChosen(Number(event.target.value))}>
          {seasons.map((s) => (
            <option key={s.season_number} value={s.season_number}>
              {s.name}
              {s.episode_count !== null ? ` (${s.episode_count} episodes)` : ''}
            </option>
          ))}
        </select>
      </div>
      {season.isError ? (
        <ErrorState message="Couldn’t load this season." onRetry={() => void season.refetch()} />
      ) : season.isPending ? (
        <div className="skeleton skeleton--text" aria-busy={season.isLoading} />
      ) : episodes.length > 0 ? (
        <ol className="episodes" aria-label="Episodes">
          {episodes.map((episode) => (
            <li key={episode.episode_number} className="episode">
              <span className="episode__number">{episode.episode_number}</span>
              <div>
                <p className="episode__name">
                  {episode.name}
                  {episode.runtime !== null && <span className="episode__runtime"> · {episode.runtime}m</span>}
                </p>
                {episode.overview && <p className="episode__overview">{episode.overview}</p>}
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="discovery__note">
          {summary?.air_date ? `${summary.name} first aired ${summary.air_date.slice(0, 4)}. ` : ''}The episode list of this season isn’t available.
        </p>
      )}
    </section>
  );
}

/** A poster that replaces the dialog's title, keeping the page beneath. */
function SimilarCard({ title }: { title: Title }) {
  const location = useLocation();
  const background = (location.state as DialogLocationState | null)?.background;
  const state: DialogLocationState = background ? { background } : {};
  return (
    <Link
      to={paths.title(title.media_type, title.id)}
      state={state}
      replace
      className="title-card"
      aria-label={title.title}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => event.currentTarget.blur()}
    >
      <Artwork kind="poster" url={title.poster_url} sizes="(min-width: 900px) 160px, 30vw" fallbackText={title.title} />
    </Link>
  );
}

/** The `region` "More like this": a grid of title cards. */
function MoreLikeThis({ title }: { title: TitleDetails }) {
  const [ref, inView] = useInView<HTMLElement>();
  const similar = useSimilar(title.media_type, title.id, inView);
  const headingId = useId();
  const results = similar.data?.results.slice(0, 12) ?? [];
  if (similar.isSuccess && results.length === 0) return null;
  return (
    <section ref={ref} className="discovery__section" aria-labelledby={headingId} aria-busy={similar.isLoading}>
      <h3 id={headingId} className="discovery__heading">
        More like this
      </h3>
      {similar.isError ? (
        <ErrorState message="Couldn’t load similar titles." onRetry={() => void similar.refetch()} />
      ) : (
        <ul className="similar">
          {similar.isSuccess
            ? results.map((item) => (
                <li key={`${item.media_type}-${item.id}`}>
                  <SimilarCard title={item} />
                </li>
              ))
            : Array.from({ length: 6 }, (_, i) => (
                <li key={i}>
                  <div className="title-card skeleton" />
                </li>
              ))}
        </ul>
      )}
    </section>
  );
}

function ProviderList({ label, providers }: { label: string; providers: Provider[] }) {
  if (providers.length === 0) return null;
  return (
    <div className="providers__group">
      <h4 className="providers__label">{label}</h4>
      <ul className="providers__list">
        {providers.map((provider) => (
          <li key={provider.id} className="provider">
            {provider.logo_url && <img src={provider.logo_url} alt="" width="28" height="28" loading="lazy" decoding="async" />}
            <span>{provider.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The `region` "Where to watch", with JustWatch's credit; not shown when there is nowhere. */
function WhereToWatch({ title }: { title: TitleDetails }) {
  const [ref, inView] = useInView<HTMLDivElement>();
  const providers = useProviders(title.media_type, title.id, inView);
  const headingId = useId();
  const data = providers.data;
  const any = data && data.flatrate.length + data.rent.length + data.buy.length > 0;
  return (
    <div ref={ref}>
      {any && (
        <section className="discovery__section providers" aria-labelledby={headingId}>
          <h3 id={headingId} className="discovery__heading">
            Where to watch
          </h3>
          <ProviderList label="Stream" providers={data.flatrate} />
          <ProviderList label="Rent" providers={data.rent} />
          <ProviderList label="Buy" providers={data.buy} />
          <p className="providers__credit">
            {data.link ? (
              <a href={data.link} target="_blank" rel="noopener noreferrer">
                All offers in {data.region}
              </a>
            ) : null}{' '}
            Availability data by{' '}
            <a href="https://www.justwatch.com" target="_blank" rel="noopener noreferrer">
              JustWatch
            </a>
            .
          </p>
        </section>
      )}
    </div>
  );
}
