import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import type { DialogLocationState } from '../components/ui/title-card';
import { AppLayout } from './layout';
import { RequireAuth, RedirectIfSignedIn } from './routes/require-auth';
import { PageFallback } from './routes/page-fallback';

// Every page is its own chunk, so the browse page's first load carries only what browse needs.
const LoginPage = lazy(() => import('./routes/login'));
const RegisterPage = lazy(() => import('./routes/register'));
const BrowsePage = lazy(() => import('./routes/browse'));
const SearchPage = lazy(() => import('./routes/search'));
const MyListPage = lazy(() => import('./routes/my-list'));
const ProfilePage = lazy(() => import('./routes/profile'));
const NotFoundPage = lazy(() => import('./routes/not-found'));
const TitleDialogRoute = lazy(() => import('./routes/title-dialog'));

/**
 * The route table. Opening a card navigates to `/title/{type}/{id}` carrying the current location
 * as `background`: the page beneath keeps rendering from that location (it stays mounted, scroll and
 * focus intact) and the dialog renders on top. A deep link has no background and shows over browse.
 */
export function AppRoutes() {
  const location = useLocation();
  const background = (location.state as DialogLocationState | null)?.background;
  return (
    <>
      <Routes location={background ?? location}>
        <Route
          path="/login"
          element={
            <RedirectIfSignedIn>
              <Suspense fallback={<PageFallback />}>
                <LoginPage />
              </Suspense>
            </RedirectIfSignedIn>
          }
        />
        <Route
          path="/register"
          element={
            <RedirectIfSignedIn>
              <Suspense fallback={<PageFallback />}>
                <RegisterPage />
              </Suspense>
            </RedirectIfSignedIn>
          }
        />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<BrowsePage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="my-list" element={<MyListPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route
            path="title/:mediaType/:id"
            element={
              <>
                <BrowsePage />
                <Suspense fallback={null}>
                  <TitleDialogRoute />
                </Suspense>
              </>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
      {background && (
        <Routes>
          <Route
            path="/title/:mediaType/:id"
            element={
              <RequireAuth>
                <Suspense fallback={null}>
                  <TitleDialogRoute />
                </Suspense>
              </RequireAuth>
            }
          />
        </Routes>
      )}
    </>
  );
}
