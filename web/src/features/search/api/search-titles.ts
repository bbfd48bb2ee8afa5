import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '@marquee/contracts';
import type { MaturityLevel } from '@marquee/contracts/maturity';
import { apiRequest } from '../../../lib/api-client';
import { useCatalogLevel } from '../../../lib/maturity-level';
import { staleTimes } from '../../../lib/query-client';

export interface SearchParams {
  q: string;
  genre: number | null;
}

/** GET /api/movies/search?q&genre: movies and shows; either `q` or `genre` (or both). */
export function searchTitles({ q, genre }: SearchParams, signal?: AbortSignal): Promise<Page> {
  return apiRequest<Page>('/api/movies/search', { query: { q: q.trim(), genre }, signal });
}

export const searchQuery = (level: MaturityLevel, params: SearchParams) =>
  queryOptions({
    queryKey: ['search', level, params.q.trim(), params.genre],
    queryFn: ({ signal }) => searchTitles(params, signal),
    staleTime: staleTimes.catalog,
    enabled: params.q.trim().length > 0 || params.genre !== null,
    // Keep the last results on screen while the next query loads, so typing does not flash skeletons.
    placeholderData: keepPreviousData,
  });

/** Search results for the URL's query, within the current profile's limit. */
export function useSearch(params: SearchParams) {
  const { level, ready } = useCatalogLevel();
  const query = searchQuery(level, params);
  return useQuery({ ...query, enabled: ready && query.enabled });
}
