import { useEffect, useState, type FormEvent } from 'react';
import { useMatch, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../../lib/paths';
import { readSearchState } from '../search-params';

/**
 * The top bar's box searches what customers said (full text, on the server) — unlike the
 * command palette (Ctrl-K), which jumps to things by name. The label and placeholder say so.
 * It shows the search on screen: on the Search page its query, even one run from the page's own
 * box; elsewhere nothing, so that it never offers a query the page is not about.
 */
export function TopBarSearch({ ws }: { ws: string }) {
  const onSearchPage = useMatch(paths.search(ws)) !== null;
  const [params] = useSearchParams();
  const shown = onSearchPage ? readSearchState(params).q : '';
  const [q, setQ] = useState(shown);
  const navigate = useNavigate();
  useEffect(() => setQ(shown), [shown]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (q.trim()) navigate(`${paths.search(ws)}?${new URLSearchParams({ q: q.trim() })}`);
  };
  return (
    <form role="search" aria-label="Search evidence from any page" className="topbar-search" onSubmit={submit}>
      <label htmlFor="topbar-search" className="visually-hidden">
        Search evidence
      </label>
      <input
        id="topbar-search"
        className="input"
        type="search"
        placeholder="Search what customers said…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        title="Full-text search of every interview, ticket and survey answer (Ctrl-K finds tags, problems and customers by name)"
      />
    </form>
  );
}
