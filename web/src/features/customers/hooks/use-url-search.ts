import { useEffect, useState } from 'react';
import { useUrlParams } from '../../../lib/use-url-params';


const SEARCH_DEBOUNCE_MS = 250;

/**
 * A list's search, kept in the URL (`?q=`) so that it survives a reload and a link: `text` is
 * what is typed, `q` what the list searches, which follows once typing pauses.
 */
export function useUrlSearch() {
  const [params, setParams] = useUrlParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() === q) return;
      const next = new URLSearchParams(params);
      if (text.trim()) next.set('q', text.trim());
      else next.delete('q');
      setParams(next, { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, q, params, setParams]);

  return { q, text, setText };
}
