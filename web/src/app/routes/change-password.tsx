import { Navigate, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { AuthCard } from '../../features/auth/components/auth-card';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { paths } from '../../lib/paths';

/**
 * New members arrive with a password an admin chose; they replace it before anything else. Once
 * they have, this page has nothing to ask (Settings → Your password changes it later): it sends
 * them on, which is also where the change itself leads.
 */
export function ChangePasswordRoute() {
  const navigate = useNavigate();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.error) return <ErrorMessage error={me.error} />;
  if (!me.data) return <Navigate to={paths.login} replace />;
  if (!me.data.user.mustChangePassword) return <Navigate to={paths.root} replace />;
  return (
    <AuthCard title="Choose your password" intro="Your account was created with a temporary password. Pick your own to continue.">
      <ChangePasswordForm onDone={() => navigate(paths.root, { replace: true })} />
    </AuthCard>
  );
}
