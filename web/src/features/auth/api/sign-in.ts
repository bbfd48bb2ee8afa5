import { useMutation } from '@tanstack/react-query';
import type { LoginBody, TokenResponse } from '@marquee/contracts';
import { apiRequest, startSession } from '../../../lib/api-client';

/** POST /api/auth/login, then keeps the access token in memory (the refresh token arrives as a cookie). */
export async function signIn(body: LoginBody): Promise<TokenResponse> {
  const tokens = await apiRequest<TokenResponse>('/api/auth/login', { method: 'POST', body, auth: false });
  startSession(tokens);
  return tokens;
}

/** Sign-in as a mutation, for the form's pending and error states. */
export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
