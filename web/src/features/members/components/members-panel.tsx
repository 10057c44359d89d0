import { useState } from 'react';
import { hasRole, rolesGrantableBy, type Member, type Role } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Select } from '../../../components/field';
import { Loading } from '../../../components/spinner';
import { Table, type Column } from '../../../components/table';
import { useToast } from '../../../components/toast';
import { formatDate } from '../../../lib/dates';
import type { CurrentWorkspace } from '../../../lib/workspace';
import { useChangeMemberRole } from '../api/change-member-role';
import { useMembers } from '../api/list-members';
import { useRemoveMember } from '../api/remove-member';
import { ROLE_DESCRIPTIONS } from '../roles';
import { AddMemberDialog } from './add-member-dialog';

type Props = {
  workspace: CurrentWorkspace;
  currentUserId: string;
  /** Called after I removed myself: this workspace is no longer mine to look at. */
  onLeft: () => void;
};

/** Why a row cannot be changed by me, or null when it can: said up front, not as a 409 after a confirmation. */
function lockReason(workspace: CurrentWorkspace, member: Member, owners: number): string | null {
  if (!workspace.can('admin')) return null;
  if (!hasRole(workspace.role, member.role)) return `Only owners can change or remove an owner.`;
  if (member.role === 'owner' && owners === 1) return 'The only owner: make someone else owner before changing this role or leaving.';
  return null;
}

export function MembersPanel({ workspace, currentUserId, onLeft }: Props) {
  const members = useMembers(workspace.id);
  const changeRole = useChangeMemberRole(workspace.id);
  const remove = useRemoveMember(workspace.id);
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const canManage = workspace.can('admin');
  const owners = members.data?.filter((member) => member.role === 'owner').length ?? 0;

  const onRoleChange = (member: Member, role: Role) => {
    changeRole.mutate({ userId: member.userId, role }, { onSuccess: () => toast.show(`${member.name} is now ${role}`, 'success') });
  };
  // A promise rather than `mutate`'s callbacks: removing myself refetches who I am without this
  // workspace, which unmounts this page before the removal settles, and `mutate` drops the
  // callbacks of a caller that has unmounted.
  const confirmRemove = () => {
    if (!removing) return;
    const leaving = removing.userId === currentUserId;
    void remove.mutateAsync(removing.userId).then(
      () => {
        toast.show(`Removed ${removing.name}`, 'success');
        setRemoving(null);
        if (leaving) onLeft();
      },
      () => {}, // The dialog shows `remove.error`.
    );
  };

  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (member) => (
        <>
          {member.name}
          {member.userId === currentUserId && <span className="muted"> (you)</span>}
          {member.mustChangePassword && (
            <span className="badge badge-inline" title="Has not chosen their own password yet">
              initial password
            </span>
          )}
        </>
      ),
    },
    { key: 'email', header: 'Email', cell: (member) => member.email },
    {
      key: 'role',
      header: 'Role',
      cell: (member) => {
        const locked = lockReason(workspace, member, owners);
        if (!canManage || locked) {
          return (
            <span className="role-cell">
              <span className="badge" title={ROLE_DESCRIPTIONS[member.role]}>
                {member.role}
              </span>
              {locked && <span className="muted small">{locked}</span>}
            </span>
          );
        }
        return (
          <Select
            aria-label={`Role of ${member.name}`}
            value={member.role}
            disabled={changeRole.isPending}
            onChange={(event) => onRoleChange(member, event.target.value as Role)}
          >
            {rolesGrantableBy(workspace.role).map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </Select>
        );
      },
    },
    { key: 'joined', header: 'Joined', cell: (member) => <time dateTime={member.joinedAt}>{formatDate(member.joinedAt)}</time> },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'right',
      cell: (member) => {
        const locked = lockReason(workspace, member, owners);
        return (
          <Button size="sm" variant="danger" disabled={locked !== null} title={locked ?? undefined} onClick={() => setRemoving(member)} aria-label={`Remove ${member.name}`}>
            Remove
          </Button>
        );
      },
    });
  }

  return (
    <section className="stack" aria-labelledby="members-heading">
      <div className="section-header">
        <div>
          <h2 id="members-heading">Members</h2>
          <p className="muted">
            {canManage
              ? 'Add colleagues, give each the role they need, and remove those who left. A workspace always keeps at least one owner.'
              : `Who can see this workspace. Only admins and owners can add members or change roles; you are ${workspace.role}.`}
          </p>
        </div>
        {canManage && (
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add member
          </Button>
        )}
      </div>
      {changeRole.error != null && <ErrorMessage error={changeRole.error} />}
      {members.isPending ? (
        <Loading />
      ) : members.error ? (
        <ErrorMessage error={members.error} />
      ) : (
        <Table caption="Members" columns={columns} rows={members.data} rowKey={(member) => member.userId} cards />
      )}
      <details className="role-help">
        <summary>What each role may do</summary>
        <dl>
          {Object.entries(ROLE_DESCRIPTIONS).map(([role, description]) => (
            <div key={role} className="role-help-row">
              <dt>{role}</dt>
              <dd>{description}</dd>
            </div>
          ))}
        </dl>
      </details>
      {canManage && <AddMemberDialog workspace={workspace} open={adding} onClose={() => setAdding(false)} />}
      <ConfirmDialog
        open={removing !== null}
        title="Remove member?"
        confirmLabel="Remove"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={confirmRemove}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        {removing?.userId === currentUserId
          ? 'You are removing yourself: you will lose access to this workspace.'
          : `${removing?.name ?? ''} will lose access to this workspace. Their highlights and sources stay; the API tokens they created are revoked.`}
      </ConfirmDialog>
    </section>
  );
}
