import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { paths } from '../../lib/paths';

export function NotFoundRoute() {
  return (
    <EmptyState title="Nothing here" icon="?">
      This page does not exist, or you do not have access to it. <Link to={paths.root}>Go to your workspace</Link>.
    </EmptyState>
  );
}
