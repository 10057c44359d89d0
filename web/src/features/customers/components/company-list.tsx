import { Link } from 'react-router';
import { COMPANY_SORTS, type CompanyListItem, type CompanySort } from '@cairn/shared';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Field, TextInput } from '../../../components/field';
import { LoadMore } from '../../../components/load-more';
import { Segmented } from '../../../components/segmented';
import { Loading } from '../../../components/spinner';
import { Table, TableFigure, type Column } from '../../../components/table';
import { countOf, formatRevenue } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { useWorkspace } from '../../../lib/workspace';
import { useCompanies } from '../api/list-companies';
import { useUrlSearch } from '../hooks/use-url-search';
import { useUrlSort } from '../hooks/use-url-sort';

const SORTS: Array<[CompanySort, string]> = [
  ['name', 'Name'],
  ['evidence', 'Evidence'],
];

const none = <span className="muted">—</span>;

/** Companies with their customers and evidence counted, by name or most evidence first; search and sort live in the URL (`?q=`, `?sort=`). */
export function CompanyList({ ws }: { ws: string }) {
  const workspace = useWorkspace();
  const [sort, setSort] = useUrlSort(COMPANY_SORTS, 'name');
  const { q, text, setText } = useUrlSearch();
  const companies = useCompanies(ws, { q, sort });
  const items = companies.data?.pages.flatMap((page) => page.items) ?? [];
  const total = companies.data?.pages[0]?.total ?? 0;

  const columns: Column<CompanyListItem>[] = [
    { key: 'name', header: 'Company', cell: (company) => <Link to={paths.company(ws, company.id)}>{company.name}</Link> },
    { key: 'segment', header: 'Segment', cell: (company) => <TableFigure label="Segment">{company.segment ?? none}</TableFigure> },
    { key: 'plan', header: 'Plan', cell: (company) => <TableFigure label="Plan">{company.plan ?? none}</TableFigure> },
    {
      key: 'revenue',
      header: 'Annual revenue',
      align: 'right',
      cell: (company) => <TableFigure label="Annual revenue">{company.annualRevenue === null ? none : formatRevenue(company.annualRevenue)}</TableFigure>,
    },
    { key: 'customers', header: 'Customers', align: 'right', cell: (company) => <TableFigure label="Customers">{company.customers}</TableFigure> },
    { key: 'sources', header: 'Sources', align: 'right', cell: (company) => <TableFigure label="Sources">{company.evidence.sources}</TableFigure> },
    { key: 'highlights', header: 'Highlights', align: 'right', cell: (company) => <TableFigure label="Highlights">{company.evidence.highlights}</TableFigure> },
  ];

  return (
    <div className="stack">
      <form className="card company-filters" role="search" aria-label="Search and sort companies" onSubmit={(event) => event.preventDefault()}>
        <Field label="Search companies">
          {(props) => <TextInput {...props} type="search" placeholder="Name or email domain…" value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
        <Segmented legend="Sort by" name="company-sort" options={SORTS} value={sort} onChange={setSort} />
      </form>
      {companies.isPending ? (
        <Loading label="Loading companies…" />
      ) : !companies.data ? (
        <ErrorMessage error={companies.error} />
      ) : !items.length ? (
        q ? (
          <EmptyState title={`No company matches “${q}”`} icon="⌕">
            Try part of its name, or of its customers' email domain (acme.com).
          </EmptyState>
        ) : (
          <EmptyState title="No companies yet" icon="▦" action={<Link className="btn btn-primary" to={paths.imports(ws)}>Import files</Link>}>
            <p>
              Companies come with your customers: from a company column or CRM field when you import, or from a customer's work email domain (jane@acme.com
              is at acme.com) when the file names none.
            </p>
            <p>
              Customers imported before that get theirs with <strong>Fill companies from email domains</strong> on the{' '}
              <Link to={paths.customers(ws)}>Customers</Link> page{workspace.can('admin') ? '' : ' (admins)'}. Each company's page then shows its customers,
              what they said, and the problems and backlog items it backs.
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {countOf(total, 'company', 'companies')}
            {sort === 'evidence' ? ', most highlights first' : ''}
          </p>
          <Table caption={sort === 'evidence' ? 'Companies, most highlights first' : 'Companies by name'} columns={columns} rows={items} rowKey={(company) => company.id} cards />
          <LoadMore query={companies} />
        </>
      )}
    </div>
  );
}
