import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { TagChips } from '../../../components/tag-chip';
import { formatDate } from '../../../lib/dates';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { useCustomerHighlights } from '../api/list-customer-highlights';

/** The passages of this customer's sources that someone highlighted, with their tags. */
export function CustomerHighlights({ ws, customerId }: { ws: string; customerId: string }) {
  const highlights = useCustomerHighlights(ws, customerId);
  if (highlights.isPending) return <Loading label="Loading highlights…" />;
  if (!highlights.data) return <ErrorMessage error={highlights.error} />;
  const items = highlights.data.pages.flatMap((page) => page.items);
  if (!items.length) return <p className="muted">Nothing highlighted yet. Open one of their sources and select a passage to highlight and tag it.</p>;
  return (
    <div className="stack">
      <ul className="customer-highlights">
        {items.map((item) => (
          <li key={item.id} className="card">
            <blockquote className="customer-quote">{item.quote}</blockquote>
            <TagChips tags={item.tags} className="customer-quote-tags" />
            <p className="muted">
              <Link to={`${paths.source(ws, item.sourceId)}#h-${item.id}`}>{item.source.title}</Link> · {SOURCE_KIND_LABELS[item.source.kind].one} ·{' '}
              {formatDate(item.source.occurredAt)}
            </p>
          </li>
        ))}
      </ul>
      <LoadMore query={highlights} label="Load more highlights" />
    </div>
  );
}
