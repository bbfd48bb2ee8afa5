import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstanceSettings, SettingsPatch } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';

/** GET /api/admin/settings (owner only). */
export function getSettings(signal?: AbortSignal): Promise<InstanceSettings> {
  return apiRequest<InstanceSettings>('/api/admin/settings', { signal });
}

export const settingsQuery = queryOptions({
  queryKey: ['admin', 'settings'],
  queryFn: ({ signal }) => getSettings(signal),
});

export function useSettings() {
  return useQuery(settingsQuery);
}

/** PATCH /api/admin/settings: the answer replaces the cached settings. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => apiRequest<InstanceSettings>('/api/admin/settings', { method: 'PATCH', body: patch }),
    onSuccess: (settings) => queryClient.setQueryData(settingsQuery.queryKey, settings),
  });
}

/**
 * PUT (connect, with a credential) or DELETE (disconnect) /api/admin/settings/tmdb. The catalog has
 * switched source when either answers, so every catalog answer cached here is dropped.
 */
export function useTmdbCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credential: string | null): Promise<void> => {
      if (credential === null) await apiRequest<void>('/api/admin/settings/tmdb', { method: 'DELETE' });
      else await apiRequest<InstanceSettings>('/api/admin/settings/tmdb', { method: 'PUT', body: { credential } });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: settingsQuery.queryKey });
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'admin' });
    },
  });
}
