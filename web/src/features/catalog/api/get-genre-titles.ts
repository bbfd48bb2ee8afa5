import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/genre/{genre_id}: the genre's most popular titles. */
export function getGenreTitles(genreId: number, page = 1, signal?: AbortSignal): Promise<Page> {
  return apiRequest<Page>(`/api/movies/genre/${genreId}`, { query: { page }, signal, auth: false });
}

export const genreTitlesQuery = (genreId: number, page = 1) =>
  queryOptions({
    queryKey: ['catalog', 'genre', genreId, page],
    queryFn: ({ signal }) => getGenreTitles(genreId, page, signal),
    staleTime: staleTimes.catalog,
  });

/** One genre's titles. */
export function useGenreTitles(genreId: number, page = 1) {
  return useQuery(genreTitlesQuery(genreId, page));
}
