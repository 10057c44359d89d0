import { useState } from 'react';
import type { ApiToken } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { CopyField } from '../../../components/copy-field';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/spinner';
import { KeyIcon } from '../../../components/key-icon';
import { Table, TableFigure, type Column } from '../../../components/table';
import { useToast } from '../../../components/toast';
import { formatDateTime } from '../../../lib/dates';
import type { CurrentWorkspace } from '../../../lib/workspace';
import { useTokens } from '../api/list-tokens';
import { useRevokeToken } from '../api/revoke-token';
import { curlExample } from '../curl-example';
import { CreateTokenDialog } from './create-token-dialog';

const formatTime = (value: string | null) => (value ? formatDateTime(value) : 'Never');

export function TokensPanel({ workspace }: { workspace: CurrentWorkspace }) {
  const tokens = useTokens(workspace.id);
  const revoke = useRevokeToken(workspace.id);
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        toast.show(`Revoked “${revoking.name}”`, 'success');
        setRevoking(null);
      },
    });
  };

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: 'Name', cell: (token) => token.name },
    { key: 'role', header: 'Role', cell: (token) => <span className="badge">{token.role}</span> },
    { key: 'prefix', header: 'Token', cell: (token) => <code>{token.prefix}…</code> },
    { key: 'createdBy', header: 'Created by', cell: (token) => <TableFigure label="Created by">{token.createdBy?.name ?? <span className="muted">a token</span>}</TableFigure> },
    { key: 'createdAt', header: 'Created', cell: (token) => <TableFigure label="Created">{formatTime(token.createdAt)}</TableFigure> },
    { key: 'lastUsedAt', header: 'Last used', cell: (token) => <TableFigure label="Last used">{formatTime(token.lastUsedAt)}</TableFigure> },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'right',
      cell: (token) => (
        <Button size="sm" variant="danger" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
          Revoke
        </Button>
      ),
    },
  ];

  return (
    <section className="stack" aria-labelledby="tokens-heading">
      <div className="section-header">
        <div>
          <h2 id="tokens-heading">API tokens</h2>
          <p className="muted">
            Scripts and integrations (ticket webhooks, exports) call the API with a token instead of a password. Each token acts with one role in
            this workspace only.
          </p>
        </div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          Create token
        </Button>
      </div>
      {tokens.isPending ? (
        <Loading />
      ) : tokens.error ? (
        <ErrorMessage error={tokens.error} />
      ) : tokens.data.length ? (
        <Table caption="API tokens" columns={columns} rows={tokens.data} rowKey={(token) => token.id} cards />
      ) : (
        <EmptyState title="No API tokens yet" icon={<KeyIcon />} action={<Button onClick={() => setCreating(true)}>Create a token</Button>}>
          Create one for each script or integration, with the smallest role it needs, so you can revoke it alone.
        </EmptyState>
      )}
      <CopyField label="Calling the API" value={curlExample(workspace.id, 'cairn_…')} multiline />
      <CreateTokenDialog workspace={workspace} open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke token?"
        confirmLabel="Revoke"
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={confirmRevoke}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        Anything still using “{revoking?.name}” will get 401 from now on. This cannot be undone.
      </ConfirmDialog>
    </section>
  );
}
