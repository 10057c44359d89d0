import type { ReactNode } from 'react';
import { Navigate, Outlet } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { KeyIcon } from '../../components/key-icon';
import { PageHeader } from '../../components/page-header';
import { Tabs } from '../../components/tabs';
import { useWorkspace } from '../../lib/workspace';
import { SETTINGS_PAGES } from './nav-items';

/** Settings: tabs for what my role lets me manage (viewers and contributors see the members list only). */
export function SettingsLayout() {
  const workspace = useWorkspace();
  const tabs = SETTINGS_PAGES.filter((page) => !page.adminOnly || workspace.can('admin')).map((page) => ({ label: page.label, to: page.to(workspace.id) }));
  return (
    <>
      <PageHeader title="Settings" description={`“${workspace.name}” · you are ${workspace.role}`} />
      <Tabs label="Settings" tabs={tabs} />
      <Outlet />
    </>
  );
}

export function SettingsIndexRoute() {
  return <Navigate to="members" replace />;
}

/** Tokens, the audit log and general settings are for admins; anyone else who lands here gets told why, not an error. */
export function AdminOnly({ what, children }: { what: string; children: ReactNode }) {
  const workspace = useWorkspace();
  if (workspace.can('admin')) return children;
  return (
    <EmptyState title="For admins and owners" icon={<KeyIcon />}>
      Only admins and owners can see {what}. You are {workspace.role} in this workspace; ask an admin if you need access.
    </EmptyState>
  );
}
