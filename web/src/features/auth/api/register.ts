import { useMutation } from '@tanstack/react-query';
import type { RegisterBody, TokenResponse } from '@marquee/contracts';
import { apiRequest, startSession } from '../../../lib/api-client';

/** POST /api/auth/register; a new account is signed in at once. */
export async function register(body: RegisterBody): Promise<TokenResponse> {
  const tokens = await apiRequest<TokenResponse>('/api/auth/register', { method: 'POST', body, auth: false });
  startSession(tokens);
  return tokens;
}

/** Registration as a mutation, for the form's pending and error states. */
export function useRegister() {
  return useMutation({ mutationFn: register });
}
