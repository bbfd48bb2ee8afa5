import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MediaType, RatingEntry, RatingList, RatingValue, Title } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { recommendationsQueryKey } from './get-recommendations';

export const ratingsQueryKey = ['ratings'] as const;

/** GET /api/ratings: the profile's thumbs, newest first. */
export function useRatings() {
  return useQuery({
    queryKey: ratingsQueryKey,
    queryFn: ({ signal }) => apiRequest<RatingList>('/api/ratings', { signal }),
    staleTime: 60_000,
  });
}

/** The profile's rating of a title in a ratings list, or null. */
export function ratingIn(list: RatingList | undefined, title: { media_type: MediaType; id: number }): RatingValue | null {
  return list?.results.find((entry) => entry.id === title.id && entry.media_type === title.media_type)?.rating ?? null;
}

/** PUT /api/ratings/{id} with a rating, or DELETE it when `rating` is null. */
export function setRating(title: Pick<Title, 'id' | 'media_type'>, rating: RatingValue | null): Promise<RatingEntry | undefined> {
  const options = { query: { media_type: title.media_type } };
  return rating === null
    ? apiRequest<undefined>(`/api/ratings/${title.id}`, { ...options, method: 'DELETE' })
    : apiRequest<RatingEntry>(`/api/ratings/${title.id}`, { ...options, method: 'PUT', body: { rating } });
}

/** Keeps only the Title fields of a TitleDetails. */
function toTitle(title: Title): Title {
  const { id, media_type, title: name, overview, poster_path, backdrop_path, poster_url, backdrop_url, release_date, vote_average, genre_ids } = title;
  return { id, media_type, title: name, overview, poster_path, backdrop_path, poster_url, backdrop_url, release_date, vote_average, genre_ids };
}

/**
 * Rates a title optimistically: the buttons flip at once and the previous list comes back if the
 * server refuses. The profile's rows are made from its thumbs, so they are refreshed after.
 */
export function useSetRating() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ title, rating }: { title: Title; rating: RatingValue | null }) => setRating(title, rating),
    onMutate: async ({ title, rating }) => {
      await queryClient.cancelQueries({ queryKey: ratingsQueryKey });
      const previous = queryClient.getQueryData<RatingList>(ratingsQueryKey);
      if (previous) {
        const others = previous.results.filter((entry) => !(entry.id === title.id && entry.media_type === title.media_type));
        const results = rating === null ? others : [{ ...toTitle(title), rating, rated_at: new Date().toISOString() }, ...others];
        queryClient.setQueryData<RatingList>(ratingsQueryKey, { results });
      }
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(ratingsQueryKey, context.previous);
    },
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ratingsQueryKey }), queryClient.invalidateQueries({ queryKey: recommendationsQueryKey })]),
  });
}
