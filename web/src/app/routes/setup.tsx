import { Navigate, useNavigate } from 'react-router';
import { Loading } from '../../components/spinner';
import { useSetupStatus } from '../../features/auth/api/get-setup-status';
import { AuthCard } from '../../features/auth/components/auth-card';
import { SetupForm } from '../../features/auth/components/setup-form';
import { paths } from '../../lib/paths';

export function SetupRoute() {
  const status = useSetupStatus();
  const navigate = useNavigate();
  if (status.isPending) return <Loading />;
  if (status.data && !status.data.needed) return <Navigate to={paths.login} replace />;
  return (
    <AuthCard
      title="Welcome to Cairn"
      intro="Create the owner account. You will be able to invite your team, import interviews, tickets and surveys, and trace every decision back to what customers said."
    >
      <SetupForm onDone={(ws) => navigate(paths.inbox(ws), { replace: true })} />
    </AuthCard>
  );
}
