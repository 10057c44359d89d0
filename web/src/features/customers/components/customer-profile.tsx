import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { PageHeader } from '../../../components/page-header';
import { Loading } from '../../../components/spinner';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useCustomer } from '../api/get-customer';
import { CustomerFormDialog } from './customer-form-dialog';
import { LetImportsSetCompanyButton } from './let-imports-buttons';
import { CompanyFacts, EvidenceFacts, Fact } from './profile-facts';
import { customerName, type CustomerDetail } from '@cairn/shared';

/** Why an email's domain gives no company (ADR 011): the company of that domain was deleted, which a company named so by hand, or forgetting the domain, undoes. */
function DeletedCompanyDomainNote({ ws, customer }: { ws: string; customer: CustomerDetail }) {
  const deleted = customer.deletedCompanyDomain;
  if (!deleted) return null;
  return (
    <p className="muted">
      Their email's domain, {deleted.domain}, gives no company since “{deleted.companyName}” was deleted. A company named {deleted.domain} in Edit customer puts people
      at {deleted.domain} there again, as does forgetting the domain on the <Link to={paths.companies(ws)}>Companies</Link> page.
    </p>
  );
}

/** Who the customer is, their company, and how much they have said, by kind; researchers and up edit it. */
export function CustomerProfile({ ws, id }: { ws: string; id: string }) {
  const customer = useCustomer(ws, id);
  const workspace = useWorkspace();
  const [editing, setEditing] = useState(false);
  if (customer.isPending) return <Loading label="Loading the customer…" />;
  if (customer.error) return <ErrorMessage error={customer.error} />;
  const { data } = customer;
  const company = data.company;
  const canEdit = workspace.can('researcher');

  return (
    <>
      <PageHeader
        title={customerName(data)}
        description={[data.email, data.externalId && `id ${data.externalId}`].filter(Boolean).join(' · ') || undefined}
        actions={canEdit && <Button onClick={() => setEditing(true)}>Edit customer</Button>}
      />
      {editing && (
        <CustomerFormDialog
          ws={ws}
          customer={data}
          open
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      <div className="customer-facts">
        <section className="card" aria-labelledby="customer-company">
          <h2 id="customer-company">Company</h2>
          {company ? (
            <>
              <CompanyFacts ws={ws} company={company} canEdit={canEdit} lead={<Fact term="Name" value={<Link to={paths.company(ws, company.id)}>{company.name}</Link>} />} />
              {data.companySetByHand && (
                <div className="hand-set">
                  <p className="muted">Company set by hand — imports won't move them to another.</p>
                  {canEdit && <LetImportsSetCompanyButton ws={ws} customer={data} />}
                </div>
              )}
            </>
          ) : data.companySetByHand ? (
            <div className="hand-set">
              <p className="muted">No company: cleared by hand, so imports won't set one.</p>
              <DeletedCompanyDomainNote ws={ws} customer={data} />
              {canEdit && <LetImportsSetCompanyButton ws={ws} customer={data} />}
            </div>
          ) : (
            <>
              <p className="muted">No company known. Imports that name one (a company column, a survey field) attach it.</p>
              <DeletedCompanyDomainNote ws={ws} customer={data} />
            </>
          )}
        </section>
        <section className="card" aria-labelledby="customer-evidence">
          <h2 id="customer-evidence">Evidence</h2>
          <EvidenceFacts evidence={data.evidence} />
        </section>
      </div>
    </>
  );
}
