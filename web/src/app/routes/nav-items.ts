import { paths } from '../../lib/paths';

export type NavPage = 'inbox' | 'triage' | 'search' | 'highlights' | 'tags' | 'trends' | 'problems' | 'clusters' | 'backlog' | 'customers' | 'imports' | 'settings';

/** `alsoAt`: pages of the section that live at another address (companies, beside customers). */
export const NAV_ITEMS: Array<{ page: NavPage; label: string; icon: string; to: (ws: string) => string; alsoAt?: (ws: string) => string }> = [
  { page: 'inbox', label: 'Inbox', icon: '▤', to: paths.inbox },
  { page: 'triage', label: 'Triage', icon: '⚑', to: paths.triage },
  { page: 'search', label: 'Search', icon: '⌕', to: paths.search },
  { page: 'highlights', label: 'Highlights', icon: '✎', to: paths.highlights },
  { page: 'tags', label: 'Tags', icon: '#', to: paths.tags },
  { page: 'trends', label: 'Trends', icon: '↗', to: paths.trends },
  { page: 'problems', label: 'Problems', icon: '◆', to: paths.problems },
  { page: 'clusters', label: 'Clusters', icon: '⁂', to: paths.clusters },
  { page: 'backlog', label: 'Backlog', icon: '☰', to: paths.backlog },
  { page: 'customers', label: 'Customers', icon: '☺', to: paths.customers, alsoAt: paths.companies },
  { page: 'imports', label: 'Imports', icon: '⇪', to: paths.imports },
  { page: 'settings', label: 'Settings', icon: '⚙', to: paths.settings },
];

/**
 * The pages of Settings, its tabs. `adminOnly`: for admins and owners (the others see the members
 * only). `about`: the palette's second line for it, whose words find it too ("workspace").
 */
export const SETTINGS_PAGES: Array<{ label: string; about: string; to: (ws: string) => string; adminOnly: boolean }> = [
  { label: 'Members', about: 'Who is in the workspace, and their roles', to: paths.members, adminOnly: false },
  { label: 'API tokens', about: 'Access for scripts and integrations', to: paths.tokens, adminOnly: true },
  { label: 'Audit log', about: 'Who changed what, and when', to: paths.audit, adminOnly: true },
  { label: 'General', about: 'The workspace’s name, and another workspace', to: paths.settingsGeneral, adminOnly: true },
  { label: 'Your password', about: 'Change the password you sign in with', to: paths.settingsPassword, adminOnly: false },
];

/**
 * Pages in no section, named on a narrow screen's Menu button all the same: a source is opened
 * from the Inbox, Search, Highlights or a problem alike, so no link of the sidebar is its own.
 */
const PAGES_OUTSIDE_SECTIONS: Array<{ label: string; at: (ws: string) => string }> = [{ label: 'Reader', at: (ws) => `${paths.workspace(ws)}/sources` }];

/** The section a workspace page belongs to: the item whose page it is or lies under, if any. */
export function navItemAt(pathname: string, ws: string) {
  const isUnder = (root: string) => pathname === root || pathname.startsWith(`${root}/`);
  return NAV_ITEMS.find((item) => isUnder(item.to(ws)) || (item.alsoAt && isUnder(item.alsoAt(ws))));
}

/** What the Menu button calls the page: its section's name, or its own outside any. */
export function pageLabelAt(pathname: string, ws: string): string | undefined {
  const under = (root: string) => pathname.startsWith(`${root}/`);
  return navItemAt(pathname, ws)?.label ?? PAGES_OUTSIDE_SECTIONS.find((page) => under(page.at(ws)))?.label;
}
