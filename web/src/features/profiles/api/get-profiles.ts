import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AvatarList, ProfileList } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/profiles: the account's profiles, in creation order. */
export function getProfiles(signal?: AbortSignal): Promise<ProfileList> {
  return apiRequest<ProfileList>('/api/profiles', { signal });
}

export const profilesQueryKey = ['profiles'] as const;

export const profilesQuery = queryOptions({
  queryKey: profilesQueryKey,
  queryFn: ({ signal }) => getProfiles(signal),
  staleTime: staleTimes.user,
});

/** The account's profiles. */
export function useProfiles() {
  return useQuery(profilesQuery);
}

/** GET /api/profiles/avatars: every avatar a profile may take, with its image URL. */
export function getAvatars(signal?: AbortSignal): Promise<AvatarList> {
  return apiRequest<AvatarList>('/api/profiles/avatars', { signal, auth: false });
}

export const avatarsQuery = queryOptions({
  queryKey: ['profiles', 'avatars'],
  queryFn: ({ signal }) => getAvatars(signal),
  staleTime: staleTimes.genres,
});

/** The avatars to pick from. */
export function useAvatars() {
  return useQuery(avatarsQuery);
}
