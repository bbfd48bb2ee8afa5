import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Member, MemberList } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';

export const membersQuery = queryOptions({
  queryKey: ['admin', 'members'],
  queryFn: ({ signal }) => apiRequest<MemberList>('/api/admin/members', { signal }),
});

/** GET /api/admin/members, the owner first. */
export function useMembers() {
  return useQuery(membersQuery);
}

export type MemberAction = { id: string; action: 'disable' | 'enable' | 'delete' };

/** Disable, enable or delete a member; the list is read again after each. */
export function useMemberAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action }: MemberAction): Promise<void> => {
      if (action === 'delete') await apiRequest<void>(`/api/admin/members/${encodeURIComponent(id)}`, { method: 'DELETE' });
      else await apiRequest<Member>(`/api/admin/members/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQuery.queryKey }),
  });
}
