import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Title, Watchlist, WatchlistEntry } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { isInWatchlist, watchlistQueryKey } from './get-watchlist';

/** POST /api/watchlist/{id}?media_type: 201 added, 200 already there. */
export function addToWatchlist(title: Pick<Title, 'id' | 'media_type'>): Promise<WatchlistEntry> {
  return apiRequest<WatchlistEntry>(`/api/watchlist/${title.id}`, { method: 'POST', query: { media_type: title.media_type } });
}

/** Keeps only the Title fields, so a TitleDetails does not bloat the cached list. */
function toListItem(title: Title): Watchlist['results'][number] {
  const { id, media_type, title: name, overview, poster_path, backdrop_path, poster_url, backdrop_url, release_date, vote_average, genre_ids } = title;
  return { id, media_type, title: name, overview, poster_path, backdrop_path, poster_url, backdrop_url, release_date, vote_average, genre_ids, added_at: new Date().toISOString() };
}

/**
 * Adds a title optimistically: it shows in My List at once, and the previous list comes back if
 * the server refuses (full list, unknown title, network).
 */
export function useAddToWatchlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (title: Title) => addToWatchlist(title),
    onMutate: async (title) => {
      await queryClient.cancelQueries({ queryKey: watchlistQueryKey });
      const previous = queryClient.getQueryData<Watchlist>(watchlistQueryKey);
      if (previous && !isInWatchlist(previous, title)) {
        queryClient.setQueryData<Watchlist>(watchlistQueryKey, {
          results: [toListItem(title), ...previous.results],
          total_results: previous.total_results + 1,
        });
      }
      return { previous };
    },
    onError: (_error, _title, context) => {
      if (context?.previous) queryClient.setQueryData(watchlistQueryKey, context.previous);
    },
    // The profile's rows ("Because you added …") are made from the list too.
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: watchlistQueryKey }), queryClient.invalidateQueries({ queryKey: ['recommendations'] })]),
  });
}
