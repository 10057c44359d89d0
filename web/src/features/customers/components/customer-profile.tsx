import { useState } from 'react';
import { companyFieldsInWords, SOURCE_KINDS, type CompanyField } from '@cairn/shared';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { PageHeader } from '../../../components/page-header';
import { Loading } from '../../../components/spinner';
import { formatRevenue } from '../../../lib/numbers';
import { SOURCE_KIND_LABELS } from '../../../lib/source-kinds';
import { useWorkspace } from '../../../lib/workspace';
import { useCustomer } from '../api/get-customer';
import { CustomerFormDialog } from './customer-form-dialog';
import { customerName } from './customer-name';
import { LetImportsFillCompanyButton, LetImportsSetCompanyButton } from './let-imports-buttons';

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function Fact({ term, value, indent = false, byHand = false }: { term: string; value: string | number; indent?: boolean; byHand?: boolean }) {
  return (
    <div className={indent ? 'fact fact-indent' : 'fact'}>
      <dt>{term}</dt>
      <dd>
        {value}
        {byHand && <span className="fact-note"> · set by hand</span>}
      </dd>
    </div>
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
  const kinds = SOURCE_KINDS.filter((kind) => data.evidence.sourcesByKind[kind] > 0);
  const canEdit = workspace.can('researcher');
  const byHand = (field: CompanyField) => company?.fieldsSetByHand.includes(field) ?? false;

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
              <dl className="facts">
                <Fact term="Name" value={company.name} />
                <Fact term="Segment" value={company.segment ?? '—'} byHand={byHand('segment')} />
                <Fact term="Plan" value={company.plan ?? '—'} byHand={byHand('plan')} />
                <Fact term="Annual revenue" value={company.annualRevenue === null ? '—' : formatRevenue(company.annualRevenue)} byHand={byHand('annualRevenue')} />
              </dl>
              {data.companySetByHand && (
                <div className="hand-set">
                  <p className="muted">Company set by hand — imports won't move them to another.</p>
                  {canEdit && <LetImportsSetCompanyButton ws={ws} customer={data} />}
                </div>
              )}
              {company.fieldsSetByHand.length > 0 && (
                <div className="hand-set">
                  <p className="muted">
                    {sentenceCase(companyFieldsInWords(company.fieldsSetByHand))} set by hand — imports naming {company.name}{' '}
                    won't change {company.fieldsSetByHand.length === 1 ? 'it' : 'them'}.
                  </p>
                  {canEdit && <LetImportsFillCompanyButton ws={ws} company={company} />}
                </div>
              )}
            </>
          ) : data.companySetByHand ? (
            <div className="hand-set">
              <p className="muted">No company: cleared by hand, so imports won't set one.</p>
              {canEdit && <LetImportsSetCompanyButton ws={ws} customer={data} />}
            </div>
          ) : (
            <p className="muted">No company known. Imports that name one (a company column, a survey field) attach it.</p>
          )}
        </section>
        <section className="card" aria-labelledby="customer-evidence">
          <h2 id="customer-evidence">Evidence</h2>
          <dl className="facts">
            <Fact term="Sources" value={data.evidence.sources} />
            {kinds.map((kind) => (
              <Fact key={kind} term={SOURCE_KIND_LABELS[kind].many} value={data.evidence.sourcesByKind[kind]} indent />
            ))}
            <Fact term="Highlights" value={data.evidence.highlights} />
          </dl>
        </section>
      </div>
    </>
  );
}
