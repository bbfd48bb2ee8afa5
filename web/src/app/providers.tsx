import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { restoreSession } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import { session } from '../lib/session';
import { clearShellLevel, writeShellLevel } from '../lib/shell-cookie';
import { watchlistQueryKey } from '../features/watchlist/api/get-watchlist';

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
    let last = session.getSnapshot();
    return session.subscribe(() => {
      const now = session.getSnapshot();
      if (now.status === 'signed-out' && last.status === 'signed-in') queryClient.clear();
      // Another profile, or another limit: another My List. Catalog answers stay, kept apart by level.
      else if (now.profile && last.profile && (now.profile.id !== last.profile.id || now.profile.maturity !== last.profile.maturity)) {
        queryClient.removeQueries({ queryKey: watchlistQueryKey });
      }
      // The page shell of the next visit paints a hero this profile may see; none once signed out.
      if (now.profile && now.profile.maturity !== last.profile?.maturity) writeShellLevel(now.profile.maturity);
      else if (now.status === 'signed-out' && last.status !== 'signed-out') clearShellLevel();
      last = now;
    });
  }, [queryClient]);

  // Idempotent: React's development re-run of this effect finds the restore still in flight, and
  // restoreSession() joins it (concurrent refreshes share one request).
  useEffect(() => {
    if (restore && session.getSnapshot().status === 'restoring') void restoreSession();
  }, [restore]);

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
