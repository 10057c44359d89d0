import { NavLink } from 'react-router';
import { SAVED_SEARCH_NEW_MATCHES_MAX, type SavedSearch } from '@cairn/shared';
import { useToast } from '../../../components/toast';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useDeleteSavedSearch } from '../api/delete-saved-search';
import { useSavedSearches } from '../api/list-saved-searches';
import { useMarkSavedSearchSeen } from '../api/mark-saved-search-seen';
import { toSearchParams } from '../search-params';

/** "3 new", or "99+ new" when the server stopped counting. */
function NewMatches({ count }: { count: number | null }) {
  if (!count) return null;
  const shown = count >= SAVED_SEARCH_NEW_MATCHES_MAX ? `${SAVED_SEARCH_NEW_MATCHES_MAX - 1}+` : String(count);
  return (
    <span className="badge saved-search-new">
      {' '}
      {shown} new<span className="visually-hidden"> {count === 1 ? 'match' : 'matches'}</span>
    </span>
  );
}

/**
 * The workspace's saved searches, for the sidebar: one click reruns a search with its filters,
 * and marks its matches seen, so that its count of new ones starts again.
 */
export function SavedSearchesNav({ ws }: { ws: string }) {
  const saved = useSavedSearches(ws);
  const markSeen = useMarkSavedSearchSeen(ws);
  const workspace = useWorkspace();
  const remove = useDeleteSavedSearch(ws);
  const toast = useToast();
  // The server's rule: contributors remove their own saved searches, researchers anyone's.
  const canRemove = (search: SavedSearch) => workspace.can('researcher') || (workspace.can('contributor') && search.createdBy?.id === workspace.userId);
  if (!saved.data?.items.length) return null;
  return (
    <nav aria-label="Saved searches" className="saved-searches">
      <h2 className="saved-searches-title">Saved searches</h2>
      <ul className="nav-list">
        {saved.data.items.map((search) => (
          <li key={search.id} className="saved-search-item">
            <NavLink
              to={`${paths.search(ws)}?${toSearchParams({ q: search.query, ...search.filters })}`}
              className="nav-link saved-search-link"
              title={search.query}
              onClick={() => markSeen.mutate(search.id)}
            >
              <span className="nav-icon" aria-hidden="true">
                ⌕
              </span>
              <span className="saved-search-name">{search.name}</span>
              <NewMatches count={search.newMatches} />
            </NavLink>
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
