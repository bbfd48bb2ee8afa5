import { useMutation } from '@tanstack/react-query';
import type { ProfileBody, User } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { session } from '../../../lib/session';

/** PUT /api/auth/profile: name, avatar, or a password change (current + new). */
export async function updateProfile(body: ProfileBody): Promise<User> {
  const user = await apiRequest<User>('/api/auth/profile', { method: 'PUT', body });
  session.setUser(user);
  return user;
}

/** Profile update as a mutation; the session's user is replaced on success. */
export function useUpdateProfile() {
  return useMutation({ mutationFn: updateProfile });
}
