import { PageHeader } from '../../components/page-header';
import { CustomerList } from '../../features/customers/components/customer-list';
import { useWorkspace } from '../../lib/workspace';

export function CustomersRoute() {
  const workspace = useWorkspace();
  return (
    <>
      <PageHeader title="Customers" description="Who said what: every customer and company behind your evidence, with how much each has told you." />
      <CustomerList ws={workspace.id} />
    </>
  );
}
