import { useEffect } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/button';
import { CairnLogo } from '../../components/cairn-logo';
import { EmptyState } from '../../components/empty-state';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/spinner';
import { ThemeSelect } from '../../components/theme-select';
import { useMe } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/sign-in';
import { HealthIndicator } from '../../features/health/components/health-indicator';
import { SavedSearchesNav } from '../../features/search/components/saved-searches-nav';
import { TopBarSearch } from '../../features/search/components/top-bar-search';
import { NARROW_SCREEN, useMediaQuery } from '../../lib/media-query';
import { paths } from '../../lib/paths';
import { WorkspaceProvider } from '../../lib/workspace';
import { useNavigationFocus } from '../navigation-focus';
import { rememberWorkspace } from './home';
import { NAV_ITEMS, navItemAt } from './nav-items';
import { NavMenu } from './nav-menu';
import { WorkspacePalette } from './workspace-palette';
import { WorkspaceSwitcher } from './workspace-switcher';

/** The signed-in shell: sidebar navigation, top bar, and the page. */
export function WorkspaceLayout() {
  const { ws = '' } = useParams();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const section = navItemAt(useLocation().pathname, ws);
  const membership = me.data?.memberships.find((m) => m.workspace.id === ws);
  // On a phone the account controls join the links in the menu: beside the palette they took a second row of the top bar.
  const narrow = useMediaQuery(NARROW_SCREEN);
  useNavigationFocus();

  useEffect(() => {
    if (membership) rememberWorkspace(ws);
  }, [membership, ws]);

  if (me.isPending) return <Loading />;
  if (me.error) return <ErrorMessage error={me.error} />;
  if (!me.data) return <Navigate to={paths.login} replace />;
  if (me.data.user.mustChangePassword) return <Navigate to={paths.changePassword} replace />;

  const userMenu = (
    <div className="user-menu">
      <span className="user-name" title={me.data.user.email}>
        {me.data.user.name}
        {membership && <span className="role-badge">{membership.role}</span>}
      </span>
      <ThemeSelect />
      <Button size="sm" variant="ghost" onClick={() => logout.mutate(undefined, { onSettled: () => navigate(paths.login) })}>
        Sign out
      </Button>
    </div>
  );
  const shell = (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <CairnLogo size={22} /> Cairn
        </div>
        <NavMenu ws={ws}>
          <WorkspaceSwitcher current={ws} memberships={me.data.memberships} />
          <nav aria-label="Main" className="main-nav">
            <ul className="nav-list">
              {NAV_ITEMS.map((item) => (
                <li key={item.page}>
                  <NavLink to={item.to(ws)} className={({ isActive }) => `nav-link${isActive || section === item ? ' active' : ''}`}>
                    <span className="nav-icon" aria-hidden="true">
                      {item.icon}
                    </span>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {membership && <SavedSearchesNav ws={ws} />}
          {narrow && userMenu}
        </NavMenu>
        <div className="sidebar-footer">
          <HealthIndicator />
        </div>
      </aside>
      <div className="main-column">
        <header className="topbar">
          {membership && <WorkspacePalette ws={ws} />}
          {membership && <TopBarSearch ws={ws} />}
          {!narrow && userMenu}
        </header>
        <main id="main" className="content" tabIndex={-1}>
          {membership ? (
            <Outlet />
          ) : (
            <EmptyState title="Workspace not found" icon="?">
              It does not exist or you are not a member. Pick one of your workspaces in the sidebar (under Menu on a narrow screen).
            </EmptyState>
          )}
        </main>
      </div>
    </div>
  );
  // Sidebar, top bar and page alike read the current workspace (role, user) from here.
  return membership ? (
    <WorkspaceProvider workspace={membership.workspace} role={membership.role} userId={me.data.user.id}>
      {shell}
    </WorkspaceProvider>
  ) : (
    shell
  );
}
