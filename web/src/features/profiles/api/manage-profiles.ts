import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProfileBody, Profile, UpdateProfileBody } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { session } from '../../../lib/session';
import { profilesQueryKey } from './get-profiles';

/** POST /api/profiles → 201 the new profile. */
export function createProfile(body: CreateProfileBody): Promise<Profile> {
  return apiRequest<Profile>('/api/profiles', { method: 'POST', body });
}

/** PATCH /api/profiles/{id} → 200 the profile as it now is. */
export function updateProfile(id: string, body: UpdateProfileBody): Promise<Profile> {
  return apiRequest<Profile>(`/api/profiles/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

/** DELETE /api/profiles/{id} → 204; its list and ratings go with it. */
export function deleteProfile(id: string): Promise<void> {
  return apiRequest<void>(`/api/profiles/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Adds a profile; the list is fetched again. */
export function useCreateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProfile,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profilesQueryKey }),
  });
}

/**
 * Changes a profile. When it is the one being used, the session takes the new profile at once:
 * a changed maturity level changes every catalog query's key, so nothing cached for the old
 * level is shown.
 */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProfileBody }) => updateProfile(id, body),
    onSuccess: (profile) => {
      session.setProfile(profile);
      return queryClient.invalidateQueries({ queryKey: profilesQueryKey });
    },
  });
}

/** Deletes a profile; the list is fetched again. */
export function useDeleteProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProfile,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profilesQueryKey }),
  });
}
