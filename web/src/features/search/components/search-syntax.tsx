import { Link } from 'react-router';

const EXAMPLES = [
  { q: 'export csv', what: 'both words, anywhere (exports, exported… count too)' },
  { q: '"credit card"', what: 'this exact phrase' },
  { q: 'refund OR chargeback', what: 'either word' },
  { q: 'login -password', what: 'login, but not when password is mentioned' },
];

/** The query syntax, with examples one click away: the hint under the box and the empty state. */
export function SearchSyntax({ to }: { to: (q: string) => string }) {
  return (
    <ul className="search-syntax">
      {EXAMPLES.map((example) => (
        <li key={example.q}>
          <Link to={to(example.q)}>
            <code>{example.q}</code>
          </Link>{' '}
          — {example.what}
        </li>
      ))}
    </ul>
  );
}
