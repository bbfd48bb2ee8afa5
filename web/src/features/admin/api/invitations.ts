import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Invitation, InvitationList } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';

export const invitationsQuery = queryOptions({
  queryKey: ['admin', 'invitations'],
  queryFn: ({ signal }) => apiRequest<InvitationList>('/api/admin/invitations', { signal }),
});

/** GET /api/admin/invitations, newest first. */
export function useInvitations() {
  return useQuery(invitationsQuery);
}

/** POST /api/admin/invitations (default lifetime) or …/{id}/revoke; the list is read again after either. */
export function useInvitationActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitationsQuery.queryKey });
  const create = useMutation({
    mutationFn: () => apiRequest<Invitation>('/api/admin/invitations', { method: 'POST', body: {} }),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiRequest<Invitation>(`/api/admin/invitations/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
    onSuccess: refresh,
  });
  return { create, revoke };
}
