import { BrowserRouter } from 'react-router';
import { featuredQuery } from '../features/catalog/api/get-featured';
import { createQueryClient } from '../lib/query-client';
import { AppProviders } from './providers';
import { AppRoutes } from './router';

const queryClient = createQueryClient();

// The catalog is public, so a visit to browse starts fetching the hero and the page's code while
// the session is still being restored, instead of after it: the hero paints one round trip sooner.
if (window.location.pathname === '/') {
  void queryClient.prefetchQuery(featuredQuery);
  void import('./routes/browse');
} else if (window.location.pathname === '/login') {
  void import('./routes/login');
}

/** The whole app: providers around the routes. */
export function App() {
  return (
    <AppProviders queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
