import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MediaType, TitleDetails } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/{id}?media_type: a title's details, trailer included. */
export function getTitleDetails(mediaType: MediaType, id: number, signal?: AbortSignal): Promise<TitleDetails> {
  return apiRequest<TitleDetails>(`/api/movies/${id}`, { query: { media_type: mediaType }, signal, auth: false });
}

/** Shared by the dialog and the cards' hover/focus prefetch. */
export const titleDetailsQuery = (mediaType: MediaType, id: number) =>
  queryOptions({
    queryKey: ['title', mediaType, id],
    queryFn: ({ signal }) => getTitleDetails(mediaType, id, signal),
    staleTime: staleTimes.details,
  });

/** A title's details. */
export function useTitleDetails(mediaType: MediaType, id: number) {
  return useQuery(titleDetailsQuery(mediaType, id));
}
