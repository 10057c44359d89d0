import { PageHeader } from '../../components/page-header';
import { CompanyList } from '../../features/customers/components/company-list';
import { CustomersTabs } from '../../features/customers/components/customers-tabs';
import { DeletedCompanyDomains } from '../../features/customers/components/deleted-company-domains';
import { FillCompaniesButton } from '../../features/customers/components/fill-companies-button';
import { useWorkspace } from '../../lib/workspace';

export function CompaniesRoute() {
  const workspace = useWorkspace();
  return (
    <>
      <PageHeader
        title="Companies"
        description="The accounts behind your evidence: how many of their people spoke, how much they said, and what it backs."
        actions={workspace.can('admin') && <FillCompaniesButton ws={workspace.id} />}
      />
      <CustomersTabs ws={workspace.id} />
      <div className="stack">
        <CompanyList ws={workspace.id} />
        <DeletedCompanyDomains ws={workspace.id} canForget={workspace.can('researcher')} />
      </div>
    </>
  );
}
