import { useParams } from 'react-router';
import { customerName } from '@cairn/shared';
import { EmptyState } from '../../components/empty-state';
import { useCustomer } from '../../features/customers/api/get-customer';
import { CustomerHighlights } from '../../features/customers/components/customer-highlights';
import { CustomerProfile } from '../../features/customers/components/customer-profile';
import { EraseCustomer } from '../../features/erasure/components/erase-customer';
import { SourceList } from '../../features/sources/components/source-list';
import { useWorkspace } from '../../lib/workspace';

/** One customer: who they are, everything they said (sources) and what of it was highlighted; admins may erase them. */
export function CustomerRoute() {
  const workspace = useWorkspace();
  const { id = '' } = useParams();
  const customer = useCustomer(workspace.id, id);
  return (
    <div className="stack">
      <CustomerProfile ws={workspace.id} id={id} />
      <section aria-labelledby="customer-sources" className="stack">
        <h2 id="customer-sources">Sources</h2>
        <SourceList
          ws={workspace.id}
          filters={{ customerId: id }}
          label="Sources of this customer"
          showCustomer={false}
          empty={<EmptyState title="Nothing from this customer yet">Their tickets, survey answers and interviews show up here once imported.</EmptyState>}
        />
      </section>
      <section aria-labelledby="customer-highlights" className="stack">
        <h2 id="customer-highlights">Highlights</h2>
        <CustomerHighlights ws={workspace.id} saidBy={{ customerId: id }} />
      </section>
      {customer.data && <EraseCustomer ws={workspace.id} customer={{ id, name: customerName(customer.data) }} />}
    </div>
  );
}
