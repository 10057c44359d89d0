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

/** The section a workspace page belongs to: the item whose page it is or lies under, if any. */
export function navItemAt(pathname: string, ws: string) {
  const isUnder = (root: string) => pathname === root || pathname.startsWith(`${root}/`);
  return NAV_ITEMS.find((item) => isUnder(item.to(ws)) || (item.alsoAt && isUnder(item.alsoAt(ws))));
}
