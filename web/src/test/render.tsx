import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../app/providers';
import { createQueryClient } from '../lib/query-client';

/**
 * Renders UI with the app's real providers and query-client defaults (retry policy included),
 * only without backoff delays so retried failures settle quickly.
 */
export function renderWithApp(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const queryClient = createQueryClient({ queries: { retryDelay: 0 } });
  const result = render(
    <AppProviders queryClient={queryClient} restore={false}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...result, queryClient };
}
