import { useSearchParams } from 'react-router';
import { RegisterForm } from '../../features/auth/components/register-form';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AuthLayout } from './auth-layout';

/** `/register` (or `/register?invitation=…` from an invitation link): a new account is signed in and sent on like a sign-in. */
export default function RegisterPage() {
  useDocumentTitle('Create account');
  const [params] = useSearchParams();
  return (
    <AuthLayout>
      <RegisterForm invitation={params.get('invitation')} />
    </AuthLayout>
  );
}
