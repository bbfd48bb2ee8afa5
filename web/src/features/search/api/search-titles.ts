import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, Title } from '@marquee/contracts';
import type { MaturityLevel } from '@marquee/contracts/maturity';
import { apiRequest } from '../../../lib/api-client';
import { useCatalogLevel } from '../../../lib/maturity-level';
import { staleTimes } from '../../../lib/query-client';

export interface SearchParams {
  q: string;
  genre: number | null;
}

/** GET /api/movies/search?q&genre&page: movies and shows; either `q` or `genre` (or both). */
export function searchTitles({ q, genre }: SearchParams, page: number, signal?: AbortSignal): Promise<Page> {
  return apiRequest<Page>('/api/movies/search', { query: { q: q.trim(), genre, page: page > 1 ? page : null }, signal });
}

/** The API's last page (API.md: `page` is 1…500). */
const LAST_PAGE = 500;

/** The search as pages that grow as the user scrolls; every page loaded stays in the cache, so Back shows them all again. */
export const searchQuery = (level: MaturityLevel, params: SearchParams) =>
  infiniteQueryOptions({
    queryKey: ['search', level, params.q.trim(), params.genre],
    queryFn: ({ signal, pageParam }) => searchTitles(params, pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last: Page) => (last.page < Math.min(last.total_pages, LAST_PAGE) ? last.page + 1 : undefined),
    staleTime: staleTimes.catalog,
    enabled: params.q.trim().length > 0 || params.genre !== null,
    // Keep the last results on screen while the next query loads, so typing does not flash skeletons.
    placeholderData: keepPreviousData,
  });

/** Search results for the URL's query, within the current profile's limit. */
export function useSearch(params: SearchParams) {
  const { level, ready } = useCatalogLevel();
  const query = searchQuery(level, params);
  return useInfiniteQuery({ ...query, enabled: ready && query.enabled });
}

/**
 * The titles of every loaded page, each once: a title can move between pages of a live list while
 * it is being read (TMDB re-ranks), and a card must not appear twice.
 */
export function titlesOf(pages: readonly Page[]): Title[] {
  const seen = new Set<string>();
  const titles: Title[] = [];
  for (const page of pages) {
    for (const title of page.results) {
      const key = `${title.media_type}-${title.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        titles.push(title);
      }
    }
  }
  return titles;
}
