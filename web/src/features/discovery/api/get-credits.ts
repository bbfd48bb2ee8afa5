import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Credits, MediaType } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/{id}/credits: cast in billing order, directors, writers, creators. */
export const creditsQuery = (mediaType: MediaType, id: number) =>
  queryOptions({
    queryKey: ['credits', mediaType, id],
    queryFn: ({ signal }) => apiRequest<Credits>(`/api/movies/${id}/credits`, { query: { media_type: mediaType }, signal }),
    staleTime: staleTimes.details,
  });

export function useCredits(mediaType: MediaType, id: number, enabled = true) {
  return useQuery({ ...creditsQuery(mediaType, id), enabled });
}
