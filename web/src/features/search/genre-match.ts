import type { Genre } from '@marquee/contracts';

/** Lower-case, accents and punctuation gone, "&" as "and", single spaces: "Sci-Fi & Fantasy" → "sci fi and fantasy". */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "comedies" → "comedy", "thrillers" → "thriller"; short words and "-ss" words are left alone. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Words that add nothing to a genre: "horror movies", "comedy series", "a thriller film". */
const FILLER = new Set(['a', 'an', 'the', 'movie', 'movies', 'film', 'show', 'series', 'tv', 'genre']);

/** Everyday names of genres, as normalised singular phrases → the genre names they mean. */
const ALIASES: Record<string, string[]> = {
  'sci fi': ['Science Fiction', 'Sci-Fi & Fantasy'],
  scifi: ['Science Fiction', 'Sci-Fi & Fantasy'],
  sf: ['Science Fiction', 'Sci-Fi & Fantasy'],
  cartoon: ['Animation'],
  animated: ['Animation'],
  anime: ['Animation'],
  doc: ['Documentary'],
  musical: ['Music'],
  historical: ['History'],
  romantic: ['Romance'],
  'rom com': ['Romance', 'Comedy'],
  romcom: ['Romance', 'Comedy'],
  kid: ['Kids', 'Family'],
  children: ['Kids', 'Family'],
  suspense: ['Thriller'],
  scary: ['Horror'],
  funny: ['Comedy'],
  cowboy: ['Western'],
  detective: ['Crime', 'Mystery'],
};

const key = (text: string) =>
  normalise(text)
    .split(' ')
    .filter((word) => word && !FILLER.has(word))
    .map(singular)
    .filter((word) => !FILLER.has(word))
    .join(' ');

/**
 * The genres a search text names: "comedy", "Comedies", "horror movies", "sci-fi" (→ Science Fiction
 * and Sci-Fi & Fantasy), "action" (→ Action and Action & Adventure). A genre whose name has parts
 * ("Action & Adventure") is named by each part. Nothing for text that is not a genre's name.
 */
export function genresNamedBy(query: string, genres: readonly Genre[]): Genre[] {
  const wanted = key(query);
  if (wanted.length < 2) return [];
  const aliasNames = new Set(ALIASES[wanted] ?? []);
  return genres.filter((genre) => {
    if (aliasNames.has(genre.name)) return true;
    const whole = key(genre.name);
    if (whole === wanted) return true;
    return genre.name.split('&').some((part) => key(part) === wanted);
  });
}
