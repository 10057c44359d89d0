import { Link, useRouteError } from 'react-router';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { paths } from '../../lib/paths';

/**
 * What a page shows when it fails to render: the error, and a way on. Inside a workspace it
 * takes the page's place and keeps the sidebar, so one broken screen never takes the app down.
 */
export function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert">
      <EmptyState title="This page stopped working" icon="!" action={<Button onClick={() => window.location.reload()}>Reload the page</Button>}>
        <p>Nothing you saved is lost. Reload the page, or <Link to={paths.root}>go to your workspace</Link>.</p>
        <p className="muted">The error: {message}</p>
      </EmptyState>
    </div>
  );
}
