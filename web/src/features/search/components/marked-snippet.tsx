import type { CharRange } from '@cairn/shared';

/**
 * A snippet with its matches in <mark>: built from text nodes and the server's ranges, so
 * nothing the customer wrote is ever parsed as HTML.
 */
export function MarkedSnippet({ text, matches, clipped }: { text: string; matches: CharRange[]; clipped: boolean }) {
  const parts: Array<string | { mark: string; at: number }> = [];
  let at = 0;
  for (const [start, end] of matches) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ mark: text.slice(start, end), at: start });
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <p className="search-snippet">
      {clipped && '… '}
      {parts.map((part, i) => (typeof part === 'string' ? part : <mark key={`${part.at}-${i}`}>{part.mark}</mark>))}
    </p>
  );
}
