import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Title, Watchlist } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { watchlistQueryKey } from './get-watchlist';

/** DELETE /api/watchlist/{id}?media_type: 204 removed. */
export function removeFromWatchlist(title: Pick<Title, 'id' | 'media_type'>): Promise<void> {
  return apiRequest<void>(`/api/watchlist/${title.id}`, { method: 'DELETE', query: { media_type: title.media_type } });
}

/** Removes a title optimistically, restoring the previous list if the server refuses. */
export function useRemoveFromWatchlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (title: Pick<Title, 'id' | 'media_type'>) => removeFromWatchlist(title),
    onMutate: async (title) => {
      await queryClient.cancelQueries({ queryKey: watchlistQueryKey });
      const previous = queryClient.getQueryData<Watchlist>(watchlistQueryKey);
      if (previous) {
        const results = previous.results.filter((item) => !(item.id === title.id && item.media_type === title.media_type));
        queryClient.setQueryData<Watchlist>(watchlistQueryKey, { results, total_results: results.length });
      }
      return { previous };
    },
    onError: (error, _title, context) => {
      // 404: it was not there any more, so the optimistic removal already shows the truth.
      const gone = error instanceof Error && 'status' in error && error.status === 404;
      if (context?.previous && !gone) queryClient.setQueryData(watchlistQueryKey, context.previous);
    },
    // The profile's rows ("Because you added …") are made from the list too.
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: watchlistQueryKey }), queryClient.invalidateQueries({ queryKey: ['recommendations'] })]),
  });
}
