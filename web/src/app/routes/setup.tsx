import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { Loading } from '../../components/spinner';
import { useSetupStatus } from '../../features/auth/api/get-setup-status';
import { AuthCard } from '../../features/auth/components/auth-card';
import { SetupForm } from '../../features/auth/components/setup-form';
import { paths } from '../../lib/paths';

export function SetupRoute() {
  const status = useSetupStatus();
  const navigate = useNavigate();
  // Once this page made the owner, "no setup needed" is its own doing: the page stays mounted
  // while the next one's code loads, and must not send the new owner to sign in meanwhile.
  const [madeOwner, setMadeOwner] = useState(false);
  if (status.isPending) return <Loading />;
  if (status.data && !status.data.needed && !madeOwner) return <Navigate to={paths.login} replace />;
  return (
    <AuthCard
      title="Welcome to Cairn"
      intro="Create the owner account. You will be able to invite your team, import interviews, tickets and surveys, and trace every decision back to what customers said."
    >
      <SetupForm
        onDone={(ws) => {
          setMadeOwner(true);
          navigate(paths.inbox(ws), { replace: true });
        }}
      />
    </AuthCard>
  );
}
