import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { PageHeader } from '../../../components/page-header';
import { Loading } from '../../../components/spinner';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useCompany } from '../api/get-company';
import { CompanyActions } from './company-actions';
import { CompanyAliases } from './company-aliases';
import { CompanyFacts, EvidenceFacts, Fact } from './profile-facts';

type Backed = { id: string; title: string; highlights: number; to: string; detail?: string | null };

/** What a company's evidence backs, most of its highlights first; says so when only the top of a longer list shows. */
function BackedList({ id, title, items, total, empty }: { id: string; title: string; items: Backed[]; total: number; empty: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length ? (
        <>
          <ul className="company-backed">
            {items.map((item) => (
              <li key={item.id}>
                <span>
                  <Link to={item.to}>{item.title}</Link>
                  {item.detail && <span className="muted small"> · {item.detail}</span>}
                </span>
                <span className="muted small">{countOf(item.highlights, 'highlight')}</span>
              </li>
            ))}
          </ul>
          {total > items.length && <p className="muted small">The {items.length} with the most of their highlights, of {total}.</p>}
        </>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}

/**
 * One company: its fields and aliases (researchers hand the fields set by hand back to imports,
 * let aliases go, and rename, merge or delete the company), how much its customers said, and what
 * this account cares about: the problems and backlog items its customers' highlights are evidence of.
 */
export function CompanyProfile({ ws, id }: { ws: string; id: string }) {
  const company = useCompany(ws, id);
  const workspace = useWorkspace();
  if (company.isPending) return <Loading label="Loading the company…" />;
  if (company.error) return <ErrorMessage error={company.error} />;
  const { data } = company;
  const canEdit = workspace.can('researcher');
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.companies(ws)}>Companies</Link>
          </li>
          <li aria-current="page">{data.name}</li>
        </ol>
      </nav>
      <PageHeader title={data.name} description={`Company · ${countOf(data.customers, 'customer')}`} actions={canEdit && <CompanyActions ws={ws} company={data} />} />
      <div className="customer-facts">
        <section className="card" aria-labelledby="company-fields">
          <h2 id="company-fields">Company</h2>
          <CompanyFacts ws={ws} company={data} canEdit={canEdit} />
          <CompanyAliases ws={ws} company={data} canEdit={canEdit} />
        </section>
        <section className="card" aria-labelledby="company-evidence">
          <h2 id="company-evidence">Evidence</h2>
          <EvidenceFacts evidence={data.evidence} lead={<Fact term="Customers" value={data.customers} />} />
        </section>
      </div>
      <div className="customer-facts">
        <BackedList
          id="company-problems"
          title="Problems"
          items={data.insights.map((insight) => ({ ...insight, to: paths.problem(ws, insight.id), detail: insight.type === 'problem' ? null : INSIGHT_TYPE_LABELS[insight.type].one }))}
          total={data.insightTotal}
          empty="None of their highlights is evidence of a problem yet: link them to one from the Highlights page, Search or the reader."
        />
        <BackedList
          id="company-backlog"
          title="Backlog items"
          items={data.backlogItems.map((item) => ({ ...item, to: paths.backlogItem(ws, item.id), detail: item.externalKey }))}
          total={data.backlogItemTotal}
          empty="None of their highlights backs a backlog item yet, directly or through a problem linked to one."
        />
      </div>
    </>
  );
}
