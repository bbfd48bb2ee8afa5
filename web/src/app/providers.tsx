import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { restoreSession } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import { session } from '../lib/session';

interface AppProvidersProps {
  children: ReactNode;
  /** Tests pass their own client (e.g. without retry delays). */
  queryClient?: QueryClient;
  /** Restore the session from the refresh cookie on start (default true). */
  restore?: boolean;
}

/**
 * Query client and session lifecycle: the session is restored once on start, and every cached
 * answer is dropped when it ends, so the next person on this device sees none of the last one's data.
 */
export function AppProviders({ children, queryClient: given, restore = true }: AppProvidersProps) {
  const [queryClient] = useState(() => given ?? createQueryClient());

  useEffect(() => {
    let last = session.getSnapshot().status;
    return session.subscribe(() => {
      const status = session.getSnapshot().status;
      if (status === 'signed-out' && last === 'signed-in') queryClient.clear();
      last = status;
    });
  }, [queryClient]);

  // Idempotent: React's development re-run of this effect finds the restore still in flight, and
  // restoreSession() joins it (concurrent refreshes share one request).
  useEffect(() => {
    if (restore && session.getSnapshot().status === 'restoring') void restoreSession();
  }, [restore]);

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
