import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MediaType, TitleDetails } from '@marquee/contracts';
import type { MaturityLevel } from '@marquee/contracts/maturity';
import { apiRequest } from '../../../lib/api-client';
import { useCatalogLevel } from '../../../lib/maturity-level';
import { staleTimes } from '../../../lib/query-client';

/**
 * GET /api/movies/{id}?media_type: a title's details, trailer included. A title above the
 * profile's limit answers 403 `MATURITY_RESTRICTED`.
 */
export function getTitleDetails(mediaType: MediaType, id: number, signal?: AbortSignal): Promise<TitleDetails> {
  return apiRequest<TitleDetails>(`/api/movies/${id}`, { query: { media_type: mediaType }, signal });
}

/** Shared by the dialog and the cards' hover/focus prefetch; kept per maturity level. */
export const titleDetailsQuery = (level: MaturityLevel, mediaType: MediaType, id: number) =>
  queryOptions({
    queryKey: ['title', level, mediaType, id],
    queryFn: ({ signal }) => getTitleDetails(mediaType, id, signal),
    staleTime: staleTimes.details,
  });

/** A title's details, as the current profile may see them. */
export function useTitleDetails(mediaType: MediaType, id: number) {
  const { level, ready } = useCatalogLevel();
  return useQuery({ ...titleDetailsQuery(level, mediaType, id), enabled: ready });
}
