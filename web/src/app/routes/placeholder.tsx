import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { NAV_ITEMS, type NavPage } from './nav-items';

/** A page whose feature has not landed yet: it says what will be here. */
export function PlaceholderRoute({ page }: { page: NavPage }) {
  const item = NAV_ITEMS.find((candidate) => candidate.page === page)!;
  return (
    <>
      <PageHeader title={item.label} />
      <EmptyState title={item.emptyTitle} icon={item.icon}>
        {item.emptyText}
      </EmptyState>
    </>
  );
}
