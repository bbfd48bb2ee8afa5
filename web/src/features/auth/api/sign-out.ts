import { useMutation } from '@tanstack/react-query';
import { apiRequest, endSession } from '../../../lib/api-client';

/**
 * POST /api/auth/logout (revokes the session and clears the refresh cookie), then forgets the
 * session locally even when the server could not be told: signing out must always work.
 */
export async function signOut(): Promise<void> {
  try {
    await apiRequest<void>('/api/auth/logout', { method: 'POST' });
  } catch {
    // Already revoked or offline: the local sign-out below is what the person asked for.
  } finally {
    endSession();
  }
}

/** Sign-out as a mutation. */
export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
