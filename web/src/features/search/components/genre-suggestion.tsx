import { Link } from 'react-router';
import type { Genre } from '@marquee/contracts';
import { paths } from '../../../lib/paths';
import { genresNamedBy } from '../genre-match';

interface GenreSuggestionProps {
  query: string;
  genres: readonly Genre[] | undefined;
  /** The genre already filtering the page, which needs no suggesting. */
  current: number | null;
}

/**
 * "comedy" typed into a box that says "Titles, series, genres" means the genre more than the two
 * titles with the word in their name: offer the genre's page above the results.
 */
export function GenreSuggestion({ query, genres, current }: GenreSuggestionProps) {
  const named = genres ? genresNamedBy(query, genres).filter((genre) => genre.id !== current) : [];
  if (named.length === 0) return null;
  return (
    <p className="genre-suggestion">
      <span className="genre-suggestion__label">{named.length === 1 ? 'Genre' : 'Genres'}</span>
      {named.map((genre) => (
        <Link key={genre.id} className="chip" to={paths.search('', genre.id)}>
          Browse {genre.name}
          <span aria-hidden="true"> →</span>
        </Link>
      ))}
    </p>
  );
}
