import { Link, useRouteError } from 'react-router';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { paths } from '../../lib/paths';
import { PageLoadError } from '../page-loading';

/**
 * What a page shows when it fails to render, or its code cannot be fetched: the error, and a way
 * on. Inside a workspace it takes the page's place and keeps the sidebar, so one broken screen
 * never takes the app down.
 */
export function RouteError() {
  const error = useRouteError();
  // A chunk that failed stays failed in this document: only a reload brings the new index.html
  // and the chunks it names.
  const unloaded = error instanceof PageLoadError;
  const cause = unloaded ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return (
    <div role="alert">
      <EmptyState
        title={unloaded ? 'This page could not load' : 'This page stopped working'}
        icon={unloaded ? '↻' : '!'}
        action={<Button onClick={() => window.location.reload()}>Reload the page</Button>}
      >
        {unloaded ? (
          <p>Cairn may have been updated since this tab was opened, or the connection dropped. Reload the page to get the latest version.</p>
        ) : (
          <p>
            Nothing you saved is lost. Reload the page, or <Link to={paths.root}>go to your workspace</Link>.
          </p>
        )}
        <p className="muted">The error: {message}</p>
      </EmptyState>
    </div>
  );
}
