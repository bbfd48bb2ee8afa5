import { lazy, Suspense } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes, useLocation, useRoutes, type Location, type RouteObject } from 'react-router';
import type { DialogLocationState } from '../components/ui/title-card';
import { featuredQuery } from '../features/catalog/api/get-featured';
import { catalogLevel } from '../lib/maturity-level';
import { useScrollRestoration } from '../lib/history-entry';
import { paths, routePatterns } from '../lib/paths';
import { AppLayout } from './layout';
import { RequireAuth, RedirectIfSignedIn } from './routes/require-auth';
import { PageFallback } from './routes/page-fallback';

/** What a route asks of the app's first load when it is the page the visitor came to. */
export interface RouteHandle {
  /**
   * Starts what the page will need and can have before the session is restored: public requests
   * and the page's own code. Runs once, when the app starts; settles once all of it has started.
   */
  prefetch?: (queryClient: QueryClient) => Promise<unknown>;
}

// Every page is its own chunk, so the browse page's first load carries only what browse needs.
const loadLogin = () => import('./routes/login');
const loadRegister = () => import('./routes/register');
const loadBrowse = () => import('./routes/browse');
const LoginPage = lazy(loadLogin);
const RegisterPage = lazy(loadRegister);
const BrowsePage = lazy(loadBrowse);
const SearchPage = lazy(() => import('./routes/search'));
const MyListPage = lazy(() => import('./routes/my-list'));
const ProfilePage = lazy(() => import('./routes/profile'));
const SettingsPage = lazy(() => import('./routes/settings'));
const NotFoundPage = lazy(() => import('./routes/not-found'));
// Choosing and managing profiles is not needed for browse's first row: their own chunks.
const ProfilesPage = lazy(() => import('./routes/profiles'));
const ManageProfilesPage = lazy(() => import('./routes/manage-profiles'));
const TitleDialogRoute = lazy(() => import('./routes/title-dialog'));

/**
 * Browse's catalog is public, so a visit to browse starts fetching the hero, the rows and the
 * page's code while the session is still being restored, instead of after it. (The page shell has
 * usually brought the hero already: its prefetch then finds it fresh and fetches nothing.)
 */
const browse: RouteHandle = {
  prefetch: (queryClient) =>
    Promise.all([prefetchFeatured(queryClient), loadBrowse().then(({ prefetchBrowse }) => prefetchBrowse(queryClient))]),
};
/** The hero at the level the page shell was made for, when a request without a token answers it. */
function prefetchFeatured(queryClient: QueryClient): Promise<void> {
  const { level, ready } = catalogLevel();
  return ready ? queryClient.prefetchQuery(featuredQuery(level)) : Promise.resolve();
}

/** Sign-in and sign-up show without waiting for the session: their code is fetched at once. */
const login: RouteHandle = { prefetch: loadLogin };
const register: RouteHandle = { prefetch: loadRegister };

/**
 * The pages. Opening a card navigates to `/title/{type}/{id}` carrying the current location as
 * `background`: the page beneath keeps rendering from that location (it stays mounted, scroll and
 * focus intact) and `dialogRoutes` render the dialog on top. A deep link has no background and
 * shows the dialog over browse.
 */
export const pageRoutes: RouteObject[] = [
  {
    path: paths.login,
    handle: login,
    element: (
      <RedirectIfSignedIn>
        <Suspense fallback={<PageFallback />}>
          <LoginPage />
        </Suspense>
      </RedirectIfSignedIn>
    ),
  },
  {
    path: paths.register,
    handle: register,
    element: (
      <RedirectIfSignedIn>
        <Suspense fallback={<PageFallback />}>
          <RegisterPage />
        </Suspense>
      </RedirectIfSignedIn>
    ),
  },
  {
    path: paths.profiles,
    element: (
      <RequireAuth>
        <Suspense fallback={<PageFallback />}>
          <ProfilesPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: paths.manageProfiles,
    element: (
      <RequireAuth>
        <Suspense fallback={<PageFallback />}>
          <ManageProfilesPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, handle: browse, element: <BrowsePage /> },
      { path: routePatterns.search, element: <SearchPage /> },
      { path: paths.myList, element: <MyListPage /> },
      { path: paths.profile, element: <ProfilePage /> },
      { path: paths.settings, element: <SettingsPage /> },
      {
        path: routePatterns.title,
        element: (
          <>
            <BrowsePage />
            <Suspense fallback={null}>
              <TitleDialogRoute />
            </Suspense>
          </>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The dialog over a page that stays mounted beneath it (a location with a `background`). */
export const dialogRoutes: RouteObject[] = [
  {
    path: routePatterns.title,
    element: (
      <RequireAuth>
        <Suspense fallback={null}>
          <TitleDialogRoute />
        </Suspense>
      </RequireAuth>
    ),
  },
];

/**
 * Runs the prefetches the route table declares for `location` (each matched route's, outermost
 * first): the first load of the app, before its first render. Settles when they all have started.
 */
export async function prefetchRoute(queryClient: QueryClient, location: Pick<Location, 'pathname'>): Promise<void> {
  const started = (matchRoutes(pageRoutes, location) ?? []).map((match) => (match.route.handle as RouteHandle | undefined)?.prefetch?.(queryClient));
  await Promise.all(started);
}

/**
 * The route table rendered: the page, and the dialog over it when a card opened one. The page's
 * scroll position follows its history entry (Back returns to where it was left).
 */
export function AppRoutes() {
  const location = useLocation();
  const background = (location.state as DialogLocationState | null)?.background;
  useScrollRestoration(background ?? location);
  return (
    <>
      <Pages location={background ?? location} />
      {background && <Dialogs />}
    </>
  );
}

function Pages({ location }: { location: Location }) {
  return useRoutes(pageRoutes, location);
}

function Dialogs() {
  return useRoutes(dialogRoutes);
}
