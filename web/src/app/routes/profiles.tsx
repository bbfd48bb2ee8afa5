import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { useSession } from '../../features/auth/api/use-session';
import { useProfiles } from '../../features/profiles/api/get-profiles';
import { ProfilePicker } from '../../features/profiles/components/profile-picker';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { returnPath, type FromState } from './require-auth';

/** How `/profiles` was reached: straight after sign-in, it lets a one-profile account through. */
export interface ProfilesState extends FromState {
  afterSignIn?: boolean;
}

/**
 * `/profiles`: "Who's watching?". After sign-in an account with two or more profiles chooses here
 * first; with one there is nobody to choose, and the page first asked for opens at once. From the
 * account menu ("Switch profile") it always shows. Then on to the page first asked for.
 */
export default function ProfilesPage() {
  useDocumentTitle('Who’s watching?');
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as ProfilesState | null;
  const { profile } = useSession();
  const profiles = useProfiles();
  const next = returnPath(state);

  if (state?.afterSignIn && profiles.data?.profiles.length === 1) return <Navigate to={next} replace />;
  return (
    <div className="profiles-page">
      <header className="profiles-page__header">
        <span className="brand brand--static">MARQUEE</span>
      </header>
      <main id="main" className="profiles-page__main" aria-busy={profiles.isPending || undefined}>
        <h1 className="profiles-page__title">Who’s watching?</h1>
        {profiles.data ? (
          <ProfilePicker profiles={profiles.data.profiles} currentId={profile?.id ?? null} onChosen={() => navigate(next, { replace: true })} />
        ) : profiles.isError ? (
          <ErrorState message="Couldn’t load the profiles." onRetry={() => void profiles.refetch()} />
        ) : (
          <ul className="picker__grid" aria-hidden="true">
            {[0, 1, 2].map((i) => (
              <li key={i}>
                <span className="picker__tile picker__tile--skeleton">
                  <span className="picker__avatar skeleton" />
                  <span className="skeleton skeleton--text picker__name-skeleton" />
                </span>
              </li>
            ))}
          </ul>
        )}
        {profiles.data && !profile?.kids && (
          <Link to={paths.manageProfiles} className="btn btn--outline profiles-page__manage">
            Manage profiles
          </Link>
        )}
      </main>
    </div>
  );
}
