import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { CompanyProfile } from '../../features/customers/components/company-profile';
import { CustomerHighlights } from '../../features/customers/components/customer-highlights';
import { CustomersTable } from '../../features/customers/components/customer-list';
import { paths } from '../../lib/paths';
import { useWorkspace } from '../../lib/workspace';

/** One company: its fields, what its evidence backs, its customers, and what they said that was highlighted. */
export function CompanyRoute() {
  const workspace = useWorkspace();
  const { id = '' } = useParams();
  return (
    <div className="stack">
      <CompanyProfile ws={workspace.id} id={id} />
      <section aria-labelledby="company-customers" className="stack">
        <h2 id="company-customers">Customers</h2>
        <CustomersTable
          ws={workspace.id}
          companyId={id}
          empty={
            <EmptyState title="No customers at this company now" icon="☺">
              Its customers moved to other companies, by hand or by a later import. Move someone here with Edit customer on their profile.
            </EmptyState>
          }
        />
      </section>
      <section aria-labelledby="company-highlights" className="stack">
        <div className="row">
          <h2 id="company-highlights">Highlights</h2>
          <Link to={`${paths.highlights(workspace.id)}?companyId=${id}`}>Open in Highlights to filter, tag or link them</Link>
        </div>
        <CustomerHighlights ws={workspace.id} saidBy={{ companyId: id }} />
      </section>
    </div>
  );
}
