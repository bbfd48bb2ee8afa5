import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '@marquee/contracts';
import type { MaturityLevel } from '@marquee/contracts/maturity';
import { apiRequest } from '../../../lib/api-client';
import { useCatalogLevel } from '../../../lib/maturity-level';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/genre/{genre_id}: the genre's most popular titles within the profile's limit. */
export function getGenreTitles(genreId: number, page = 1, signal?: AbortSignal): Promise<Page> {
  return apiRequest<Page>(`/api/movies/genre/${genreId}`, { query: { page }, signal });
}

export const genreTitlesQuery = (level: MaturityLevel, genreId: number, page = 1) =>
  queryOptions({
    queryKey: ['catalog', level, 'genre', genreId, page],
    queryFn: ({ signal }) => getGenreTitles(genreId, page, signal),
    staleTime: staleTimes.catalog,
  });

/** One genre's titles at the current profile's level. */
export function useGenreTitles(genreId: number, page = 1) {
  const { level, ready } = useCatalogLevel();
  return useQuery({ ...genreTitlesQuery(level, genreId, page), enabled: ready });
}
