import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { paths } from '../../../lib/paths';
import { useRegister } from '../api/register';
import { emailError, nameError, newPasswordError } from './validation';

type Fields = 'name' | 'email' | 'password';
type Errors = Partial<Record<Fields, string | null>>;

/** Maps the server's verdict onto the fields, so a taken email is announced on the Email field. */
function serverErrors(error: unknown): { fields: Errors; form: string | null } {
  if (error instanceof ApiError) {
    if (error.code === 'EMAIL_TAKEN' || error.status === 409) return { fields: { email: 'An account with this email already exists.' }, form: null };
    if (error.fieldErrors.length > 0) {
      const fields: Errors = {};
      for (const { path, message } of error.fieldErrors) {
        const key = path.replace(/^\//, '') as Fields;
        if (key === 'name' || key === 'email' || key === 'password') fields[key] = message;
      }
      return { fields, form: Object.keys(fields).length ? null : error.message };
    }
    if (error.status === 429) return { fields: {}, form: 'Too many sign-ups from here. Try again in a minute.' };
    if (error.code === 'INVITATION_REQUIRED') {
      return { fields: {}, form: 'You need a valid invitation to join this Marquee. This link may have been used, revoked or have expired: ask the owner for a new one.' };
    }
    if (error.code === 'REGISTRATION_CLOSED') return { fields: {}, form: 'This Marquee is not taking new accounts.' };
    return { fields: {}, form: error.message };
  }
  return { fields: {}, form: 'Something went wrong. Please try again.' };
}

/**
 * The create-account form, validated in the app with errors announced on each field. With an
 * `invitation` (the token of an invitation link) the account uses it up.
 */
export function RegisterForm({ onRegistered, invitation }: { onRegistered?: () => void; invitation?: string | null }) {
  const register = useRegister();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = (key: Fields) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Errors = { name: nameError(values.name), email: emailError(values.email), password: newPasswordError(values.password) };
    setErrors(next);
    setFormError(null);
    const firstInvalid = (['name', 'email', 'password'] as const).find((key) => next[key]);
    if (firstInvalid) {
      event.currentTarget.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    register.mutate(
      { name: values.name.trim(), email: values.email.trim(), password: values.password, ...(invitation ? { invitation } : {}) },
      {
        onSuccess: onRegistered,
        onError: (error) => {
          const { fields, form } = serverErrors(error);
          setErrors(fields);
          setFormError(form);
        },
      },
    );
  };

  return (
    <form className="auth-form" noValidate onSubmit={submit} aria-labelledby="register-heading">
      <h1 id="register-heading">Create account</h1>
      {invitation && <p className="auth-form__note">You’ve been invited to join this Marquee.</p>}
      {formError && (
        <p className="form-message form-message--error" role="alert">
          {formError}
        </p>
      )}
      <Field label="Name" name="name" autoComplete="name" value={values.name} onChange={set('name')} error={errors.name} />
      <Field label="Email" type="email" name="email" autoComplete="email" inputMode="email" value={values.email} onChange={set('email')} error={errors.email} />
      <Field
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        hint="At least 8 characters."
      />
      <button type="submit" className="btn btn--primary btn--block" disabled={register.isPending}>
        Create account
      </button>
      <p className="auth-form__switch">
        Already have an account? <Link to={paths.login}>Sign in</Link>
      </p>
    </form>
  );
}
