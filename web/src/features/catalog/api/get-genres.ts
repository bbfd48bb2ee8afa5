import { queryOptions, useQuery } from '@tanstack/react-query';
import type { GenreList } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/genres: movie and TV genres merged, sorted by name. */
export function getGenres(signal?: AbortSignal): Promise<GenreList> {
  return apiRequest<GenreList>('/api/genres', { signal, auth: false });
}

/** Genres change about never: fresh for a day. */
export const genresQuery = queryOptions({
  queryKey: ['catalog', 'genres'],
  queryFn: ({ signal }) => getGenres(signal),
  staleTime: staleTimes.genres,
});

/** The genre list. */
export function useGenres() {
  return useQuery(genresQuery);
}
