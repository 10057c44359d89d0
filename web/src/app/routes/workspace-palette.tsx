import { useMemo } from 'react';
import { CommandPalette, type PalettePlace } from '../../features/catalog/components/command-palette';
import { useSavedSearches } from '../../features/search/api/list-saved-searches';
import { savedSearchPath } from '../../features/search/search-params';
import { useWorkspace } from '../../lib/workspace';
import { NAV_ITEMS, SETTINGS_PAGES } from './nav-items';

/** The shell's Ctrl-K palette, with the places besides the catalog: the sidebar's pages, the Settings pages my role opens, the saved searches. */
export function WorkspacePalette({ ws }: { ws: string }) {
  const admin = useWorkspace().can('admin');
  const saved = useSavedSearches(ws);
  const places = useMemo<PalettePlace[]>(
    () => [
      ...NAV_ITEMS.map((item) => ({ key: `page:${item.page}`, group: 'Pages', name: item.label, to: item.to(ws) })),
      ...SETTINGS_PAGES.filter((page) => !page.adminOnly || admin).map((page) => ({ key: `settings:${page.label}`, group: 'Settings', name: page.label, detail: page.about, to: page.to(ws) })),
      ...(saved.data?.items ?? []).map((search) => ({
        key: `saved-search:${search.id}`,
        group: 'Saved searches',
        name: search.name,
        detail: `“${search.query}”`,
        to: savedSearchPath(ws, search),
      })),
    ],
    [ws, admin, saved.data],
  );
  return <CommandPalette ws={ws} places={places} />;
}
