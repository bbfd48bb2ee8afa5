import { useState, type FormEvent } from 'react';
import type { User } from '@marquee/contracts';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useUpdateProfile } from '../api/update-profile';

function avatarError(value: string): string | null {
  if (!value.trim()) return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an http or https address.';
    if (value.trim().length > 2048) return 'Use an address of at most 2048 characters.';
    return null;
  } catch {
    return 'Enter a full address like https://example.com/me.jpg.';
  }
}

function failureMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) {
    if (error.code === 'WRONG_PASSWORD') return 'Your current password is not correct.';
    if (error.fieldErrors[0]) return error.fieldErrors[0].message;
    if (error.status === 0) return error.message;
  }
  return fallback;
}

/** Name and avatar, with a live preview of the avatar. */
export function ProfileForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  const [name, setName] = useState(user.name);
  const [avatar, setAvatar] = useState(user.avatar ?? '');
  const [errors, setErrors] = useState<{ name?: string | null; avatar?: string | null }>({});
  const [previewFailed, setPreviewFailed] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const next = { name: trimmed ? ([...trimmed].length > 100 ? 'Use at most 100 characters.' : null) : 'Enter your name.', avatar: avatarError(avatar) };
    setErrors(next);
    if (next.name || next.avatar) return;
    update.mutate({ name: trimmed, avatar: avatar.trim() || null });
  };

  const previewUrl = !avatarError(avatar) && avatar.trim() ? avatar.trim() : null;
  return (
    <form className="card-form" noValidate onSubmit={submit} aria-labelledby="profile-details-heading">
      <h2 id="profile-details-heading">Your details</h2>
      <div className="profile__identity">
        <div className="avatar avatar--large" aria-hidden="true">
          {previewUrl && previewFailed !== previewUrl ? <img src={previewUrl} alt="" onError={() => setPreviewFailed(previewUrl)} /> : <span>{(name.trim() || user.email).charAt(0).toUpperCase()}</span>}
        </div>
        <p className="profile__email">{user.email}</p>
      </div>
      <Field label="Name" name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <Field
        label="Avatar URL"
        name="avatar"
        type="url"
        inputMode="url"
        placeholder="https://…"
        value={avatar}
        onChange={(e) => setAvatar(e.target.value)}
        error={errors.avatar}
        hint="The preview updates as you type. Leave empty for initials."
      />
      {update.isSuccess && (
        <p className="form-message form-message--success" role="status">
          Profile saved.
        </p>
      )}
      {update.isError && (
        <p className="form-message form-message--error" role="alert">
          {failureMessage(update.error, 'Couldn’t save your profile. Please try again.')}
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={update.isPending}>
        Save
      </button>
    </form>
  );
}

/** Password change: current and new password. */
export function PasswordForm() {
  const update = useUpdateProfile();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string | null; next?: string | null }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const length = [...next].length;
    const found = {
      current: current ? null : 'Enter your current password.',
      next: length === 0 ? 'Choose a new password.' : length < 8 ? 'Use at least 8 characters.' : length > 128 ? 'Use at most 128 characters.' : null,
    };
    setErrors(found);
    if (found.current || found.next) return;
    update.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
        },
      },
    );
  };

  return (
    <form className="card-form" noValidate onSubmit={submit} aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <Field label="Current password" name="current_password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.current} />
      <Field label="New password" name="new_password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} error={errors.next} hint="At least 8 characters. Other devices are signed out." />
      {update.isSuccess && (
        <p className="form-message form-message--success" role="status">
          Password changed.
        </p>
      )}
      {update.isError && (
        <p className="form-message form-message--error" role="alert">
          {failureMessage(update.error, 'Couldn’t change your password. Please try again.')}
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={update.isPending}>
        Save
      </button>
    </form>
  );
}
