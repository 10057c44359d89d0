import { NavLink } from 'react-router';
import { paths } from '../../../lib/paths';
import { useSavedSearches } from '../api/list-saved-searches';
import { toSearchParams } from '../search-params';

/** The workspace's saved searches, for the sidebar: one click reruns a search with its filters. */
export function SavedSearchesNav({ ws }: { ws: string }) {
  const saved = useSavedSearches(ws);
  if (!saved.data?.items.length) return null;
  return (
    <nav aria-label="Saved searches" className="saved-searches">
      <h2 className="saved-searches-title">Saved searches</h2>
      <ul className="nav-list">
        {saved.data.items.map((search) => (
          <li key={search.id}>
            <NavLink to={`${paths.search(ws)}?${toSearchParams({ q: search.query, ...search.filters })}`} className="nav-link saved-search-link" title={search.query}>
              <span className="nav-icon" aria-hidden="true">
                ⌕
              </span>
              {search.name}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
