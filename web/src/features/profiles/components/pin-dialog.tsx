import { useId, useState, type FormEvent } from 'react';
import type { Profile } from '@marquee/contracts';
import { PIN_PATTERN } from '@marquee/contracts/fields';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { ProfileAvatar } from '../../../components/ui/profile-avatar';
import { useSwitchProfile } from '../api/switch-profile';
import { switchFailure } from './profile-errors';

const PIN = new RegExp(PIN_PATTERN);

interface PinDialogProps {
  profile: Profile;
  onCancel: () => void;
  /** The switch went through: the session is on `profile` now. */
  onUnlocked: () => void;
}

/** "Enter PIN": unlocks a locked profile by switching to it with its PIN. */
export function PinDialog({ profile, onCancel, onUnlocked }: PinDialogProps) {
  const headingId = useId();
  const switchProfile = useSwitchProfile();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!PIN.test(pin)) {
      setError('Enter the 4 digits of the PIN.');
      return;
    }
    setError(null);
    switchProfile.mutate({ id: profile.id, pin }, { onSuccess: onUnlocked, onError: () => setPin('') });
  };

  return (
    <Dialog labelledBy={headingId} onClose={onCancel} className="dialog--small">
      <form className="pin-form" noValidate onSubmit={submit}>
        <ProfileAvatar avatar={profile.avatar} size={72} className="pin-form__avatar" />
        <h2 id={headingId} className="pin-form__title">
          Enter PIN
        </h2>
        <p className="pin-form__lead">{profile.name}’s profile is locked.</p>
        {switchProfile.isError && (
          <p className="form-message form-message--error" role="alert">
            {switchFailure(switchProfile.error)}
          </p>
        )}
        <Field
          label="PIN"
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          className="field--pin"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 4))}
          error={error}
          data-autofocus=""
        />
        <div className="dialog__actions">
          <button type="button" className="btn btn--secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={switchProfile.isPending}>
            Unlock
          </button>
        </div>
      </form>
    </Dialog>
  );
}
