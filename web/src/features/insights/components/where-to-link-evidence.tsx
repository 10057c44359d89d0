import { Link } from 'react-router';
import { paths } from '../../../lib/paths';

/**
 * Every way to link evidence, each with a link to its page: what the empty problems, backlog and
 * evidence lists teach. The triage queue comes first, where a support agent spends the day.
 */
export function WhereToLinkEvidence({ ws }: { ws: string }) {
  return (
    <>
      In the <Link to={paths.triage(ws)}>Triage queue</Link>, press <kbd>l</kbd> to link a whole ticket or survey answer. In a source from the{' '}
      <Link to={paths.inbox(ws)}>Inbox</Link>, select a passage and press <kbd>l</kbd>. On <Link to={paths.search(ws)}>Search</Link> or{' '}
      <Link to={paths.highlights(ws)}>Highlights</Link>, select results and choose <strong>Link to problem or backlog…</strong>.
    </>
  );
}
