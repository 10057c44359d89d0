import { Navigate, useNavigate } from 'react-router';
import { Loading } from '../../components/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { AuthCard } from '../../features/auth/components/auth-card';
import { LoginForm } from '../../features/auth/components/login-form';
import { paths } from '../../lib/paths';

export function LoginRoute() {
  const navigate = useNavigate();
  const me = useMe();
  if (me.isPending) return <Loading />;
  // Someone already signed in (a bookmark, a second tab, setup once done) goes on to their workspace rather than sign in again.
  if (me.data) return <Navigate to={paths.root} replace />;
  return (
    <AuthCard title="Sign in">
      <LoginForm onDone={() => navigate(paths.root, { replace: true })} />
    </AuthCard>
  );
}
