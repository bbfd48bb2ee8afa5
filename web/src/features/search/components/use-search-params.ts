import { useSearchParams } from 'react-router';
import type { SearchParams } from '../api/search-titles';

/** The search held in the URL (`?q=…&genre=…`), so a search can be shared and reloaded. */
export function useSearchUrl(): SearchParams {
  const [params] = useSearchParams();
  const genre = Number(params.get('genre'));
  return { q: params.get('q') ?? '', genre: Number.isInteger(genre) && genre > 0 ? genre : null };
}
