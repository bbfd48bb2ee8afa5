import { useMutation } from '@tanstack/react-query';
import type { SwitchProfileBody, TokenResponse } from '@marquee/contracts';
import { apiRequest, startSession } from '../../../lib/api-client';

/**
 * POST /api/profiles/{id}/switch: the same session moves onto that profile. The new access token
 * replaces the old one (the rotated refresh token arrives as a cookie); a locked profile needs its PIN.
 */
export async function switchProfile(id: string, body: SwitchProfileBody = {}): Promise<TokenResponse> {
  const tokens = await apiRequest<TokenResponse>(`/api/profiles/${encodeURIComponent(id)}/switch`, { method: 'POST', body });
  startSession(tokens);
  return tokens;
}

/** The switch as a mutation, for the picker's and the PIN dialog's pending and error states. */
export function useSwitchProfile() {
  return useMutation({ mutationFn: ({ id, pin }: { id: string; pin?: string }) => switchProfile(id, pin === undefined ? {} : { pin }) });
}
