import { useNavigate } from 'react-router';
import { Loading } from '../../components/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { MembersPanel } from '../../features/members/components/members-panel';
import { paths } from '../../lib/paths';
import { useWorkspace } from '../../lib/workspace';

export function SettingsMembersRoute() {
  const workspace = useWorkspace();
  const me = useMe();
  const navigate = useNavigate();
  if (!me.data) return <Loading />;
  return <MembersPanel workspace={workspace} currentUserId={me.data.user.id} onLeft={() => navigate(paths.root, { replace: true })} />;
}
