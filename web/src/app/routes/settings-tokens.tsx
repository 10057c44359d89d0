import { TokensPanel } from '../../features/tokens/components/tokens-panel';
import { useWorkspace } from '../../lib/workspace';
import { AdminOnly } from './settings-layout';

export function SettingsTokensRoute() {
  const workspace = useWorkspace();
  return (
    <AdminOnly what="API tokens">
      <TokensPanel workspace={workspace} />
    </AdminOnly>
  );
}
