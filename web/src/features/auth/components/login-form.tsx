import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { paths } from '../../../lib/paths';
import { useSignIn } from '../api/sign-in';
import { emailError } from './validation';

function signInFailure(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Incorrect email or password.';
    if (error.status === 429) {
      const minutes = error.retryAfter ? Math.ceil(error.retryAfter / 60) : null;
      return minutes ? `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` : 'Too many attempts. Try again later.';
    }
    if (error.status === 0) return error.message;
  }
  return 'Sign-in failed. Please try again.';
}

/** The sign-in form; `onSignedIn` decides where to go next. */
export function LoginForm({ onSignedIn }: { onSignedIn?: () => void }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string | null; password?: string | null }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { email: emailError(email), password: password ? null : 'Enter your password.' };
    setErrors(next);
    if (next.email || next.password) return;
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  };

  return (
    <form className="auth-form" noValidate onSubmit={submit} aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in</h1>
      {signIn.isError && (
        <p className="form-message form-message--error" role="alert">
          {signInFailure(signIn.error)}
        </p>
      )}
      <Field label="Email" type="email" name="email" autoComplete="email" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
      <Field label="Password" type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
      <button type="submit" className="btn btn--primary btn--block" disabled={signIn.isPending}>
        Sign in
      </button>
      <p className="auth-form__switch">
        New to Marquee? <Link to={paths.register}>Create account</Link>
      </p>
    </form>
  );
}
