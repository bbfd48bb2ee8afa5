import { useSession } from '../../features/auth/api/use-session';
import { PasswordForm, ProfileForm } from '../../features/profile/components/profile-form';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `/profile`: name and avatar, then the password. */
export default function ProfilePage() {
  useDocumentTitle('Profile');
  const { user } = useSession();
  if (!user) return null;
  return (
    <section className="page-section profile" aria-labelledby="profile-heading">
      <h1 id="profile-heading" className="page-title">
        Profile
      </h1>
      <div className="profile__forms">
        <ProfileForm user={user} />
        <PasswordForm />
      </div>
    </section>
  );
}
