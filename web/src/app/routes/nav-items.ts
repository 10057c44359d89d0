import { paths } from '../../lib/paths';

export type NavPage = 'inbox' | 'triage' | 'search' | 'highlights' | 'tags' | 'problems' | 'clusters' | 'backlog' | 'customers' | 'imports' | 'settings';

export const NAV_ITEMS: Array<{ page: NavPage; label: string; icon: string; to: (ws: string) => string; emptyTitle: string; emptyText: string }> = [
  { page: 'inbox', label: 'Inbox', icon: '▤', to: paths.inbox, emptyTitle: 'No evidence yet', emptyText: 'Every interview, ticket and survey answer you import lands here, newest first. Start on the Imports page.' },
  { page: 'triage', label: 'Triage', icon: '⚑', to: paths.triage, emptyTitle: 'Inbox zero', emptyText: 'Untagged tickets and survey answers wait here, oldest first; tag each with one key.' },
  { page: 'search', label: 'Search', icon: '⌕', to: paths.search, emptyTitle: 'Search everything customers said', emptyText: 'Find every time a customer mentioned something, across interviews, tickets and surveys, with "phrases", OR and -exclusions.' },
  { page: 'highlights', label: 'Highlights', icon: '✎', to: paths.highlights, emptyTitle: 'No highlights yet', emptyText: 'Select a passage in any source and tag it: it becomes a highlight, the atomic unit of evidence.' },
  { page: 'tags', label: 'Tags', icon: '#', to: paths.tags, emptyTitle: 'No tags yet', emptyText: 'Your codebook: the labels you put on highlights, grouped, with how often each is used.' },
  { page: 'problems', label: 'Problems', icon: '◆', to: paths.problems, emptyTitle: 'No problems yet', emptyText: 'Group highlights into named problems and opportunities, each backed by the quotes behind it.' },
  { page: 'clusters', label: 'Clusters', icon: '⁂', to: paths.clusters, emptyTitle: 'No cluster runs yet', emptyText: 'Let Cairn group similar highlights and tickets into themes, then promote a theme to a problem.' },
  { page: 'backlog', label: 'Backlog', icon: '☰', to: paths.backlog, emptyTitle: 'No backlog items yet', emptyText: 'Link evidence to what you might build, and rank it by the customers and revenue behind it.' },
  { page: 'customers', label: 'Customers', icon: '☺', to: paths.customers, emptyTitle: 'No customers yet', emptyText: 'Customers and their companies are created as you import sources; each profile shows everything they said.' },
  { page: 'imports', label: 'Imports', icon: '⇪', to: paths.imports, emptyTitle: 'Nothing imported yet', emptyText: 'Upload transcripts (.vtt, .srt, .txt, .docx), ticket CSVs, survey exports, or Zendesk and Intercom JSON.' },
  { page: 'settings', label: 'Settings', icon: '⚙', to: paths.settings, emptyTitle: 'Workspace settings', emptyText: 'Members, roles, API tokens and the audit log live here.' },
];
