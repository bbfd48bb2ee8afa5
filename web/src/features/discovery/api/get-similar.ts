import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MediaType, Page } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/{id}/similar: "More like this", within the profile's limit (so with the token). */
export const similarQuery = (mediaType: MediaType, id: number) =>
  queryOptions({
    queryKey: ['similar', mediaType, id],
    queryFn: ({ signal }) => apiRequest<Page>(`/api/movies/${id}/similar`, { query: { media_type: mediaType }, signal }),
    staleTime: staleTimes.details,
  });

export function useSimilar(mediaType: MediaType, id: number, enabled = true) {
  return useQuery({ ...similarQuery(mediaType, id), enabled });
}
