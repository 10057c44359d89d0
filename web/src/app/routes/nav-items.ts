import { paths } from '../../lib/paths';

export type NavPage = 'inbox' | 'triage' | 'search' | 'highlights' | 'tags' | 'trends' | 'problems' | 'clusters' | 'backlog' | 'customers' | 'imports' | 'settings';

export const NAV_ITEMS: Array<{ page: NavPage; label: string; icon: string; to: (ws: string) => string }> = [
  { page: 'inbox', label: 'Inbox', icon: '▤', to: paths.inbox },
  { page: 'triage', label: 'Triage', icon: '⚑', to: paths.triage },
  { page: 'search', label: 'Search', icon: '⌕', to: paths.search },
  { page: 'highlights', label: 'Highlights', icon: '✎', to: paths.highlights },
  { page: 'tags', label: 'Tags', icon: '#', to: paths.tags },
  { page: 'trends', label: 'Trends', icon: '↗', to: paths.trends },
  { page: 'problems', label: 'Problems', icon: '◆', to: paths.problems },
  { page: 'clusters', label: 'Clusters', icon: '⁂', to: paths.clusters },
  { page: 'backlog', label: 'Backlog', icon: '☰', to: paths.backlog },
  { page: 'customers', label: 'Customers', icon: '☺', to: paths.customers },
  { page: 'imports', label: 'Imports', icon: '⇪', to: paths.imports },
  { page: 'settings', label: 'Settings', icon: '⚙', to: paths.settings },
];

/** The section a workspace page belongs to: the item whose page it is or lies under, if any. */
export function navItemAt(pathname: string, ws: string) {
  return NAV_ITEMS.find((item) => pathname === item.to(ws) || pathname.startsWith(`${item.to(ws)}/`));
}
