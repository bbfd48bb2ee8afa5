import { useSession } from '../../features/auth/api/use-session';
import { InsecureTransportNotice } from '../../features/admin/components/insecure-transport-notice';
import { InvitationsSection } from '../../features/admin/components/invitations-section';
import { MembersSection } from '../../features/admin/components/members-section';
import { RegistrationSection } from '../../features/admin/components/registration-section';
import { TmdbSection } from '../../features/admin/components/tmdb-section';
import { useSettings } from '../../features/admin/api/settings';
import { ErrorState } from '../../components/ui/error-state';
import { useDocumentTitle } from '../../lib/use-document-title';
import NotFoundPage from './not-found';
import '../../features/admin/components/settings.css';

/** `/settings`: the owner's administration. Members get "Page not found". */
export default function SettingsPage() {
  const { user } = useSession();
  if (user?.role !== 'owner') return <NotFoundPage />;
  return <OwnerSettings />;
}

function OwnerSettings() {
  useDocumentTitle('Settings');
  const settings = useSettings();
  return (
    <section className="page-section settings" aria-labelledby="settings-heading" aria-busy={settings.isPending}>
      <h1 id="settings-heading" className="page-title">
        Settings
      </h1>
      {settings.isError && <ErrorState message="Couldn’t load the settings." onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <>
          {settings.data.insecure_transport && <InsecureTransportNotice />}
          <div className="settings__grid">
            <RegistrationSection policy={settings.data.registration} />
            <TmdbSection settings={settings.data} />
            <InvitationsSection registrationPolicy={settings.data.registration} />
            <MembersSection />
          </div>
        </>
      )}
    </section>
  );
}
