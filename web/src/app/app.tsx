import { BrowserRouter } from 'react-router';
import { catalogInfoQuery } from '../features/catalog/api/get-catalog-info';
import { featuredQuery } from '../features/catalog/api/get-featured';
import { createQueryClient } from '../lib/query-client';
import { readShellData } from '../lib/shell-data';
import { AppProviders } from './providers';
import { AppRoutes } from './router';

const queryClient = createQueryClient();

// The page shell carries the catalog notice and the featured title: the footer and the hero need no
// request of their own (the prefetch below then finds the hero fresh and fetches nothing).
const shell = readShellData();
if (shell.catalog) queryClient.setQueryData(catalogInfoQuery.queryKey, shell.catalog);
if (shell.featured) queryClient.setQueryData(featuredQuery.queryKey, shell.featured);

// The catalog is public, so a visit to browse starts fetching the hero, the rows and the page's
// code while the session is still being restored, instead of after it.
if (window.location.pathname === '/') {
  void queryClient.prefetchQuery(featuredQuery);
  void import('./routes/browse').then(({ prefetchBrowse }) => prefetchBrowse(queryClient));
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
