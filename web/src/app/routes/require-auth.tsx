import { useDeferredValue, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../features/auth/api/use-session';
import { Hero } from '../../features/catalog/components/hero';
import { paths } from '../../lib/paths';
import { shellShowedHero } from '../../lib/shell-data';
import { PageFallback } from './page-fallback';

/** Where sign-in should return to, carried in the `/login` location's state. */
export interface FromState {
  from?: { pathname: string; search: string; hash: string };
}

/**
 * While the session of a returning visitor is restored, browse already shows its hero — public
 * data the page shell brought — so the biggest thing on screen does not wait a round trip; its
 * buttons follow.
 */
function RestoringBrowse() {
  return (
    <div className="browse" aria-busy="true">
      <Hero renderActions={() => <span className="btn skeleton hero__action-placeholder" aria-hidden="true" />} />
    </div>
  );
}

/**
 * Shows its children to a signed-in user; a signed-out visit goes to sign in, and comes back after.
 * The page behind it is built in a deferred render once the session is restored, which React
 * interrupts to paint and to handle input, instead of one long task for the whole page.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const status = useDeferredValue(useSession().status);
  const location = useLocation();
  // The hero keeps showing only where the server painted it, for a visitor carrying a session: a
  // signed-out visitor waits on a neutral screen and goes on to sign in, never seeing browse.
  if (status === 'restoring') return location.pathname === paths.home && shellShowedHero() ? <RestoringBrowse /> : <PageFallback />;
  if (status === 'signed-out') {
    const state: FromState = { from: { pathname: location.pathname, search: location.search, hash: location.hash } };
    return <Navigate to={paths.login} replace state={state} />;
  }
  return children;
}

/**
 * Sign-in and sign-up pages send an already signed-in user on to where they were going — from sign
 * in, through "Who's watching?" (which lets a one-profile account straight through). They show at
 * once, without waiting for the session restore: most visitors here are signed out, and the form
 * should not wait a round trip to appear.
 */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status !== 'signed-in') return children;
  if (location.pathname === paths.login) {
    const from = (location.state as FromState | null)?.from;
    return <Navigate to={paths.profiles} replace state={{ from, afterSignIn: true }} />;
  }
  return <Navigate to={returnPath(location.state)} replace />;
}

/** The page first asked for, or browse. Only same-app paths are accepted. */
export function returnPath(state: unknown): string {
  const from = (state as FromState | null)?.from;
  if (!from || !from.pathname.startsWith('/') || from.pathname.startsWith('//') || ([paths.login, paths.register, paths.profiles] as string[]).includes(from.pathname)) return paths.home;
  return `${from.pathname}${from.search}${from.hash}`;
}
