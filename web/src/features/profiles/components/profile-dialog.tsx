import { useId, useState, type FormEvent } from 'react';
import type { Avatar, Profile, UpdateProfileBody } from '@marquee/contracts';
import { FIELD_LIMITS } from '@marquee/contracts/fields';
import { MATURITY_LABELS, MATURITY_LEVELS, type MaturityLevel } from '@marquee/contracts/maturity';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useCreateProfile, useDeleteProfile, useUpdateProfile } from '../api/manage-profiles';
import { manageFailure } from './profile-errors';
import { allowsLevel, kidsLevel, needsPassword, pinError, profileNameError } from './profile-validation';

/**
 * What the PIN field of a locked profile shows until it is touched: the PIN is never sent back, so
 * the field stands for "keep it". Cleared, it removes the PIN; four digits replace it.
 */
const KEEP_PIN = '\u2022\u2022\u2022\u2022';

interface ProfileDialogProps {
  /** The profile to edit; absent to add one. */
  profile?: Profile;
  avatars: Avatar[];
  /** The avatar a new profile starts with. */
  defaultAvatar?: string;
  /** Whether "Delete profile" is offered (never for the owner profile, nor the one in use). */
  canDelete?: boolean;
  onClose: () => void;
}

interface FieldErrors {
  name?: string | null;
  pin?: string | null;
  password?: string | null;
}

/** "Add profile" / "Edit {name}": name, avatar, kids, maturity and, in edit, PIN and deletion. */
export function ProfileDialog({ profile, avatars, defaultAvatar, canDelete = false, onClose }: ProfileDialogProps) {
  const headingId = useId();
  const editing = profile !== undefined;
  const create = useCreateProfile();
  const update = useUpdateProfile();
  const remove = useDeleteProfile();
  const [name, setName] = useState(profile?.name ?? '');
  const [avatar, setAvatar] = useState(profile?.avatar ?? defaultAvatar ?? avatars[0]?.key ?? '');
  const [kids, setKids] = useState(profile?.kids ?? false);
  const [maturity, setMaturity] = useState<MaturityLevel>(profile?.maturity ?? 'all');
  const [pin, setPin] = useState(profile?.locked ? KEEP_PIN : '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const pinChanged = editing && (profile.locked ? pin !== KEEP_PIN : pin !== '');
  const passwordNeeded = editing && needsPassword(profile, { kids, maturity, pinChanged });
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;
  const failureCode = failure instanceof ApiError ? failure.code : null;
  const title = editing ? `Edit ${profile.name}` : 'Add profile';

  const toggleKids = (next: boolean) => {
    setKids(next);
    if (next) setMaturity((level) => kidsLevel(level));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {
      name: profileNameError(name),
      pin: editing && pinChanged ? pinError(pin) : null,
      password: passwordNeeded && !password ? 'Enter your account password to make this change.' : null,
    };
    setErrors(found);
    if (found.name || found.pin || found.password) return;
    if (!editing) {
      create.mutate({ name: name.trim(), avatar, kids, maturity }, { onSuccess: onClose });
      return;
    }
    const body: UpdateProfileBody = {};
    if (name.trim() !== profile.name) body.name = name.trim();
    if (avatar !== profile.avatar) body.avatar = avatar;
    if (kids !== profile.kids) body.kids = kids;
    if (maturity !== profile.maturity) body.maturity = maturity;
    if (pinChanged) body.pin = pin === '' ? null : pin;
    if (passwordNeeded) body.current_password = password;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    update.mutate({ id: profile.id, body }, { onSuccess: onClose, onError: () => setPassword('') });
  };

  if (editing && confirmingDelete) {
    return (
      <Dialog labelledBy={headingId} onClose={onClose} className="dialog--small">
        <div className="confirm">
          <h2 id={headingId} className="confirm__title">
            {title}
          </h2>
          <p>
            Delete <strong>{profile.name}</strong>? Their My List and ratings are deleted with the profile. This can’t be undone.
          </p>
          {remove.isError && (
            <p className="form-message form-message--error" role="alert">
              {manageFailure(remove.error)}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="btn btn--secondary" onClick={() => setConfirmingDelete(false)} data-autofocus="">
              Cancel
            </button>
            <button type="button" className="btn btn--danger" disabled={remove.isPending} onClick={() => remove.mutate(profile.id, { onSuccess: onClose })}>
              Delete
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog labelledBy={headingId} onClose={onClose} className="dialog--form">
      <form className="profile-dialog" noValidate onSubmit={submit}>
        <h2 id={headingId} className="profile-dialog__title">
          {title}
        </h2>
        {failure && (
          <p className="form-message form-message--error" role="alert">
            {manageFailure(failure)}
          </p>
        )}
        <Field
          label="Name"
          name="name"
          autoComplete="off"
          maxLength={FIELD_LIMITS.profileName.untrimmedMax}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name ?? (failureCode === 'PROFILE_NAME_TAKEN' ? manageFailure(failure) : null)}
          data-autofocus=""
        />
        <div className="avatar-picker">
          <p id={`${headingId}-avatar`} className="field__label">
            Avatar
          </p>
          <div role="radiogroup" aria-labelledby={`${headingId}-avatar`} className="avatar-picker__grid">
            {avatars.map((option) => (
              <label key={option.key} className="avatar-picker__option">
                <input type="radio" name="avatar" value={option.key} checked={avatar === option.key} onChange={() => setAvatar(option.key)} aria-label={avatarLabel(option.key)} />
                <img src={option.url} alt="" width={56} height={56} decoding="async" />
              </label>
            ))}
          </div>
        </div>
        <label className="check">
          <input type="checkbox" checked={kids} onChange={(e) => toggleKids(e.target.checked)} />
          <span>
            Kids profile
            <span className="check__hint">Made for children: titles up to {MATURITY_LABELS.older_kids.toLowerCase()}, and no access to profile settings.</span>
          </span>
        </label>
        <MaturitySelect value={maturity} kids={kids} onChange={setMaturity} />
        {editing && (
          <Field
            label="PIN"
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={pin}
            onFocus={(e) => {
              // The "keep" dots are replaced by whatever is typed first.
              if (e.currentTarget.value === KEEP_PIN) e.currentTarget.select();
            }}
            onChange={(e) => setPin(e.target.value.startsWith(KEEP_PIN) ? e.target.value.slice(KEEP_PIN.length).replace(/\D/g, '').slice(0, 4) || KEEP_PIN : e.target.value.replace(/\D/g, '').slice(0, 4))}
            error={errors.pin}
            hint={profile.locked ? 'Locked with a PIN. Type 4 new digits to change it; empty removes it.' : '4 digits to lock this profile; empty for no PIN.'}
          />
        )}
        {passwordNeeded && (
          <Field
            label="Current password"
            name="current_password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password ?? (failureCode === 'WRONG_PASSWORD' ? manageFailure(failure) : null)}
            hint="Your account password: needed to raise the limit, leave kids mode, or change the PIN."
          />
        )}
        <div className="dialog__actions">
          {editing && canDelete && (
            <button type="button" className="btn btn--ghost-danger dialog__actions-start" onClick={() => setConfirmingDelete(true)}>
              Delete profile
            </button>
          )}
          <button type="button" className="btn btn--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** "Maturity": the four levels; above `older_kids` is not offered to a kids profile. */
function MaturitySelect({ value, kids, onChange }: { value: MaturityLevel; kids: boolean; onChange: (level: MaturityLevel) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Maturity
      </label>
      <select id={id} className="field__input field__select" value={value} onChange={(e) => onChange(e.target.value as MaturityLevel)}>
        {MATURITY_LEVELS.map((level) => (
          <option key={level} value={level} disabled={!allowsLevel(kids, level)}>
            {MATURITY_LABELS[level]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "fox-orange" → "Fox orange": a readable name for an avatar key. */
function avatarLabel(key: string): string {
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
