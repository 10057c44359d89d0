import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../../lib/paths';

/**
 * The top bar's box searches what customers said (full text, on the server) — unlike the
 * command palette (Ctrl-K), which jumps to things by name. The label and placeholder say so.
 */
export function TopBarSearch({ ws }: { ws: string }) {
  const [q, setQ] = useState('');
  const navigate = useNavigate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (q.trim()) navigate(`${paths.search(ws)}?${new URLSearchParams({ q: q.trim() })}`);
  };
  return (
    <form role="search" className="topbar-search" onSubmit={submit}>
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
