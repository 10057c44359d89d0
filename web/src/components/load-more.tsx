import { Button } from './button';
import { ErrorMessage } from './error-message';

type PagedQuery = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown; error: unknown };

/**
 * The foot of a paged list: "Load more" while there is more, and the error of a failed next
 * page under the rows already shown (they stay; only a failed first page has nothing to show).
 */
export function LoadMore({ query, label = 'Load more' }: { query: PagedQuery; label?: string }) {
  return (
    <>
      {query.hasNextPage && (
        <div className="row row-center">
          <Button onClick={() => void query.fetchNextPage()} busy={query.isFetchingNextPage}>
            {label}
          </Button>
        </div>
      )}
      {query.error ? <ErrorMessage error={query.error} /> : null}
    </>
  );
}
