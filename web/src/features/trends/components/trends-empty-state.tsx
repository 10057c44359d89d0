import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import type { TrendsSettings } from '../lib/trends-params';

type TrendsEmptyStateProps = {
  ws: string;
  settings: TrendsSettings;
  /** A page may offer more ways to start (the sample data, for admins). */
  extraAction?: ReactNode;
};

/**
 * Nothing tagged in the range: with filters, how to widen them; without, how to get trends. That
 * starts with evidence, which an empty workspace lacks (its Inbox is as empty), so the way in is
 * Imports, or the page's extra action; the Inbox stays a link in the text, for sources not yet tagged.
 */
export function TrendsEmptyState({ ws, settings, extraAction }: TrendsEmptyStateProps) {
  if (settings.segment || settings.kind) {
    return (
      <EmptyState title="Nothing tagged matches these filters" icon="↗">
        No tagged highlight of {settings.kind ? SOURCE_KIND_LABELS[settings.kind].many.toLowerCase() : 'any kind'}
        {settings.segment ? ` from the ${settings.segment} segment` : ''} was said in this range. Widen the range, or clear the source kind and segment.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="Tag highlights to see trends"
      icon="↗"
      action={
        <>
          <Link className="btn btn-primary" to={paths.imports(ws)}>
            Import files
          </Link>
          {extraAction}
        </>
      }
    >
      Trends count how often each tag comes up, week by week or month by month, dated by when the customer said it — so you can see whether complaints about exports
      are rising since a release. Import interviews, tickets or survey answers, open one from the <Link to={paths.inbox(ws)}>Inbox</Link>, select a passage and press{' '}
      <kbd>h</kbd> to tag it (or tag search results in bulk), and each tag gets its line here. Nothing tagged was said in this range yet.
    </EmptyState>
  );
}
