import { useNavigate } from 'react-router';
import { AuthCard } from '../../features/auth/components/auth-card';
import { LoginForm } from '../../features/auth/components/login-form';
import { paths } from '../../lib/paths';

export function LoginRoute() {
  const navigate = useNavigate();
  return (
    <AuthCard title="Sign in">
      <LoginForm onDone={() => navigate(paths.root, { replace: true })} />
    </AuthCard>
  );
}
