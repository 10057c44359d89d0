import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Loading } from '../../../components/spinner';
import { TagChips } from '../../../components/tag-chip';
import { formatDate } from '../../../lib/dates';
import { paths } from '../../../lib/paths';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { useCustomerHighlights, type SaidBy } from '../api/list-customer-highlights';
import { customerName } from '@cairn/shared';

/**
 * The passages of this customer's sources (or of any customer's at this company, each named)
 * that someone highlighted, with their tags.
 */
export function CustomerHighlights({ ws, saidBy }: { ws: string; saidBy: SaidBy }) {
  const highlights = useCustomerHighlights(ws, saidBy);
  if (highlights.isPending) return <Loading label="Loading highlights…" />;
  if (!highlights.data) return <ErrorMessage error={highlights.error} />;
  const items = highlights.data.pages.flatMap((page) => page.items);
  const ofCompany = 'companyId' in saidBy;
  if (!items.length) {
    return (
      <p className="muted">
        Nothing highlighted yet. Open one of {ofCompany ? "their customers'" : 'their'} sources and select a passage to highlight and tag it.
      </p>
    );
  }
  return (
    <div className="stack">
      <ul className="customer-highlights">
        {items.map((item) => (
          <li key={item.id} className="card">
            <blockquote className="customer-quote">{item.quote}</blockquote>
            <TagChips tags={item.tags} className="customer-quote-tags" />
            <p className="muted">
              {ofCompany && item.customer && (
                <>
                  <Link to={paths.customer(ws, item.customer.id)}>{customerName({ ...item.customer, externalId: null })}</Link> ·{' '}
                </>
              )}
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
