import { useId, useState } from 'react';
import type { Profile } from '@marquee/contracts';
import { ProfileAvatar } from '../../../components/ui/profile-avatar';
import { useSwitchProfile } from '../api/switch-profile';
import { PinDialog } from './pin-dialog';
import { switchFailure } from './profile-errors';

interface ProfilePickerProps {
  profiles: Profile[];
  /** The profile the session is on: choosing it needs no switch (nor its PIN: the password opened it). */
  currentId: string | null;
  /** The session is on the chosen profile. */
  onChosen: () => void;
}

/** "Who's watching?": a tile per profile; a locked one asks for its PIN first. */
export function ProfilePicker({ profiles, currentId, onChosen }: ProfilePickerProps) {
  const switchProfile = useSwitchProfile();
  const [asking, setAsking] = useState<Profile | null>(null);
  const lockedId = useId();

  const choose = (profile: Profile) => {
    if (profile.id === currentId) onChosen();
    else if (profile.locked) setAsking(profile);
    else switchProfile.mutate({ id: profile.id }, { onSuccess: onChosen });
  };

  return (
    <>
      {switchProfile.isError && (
        <p className="form-message form-message--error picker__error" role="alert">
          {switchFailure(switchProfile.error)}
        </p>
      )}
      <ul className="picker__grid">
        {profiles.map((profile) => (
          <li key={profile.id}>
            <button
              type="button"
              className={`picker__tile${profile.kids ? ' picker__tile--kids' : ''}`}
              aria-label={profile.name}
              aria-describedby={profile.locked ? lockedId : undefined}
              disabled={switchProfile.isPending}
              onClick={() => choose(profile)}
            >
              <span className="picker__avatar">
                <ProfileAvatar avatar={profile.avatar} size={160} />
                {profile.kids && <span className="picker__kids-badge">Kids</span>}
              </span>
              <span className="picker__name">{profile.name}</span>
              {profile.locked && (
                <span className="picker__lock" aria-hidden="true">
                  <svg viewBox="0 0 16 16" width="14" height="14">
                    <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v7h-9z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
                  </svg>
                  (locked)
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <span id={lockedId} hidden>
        (locked)
      </span>
      {asking && (
        <PinDialog
          profile={asking}
          onCancel={() => setAsking(null)}
          onUnlocked={() => {
            setAsking(null);
            onChosen();
          }}
        />
      )}
    </>
  );
}
