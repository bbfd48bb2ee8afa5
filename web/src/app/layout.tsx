import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { MenuButton, type MenuItem } from '../components/ui/menu-button';
import { ProfileAvatar } from '../components/ui/profile-avatar';
import { useSession } from '../features/auth/api/use-session';
import { signOut } from '../features/auth/api/sign-out';
import { CatalogAttribution } from '../features/catalog/components/catalog-attribution';
import { OfflineCatalogNotice } from '../features/catalog/components/offline-catalog-notice';
import { HeaderSearch } from '../features/search/components/header-search';
import { paths } from '../lib/paths';
import { PageFallback } from './routes/page-fallback';

/** The signed-in frame: header (navigation, search, account menu), the page, and the footer. */
export function AppLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const { user, profile } = useSession();
  const scrolled = useScrolled();
  const kids = profile?.kids ?? false;
  const from = { pathname: location.pathname, search: location.search, hash: location.hash };

  const items: MenuItem[] = [
    { label: 'Switch profile', onSelect: () => navigate(paths.profiles, { state: { from } }) },
    // A kids profile cannot manage profiles (the server refuses it too).
    ...(kids ? [] : [{ label: 'Manage profiles', onSelect: () => navigate(paths.manageProfiles) }]),
    { label: 'Account settings', onSelect: () => navigate(paths.profile) },
    // The owner's settings, not from a kids profile of the owner's account (the server refuses it too).
    ...(user?.role === 'owner' && !kids ? [{ label: 'Settings', onSelect: () => navigate(paths.settings) }] : []),
    { label: 'Sign out', onSelect: () => void signOut().then(() => navigate(paths.login, { replace: true })) },
  ];

  return (
    <div className={`app${kids ? ' app--kids' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={`header${scrolled ? ' header--solid' : ''}`}>
        <Link to={paths.home} className="brand" aria-label="Marquee">
          <span aria-hidden="true">MARQUEE</span>
        </Link>
        {kids && <span className="kids-badge">Kids</span>}
        <nav className="nav" aria-label="Main">
          {/* Plain links, not a list: the search and My List pages then hold exactly one list, their results. */}
          <NavLink to={paths.home} end>
            Home
          </NavLink>
          <NavLink to={paths.myList}>My List</NavLink>
        </nav>
        <div className="header__tools">
          <HeaderSearch />
          <MenuButton
            label="Account"
            items={items}
            header={
              profile && (
                <span className="menu__profile">
                  <ProfileAvatar avatar={profile.avatar} size={32} />
                  <span>{profile.name}</span>
                </span>
              )
            }
          >
            <span className="avatar" aria-hidden="true">
              {profile ? (
                <ProfileAvatar avatar={profile.avatar} size={32} />
              ) : (
                <span>{(user?.name || user?.email || '?').charAt(0).toUpperCase()}</span>
              )}
            </span>
            <svg className="menu__caret" viewBox="0 0 10 6" width="10" height="6" aria-hidden="true">
              <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
            </svg>
          </MenuButton>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">
        {user?.role === 'owner' && <OfflineCatalogNotice settingsPath={paths.settings} />}
        <CatalogAttribution />
        <p className="footer__small">Marquee · a self-hosted film and series catalog</p>
      </footer>
    </div>
  );
}

/** True once the page has scrolled, so the header turns solid over content but stays clear over the hero. */
function useScrolled(): boolean {
  const [scrolled, setScrolled] = useState(false);
  useEffect(() => {
    const onScroll = () => setScrolled(window.scrollY > 24);
    // Reading the scroll position lays the page out: the first read waits for the next frame, which
    // lays it out anyway, instead of forcing a layout of the freshly mounted page right now.
    const frame = requestAnimationFrame(onScroll);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, []);
  return scrolled;
}
