import { sql, type SQL } from 'drizzle-orm';
import type { ParsedQuery, SearchTerm } from './query.js';

/** The text-search configuration of the generated `search` columns; queries must use the same. */
export const SEARCH_CONFIG = 'english';

function termQuery(term: SearchTerm): SQL {
  // Each term goes through PostgreSQL's own parser and stemmer as a bound parameter: no
  // escaping of user text into tsquery syntax, and the same normalisation as the documents.
  return term.kind === 'phrase'
    ? sql`phraseto_tsquery(${SEARCH_CONFIG}::regconfig, ${term.text})`
    : sql`plainto_tsquery(${SEARCH_CONFIG}::regconfig, ${term.text})`;
}

/** The parsed query as one tsquery expression: clauses AND-ed (`&&`), alternatives OR-ed (`||`), exclusions negated (`!!`). */
export function buildTsQuery(query: ParsedQuery): SQL {
  const clauses = query.clauses.map((clause) =>
    clause.type === 'not' ? sql`(!! ${termQuery(clause.term)})` : sql`(${sql.join(clause.terms.map(termQuery), sql` || `)})`,
  );
  return sql.join(clauses, sql` && `);
}
