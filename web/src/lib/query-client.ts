import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isTransientError } from './api-client';

/** How long answers stay fresh, by kind; browsing back and forth within these never refetches. */
export const staleTimes = {
  catalog: 10 * 60_000,
  details: 30 * 60_000,
  genres: 24 * 60 * 60_000,
  user: 60_000,
} as const;

const MAX_RETRIES = 3;

/** Exponential backoff with a little jitter: 0.5 s, 1 s, 2 s … capped at 8 s. */
export function retryDelay(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8000) + Math.random() * 200;
}

/** Retries the network and 5xx only; a 4xx is the answer and retrying cannot change it. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isTransientError(error);
}

/** The app's query client with its defaults; tests pass overrides (e.g. a zero retry delay). */
export function createQueryClient(overrides: DefaultOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      ...overrides,
      queries: {
        staleTime: staleTimes.catalog,
        gcTime: 30 * 60_000,
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: false,
        ...overrides.queries,
      },
      mutations: { retry: false, ...overrides.mutations },
    },
  });
}
