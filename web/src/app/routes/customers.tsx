import { PageHeader } from '../../components/page-header';
import { CustomerList } from '../../features/customers/components/customer-list';
import { CustomersTabs } from '../../features/customers/components/customers-tabs';
import { FillCompaniesButton } from '../../features/customers/components/fill-companies-button';
import { NewCustomerButton } from '../../features/customers/components/new-customer-button';
import { useWorkspace } from '../../lib/workspace';

export function CustomersRoute() {
  const workspace = useWorkspace();
  return (
    <>
      <PageHeader
        title="Customers"
        description="Who said what: every customer and company behind your evidence, with how much each has told you."
        actions={
          workspace.can('contributor') && (
            <>
              {workspace.can('admin') && <FillCompaniesButton ws={workspace.id} />}
              <NewCustomerButton ws={workspace.id} />
            </>
          )
        }
      />
      <CustomersTabs ws={workspace.id} />
      <CustomerList ws={workspace.id} />
    </>
  );
}
