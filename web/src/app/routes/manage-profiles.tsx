import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import type { Profile } from '@marquee/contracts';
import { FIELD_LIMITS } from '@marquee/contracts/fields';
import { MATURITY_LABELS } from '@marquee/contracts/maturity';
import { ErrorState } from '../../components/ui/error-state';
import { ProfileAvatar } from '../../components/ui/profile-avatar';
import { useSession } from '../../features/auth/api/use-session';
import { useAvatars, useProfiles } from '../../features/profiles/api/get-profiles';
import { ProfileDialog } from '../../features/profiles/components/profile-dialog';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Which dialog is open: adding, or editing one profile (by id, so a refetched list keeps it open). */
type Editing = { kind: 'add' } | { kind: 'edit'; id: string } | null;

/**
 * `/profiles/manage`: a tile per profile with "Edit {name}", and "Add profile" while the account has
 * fewer than five. A kids profile cannot manage profiles: it is sent to the picker.
 */
export default function ManageProfilesPage() {
  useDocumentTitle('Manage profiles');
  const { profile: current } = useSession();
  const profiles = useProfiles();
  const avatars = useAvatars();
  const [editing, setEditing] = useState<Editing>(null);

  if (current?.kids) return <Navigate to={paths.profiles} replace />;
  const list = profiles.data?.profiles ?? [];
  const edited = editing?.kind === 'edit' ? list.find((p) => p.id === editing.id) : undefined;
  const used = new Set(list.map((p) => p.avatar));
  const freeAvatar = avatars.data?.avatars.find((a) => !used.has(a.key))?.key;

  return (
    <div className="profiles-page">
      <header className="profiles-page__header">
        <Link to={paths.home} className="brand" aria-label="Marquee">
          <span aria-hidden="true">MARQUEE</span>
        </Link>
      </header>
      <main id="main" className="profiles-page__main" aria-busy={profiles.isPending || undefined}>
        <h1 className="profiles-page__title">Manage profiles</h1>
        {profiles.isError ? (
          <ErrorState message="Couldn’t load the profiles." onRetry={() => void profiles.refetch()} />
        ) : (
          <ul className="picker__grid">
            {list.map((profile) => (
              <li key={profile.id}>
                <ManageTile profile={profile} onEdit={() => setEditing({ kind: 'edit', id: profile.id })} />
              </li>
            ))}
            {profiles.data && list.length < FIELD_LIMITS.profiles.max && (
              <li>
                <button type="button" className="picker__tile picker__tile--add" onClick={() => setEditing({ kind: 'add' })}>
                  <span className="picker__avatar picker__avatar--add" aria-hidden="true">
                    <svg viewBox="0 0 24 24" width="56" height="56">
                      <path d="M12 4v16M4 12h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                    </svg>
                  </span>
                  <span className="picker__name">Add profile</span>
                </button>
              </li>
            )}
          </ul>
        )}
        <Link to={paths.profiles} className="btn btn--primary profiles-page__manage">
          Done
        </Link>
      </main>
      {editing && avatars.data && (editing.kind === 'add' || edited) && (
        <ProfileDialog
          key={editing.kind === 'add' ? 'add' : editing.id}
          profile={edited}
          avatars={avatars.data.avatars}
          defaultAvatar={freeAvatar}
          canDelete={!!edited && !edited.owner && edited.id !== current?.id}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function ManageTile({ profile, onEdit }: { profile: Profile; onEdit: () => void }) {
  return (
    <button type="button" className={`picker__tile picker__tile--manage${profile.kids ? ' picker__tile--kids' : ''}`} aria-label={`Edit ${profile.name}`} onClick={onEdit}>
      <span className="picker__avatar">
        <ProfileAvatar avatar={profile.avatar} size={160} />
        <span className="picker__edit" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="36" height="36">
            <path d="M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
          </svg>
        </span>
        {profile.kids && <span className="picker__kids-badge">Kids</span>}
      </span>
      <span className="picker__name">{profile.name}</span>
      <span className="picker__meta">
        {MATURITY_LABELS[profile.maturity]}
        {profile.locked ? ' · PIN' : ''}
      </span>
    </button>
  );
}
