import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { SAVED_SEARCH_NEW_MATCHES_MAX, type SavedSearch } from '@cairn/shared';
import { useToast } from '../../../components/toast';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useDeleteSavedSearch } from '../api/delete-saved-search';
import { useSavedSearches } from '../api/list-saved-searches';
import { useMarkSavedSearchSeen } from '../api/mark-saved-search-seen';
import { savedSearchPath, showsSavedSearch } from '../search-params';

/** "3", or "99+" when the server stopped counting: a number alone, so that the name keeps the room; its words are for screen readers and the tooltip. */
function NewMatches({ count }: { count: number | null }) {
  if (!count) return null;
  const shown = count >= SAVED_SEARCH_NEW_MATCHES_MAX ? `${SAVED_SEARCH_NEW_MATCHES_MAX - 1}+` : String(count);
  const words = ` new ${count === 1 ? 'match' : 'matches'}`;
  return (
    <span className="badge saved-search-new" title={`${shown}${words}`}>
      {' '}
      {shown}
      <span className="visually-hidden">{words}</span>
    </span>
  );
}

/**
 * The workspace's saved searches, for the sidebar: one click reruns a search with its filters.
 * A saved search is the current page only where the Search page shows its query and filters (the
 * Search link is current on any search), and once shown, by any way (here, the palette, Back), its
 * matches are seen: its count of new ones starts again.
 */
export function SavedSearchesNav({ ws }: { ws: string }) {
  const saved = useSavedSearches(ws);
  const { mutate: markSeen } = useMarkSavedSearchSeen(ws);
  const workspace = useWorkspace();
  const remove = useDeleteSavedSearch(ws);
  const toast = useToast();
  const location = useLocation();
  const isShown = (search: SavedSearch) => location.pathname === paths.search(ws) && showsSavedSearch(new URLSearchParams(location.search), search);
  // A string, so that the effect runs when another one is shown with new matches, not on every render.
  const unseen = (saved.data?.items ?? [])
    .filter((search) => search.newMatches && isShown(search))
    .map((search) => search.id)
    .join(' ');
  useEffect(() => {
    for (const id of unseen.split(' ').filter(Boolean)) markSeen(id);
  }, [unseen, markSeen]);
  // The server's rule: contributors remove their own saved searches, researchers anyone's.
  const canRemove = (search: SavedSearch) => workspace.can('researcher') || (workspace.can('contributor') && search.createdBy?.id === workspace.userId);
  if (!saved.data?.items.length) return null;
  return (
    <nav aria-label="Saved searches" className="saved-searches">
      <h2 className="saved-searches-title">Saved searches</h2>
      <ul className="nav-list">
        {saved.data.items.map((search) => (
          <li key={search.id} className="saved-search-item">
            <Link
              to={savedSearchPath(ws, search)}
              className={`nav-link saved-search-link${isShown(search) ? ' active' : ''}`}
              aria-current={isShown(search) ? 'page' : undefined}
              title={search.query}
            >
              <span className="nav-icon" aria-hidden="true">
                ⌕
              </span>
              <span className="saved-search-name">{search.name}</span>
              <NewMatches count={search.newMatches} />
            </Link>
            {canRemove(search) && (
              <button
                type="button"
                className="icon-button saved-search-remove"
                aria-label={`Remove saved search ${search.name}`}
                disabled={remove.isPending}
                onClick={() => remove.mutate(search.id, { onError: (error) => toast.show(error.message, 'error') })}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
