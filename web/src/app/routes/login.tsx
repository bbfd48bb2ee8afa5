import { LoginForm } from '../../features/auth/components/login-form';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AuthLayout } from './auth-layout';

/** `/login`. A successful sign-in flips the session, and `RedirectIfSignedIn` returns to the page first asked for. */
export default function LoginPage() {
  useDocumentTitle('Sign in');
  return (
    <AuthLayout>
      <LoginForm />
    </AuthLayout>
  );
}
