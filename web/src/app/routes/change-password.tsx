import { useNavigate } from 'react-router';
import { AuthCard } from '../../features/auth/components/auth-card';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { paths } from '../../lib/paths';

/** New members arrive with a password an admin chose; they replace it before anything else. */
export function ChangePasswordRoute() {
  const navigate = useNavigate();
  return (
    <AuthCard title="Choose your password" intro="Your account was created with a temporary password. Pick your own to continue.">
      <ChangePasswordForm onDone={() => navigate(paths.root, { replace: true })} />
    </AuthCard>
  );
}
