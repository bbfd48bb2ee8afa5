import { RegisterForm } from '../../features/auth/components/register-form';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AuthLayout } from './auth-layout';

/** `/register`: a new account is signed in and sent on like a sign-in. */
export default function RegisterPage() {
  useDocumentTitle('Create account');
  return (
    <AuthLayout>
      <RegisterForm />
    </AuthLayout>
  );
}
