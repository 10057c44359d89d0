import { Navigate } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { useSetupStatus } from '../../features/auth/api/get-setup-status';
import { paths } from '../../lib/paths';
import { NoWorkspace } from './no-workspace';

const LAST_WORKSPACE_KEY = 'cairn:lastWorkspace';

export function rememberWorkspace(ws: string) {
  localStorage.setItem(LAST_WORKSPACE_KEY, ws);
}

/** `/`: first run → setup; signed out → sign-in; else the last workspace used. */
export function HomeRoute() {
  const setup = useSetupStatus();
  const me = useMe();
  if (setup.isPending || me.isPending) return <Loading />;
  // getMe answers null for "not signed in"; an error here is the server or the network failing.
  if (setup.error || me.error) return <ErrorMessage error={setup.error ?? me.error} />;
  if (setup.data.needed) return <Navigate to={paths.setup} replace />;
  if (!me.data) return <Navigate to={paths.login} replace />;
  const memberships = me.data.memberships;
  if (!memberships.length) return <NoWorkspace />;
  const last = localStorage.getItem(LAST_WORKSPACE_KEY);
  const target = memberships.find((m) => m.workspace.id === last) ?? memberships[0]!;
  return <Navigate to={paths.inbox(target.workspace.id)} replace />;
}
