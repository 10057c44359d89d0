import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { NAV_ITEMS, type NavPage } from './nav-items';

/** A page whose feature has not landed yet: it says so plainly and what will be here, with nothing to click that leads nowhere. */
export function PlaceholderRoute({ page }: { page: NavPage }) {
  const item = NAV_ITEMS.find((candidate) => candidate.page === page)!;
  return (
    <>
      <PageHeader title={item.label} />
      <EmptyState title={item.emptyTitle} icon={item.icon}>
        <p>
          <span className="badge badge-coming">Coming next</span>
        </p>
        <p>{item.emptyText}</p>
      </EmptyState>
    </>
  );
}
