import { BrowserRouter } from 'react-router';
import { catalogInfoQuery } from '../features/catalog/api/get-catalog-info';
import { featuredQuery } from '../features/catalog/api/get-featured';
import { createQueryClient } from '../lib/query-client';
import { readShellData } from '../lib/shell-data';
import { AppProviders } from './providers';
import { AppRoutes, prefetchRoute } from './router';

const queryClient = createQueryClient();

// The page shell carries the catalog notice and the featured title of the level it was made for
// (the shell cookie's): the footer and the hero need no
// request of their own (browse's prefetch below then finds the hero fresh and fetches nothing).
const shell = readShellData();
if (shell.catalog) queryClient.setQueryData(catalogInfoQuery.queryKey, shell.catalog);
if (shell.featured && shell.level) queryClient.setQueryData(featuredQuery(shell.level).queryKey, shell.featured);

// Each route declares what its page prefetches (route handles in ./router): the page the visitor
// came to starts its public requests and its code while the session is still being restored.
void prefetchRoute(queryClient, window.location);

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
