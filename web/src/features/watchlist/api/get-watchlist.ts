import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Title, Watchlist } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/watchlist: the whole list, newest first. */
export function getWatchlist(signal?: AbortSignal): Promise<Watchlist> {
  return apiRequest<Watchlist>('/api/watchlist', { signal });
}

export const watchlistQueryKey = ['watchlist'] as const;

export const watchlistQuery = queryOptions({
  queryKey: watchlistQueryKey,
  queryFn: ({ signal }) => getWatchlist(signal),
  staleTime: staleTimes.user,
});

/** The signed-in user's list. */
export function useWatchlist() {
  return useQuery(watchlistQuery);
}

/** Whether a title is in the list (movie 550 and TV 550 are different entries). */
export function isInWatchlist(list: Watchlist | undefined, title: Pick<Title, 'id' | 'media_type'>): boolean {
  return !!list?.results.some((item) => item.id === title.id && item.media_type === title.media_type);
}
