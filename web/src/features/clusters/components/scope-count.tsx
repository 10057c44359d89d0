import type { ClusterScope } from '@cairn/shared';
import { ApiError } from '../../../lib/api-client';
import { useClusterScopeCount } from '../api/count-cluster-scope';
import { describeScopeCount } from '../lib/run-words';

/** Why a count failed, in the server's words for the field at fault when it named one ("The end date comes before the start date"). */
function countFailure(error: Error): string {
  return error instanceof ApiError ? (error.issues[0]?.message ?? error.message) : error.message;
}

/**
 * "1,234 texts in scope", kept up to date as the scope changes, and what would keep a run of them
 * with `k` clusters from starting. A polite live region: read once the count settles, not at each
 * tick of a box. `scope` is null while the form would refuse it, and nothing is counted.
 */
export function ScopeCount({ ws, scope, k }: { ws: string; scope: ClusterScope | null; k: number | 'auto' }) {
  const { data, error, counting } = useClusterScopeCount(ws, scope);
  const words = scope && data ? describeScopeCount(data, k) : null;
  return (
    <div className={`scope-count${counting ? ' is-counting' : ''}`} aria-live="polite" aria-busy={counting}>
      {!scope ? null : words ? (
        <>
          <p className="scope-count-total">{words.total}</p>
          {words.problem && <p className="notice notice-warning">{words.problem}</p>}
        </>
      ) : error && !counting ? (
        <p className="muted">Could not count the texts in scope: {countFailure(error)}</p>
      ) : (
        <p className="muted">Counting the texts in scope…</p>
      )}
    </div>
  );
}
