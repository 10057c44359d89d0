import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CUSTOMER_SORTS, type CustomerDetail, type CustomerSort } from '@cairn/shared';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Field, TextInput } from '../../../components/field';
import { Segmented } from '../../../components/segmented';
import { Loading } from '../../../components/spinner';
import { Table, TableFigure, type Column } from '../../../components/table';
import { paths } from '../../../lib/paths';
import { useCustomers } from '../api/list-customers';
import { useUrlSearch } from '../hooks/use-url-search';
import { useUrlSort } from '../hooks/use-url-sort';
import { customerName } from '@cairn/shared';

const SORTS: Array<[CustomerSort, string]> = [
  ['name', 'Name'],
  ['evidence', 'Evidence'],
  ['recent', 'Latest source'],
];

/** The table's accessible name in each order. */
const CAPTIONS: Record<CustomerSort, string> = {
  name: 'Customers by name',
  evidence: 'Customers, most highlights first',
  recent: 'Customers, latest source first',
};

/**
 * Customers by name (or in `sort`'s order) with how much evidence each has, one page at a time:
 * those matching `q`, or those at `companyId`, whose page leaves out the company columns. `empty`
 * shows when there are none.
 */
export function CustomersTable({ ws, q = '', companyId, sort = 'name', empty }: { ws: string; q?: string; companyId?: string; sort?: CustomerSort; empty: ReactNode }) {
  const customers = useCustomers(ws, { q, companyId, sort });
  const items = customers.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: Column<CustomerDetail>[] = [
    { key: 'name', header: 'Customer', cell: (customer) => <Link to={paths.customer(ws, customer.id)}>{customerName(customer)}</Link> },
    { key: 'email', header: 'Email', cell: (customer) => <TableFigure label="Email">{customer.email ?? <span className="muted">—</span>}</TableFigure> },
    ...(companyId
      ? []
      : [
          {
            key: 'company',
            header: 'Company',
            cell: (customer: CustomerDetail) => (
              <TableFigure label="Company">
                {customer.company ? <Link to={paths.company(ws, customer.company.id)}>{customer.company.name}</Link> : <span className="muted">—</span>}
              </TableFigure>
            ),
          },
          {
            key: 'segment',
            header: 'Segment',
            cell: (customer: CustomerDetail) => <TableFigure label="Segment">{customer.company?.segment ?? <span className="muted">—</span>}</TableFigure>,
          },
        ]),
    { key: 'sources', header: 'Sources', align: 'right', cell: (customer) => <TableFigure label="Sources">{customer.evidence.sources}</TableFigure> },
    { key: 'highlights', header: 'Highlights', align: 'right', cell: (customer) => <TableFigure label="Highlights">{customer.evidence.highlights}</TableFigure> },
  ];

  if (customers.isPending) return <Loading label="Loading customers…" />;
  if (!customers.data) return <ErrorMessage error={customers.error} />;
  if (!items.length) return empty;
  return (
    <>
      <Table caption={CAPTIONS[sort]} columns={columns} rows={items} rowKey={(customer) => customer.id} cards />
      <LoadMore query={customers} />
    </>
  );
}

/** Every customer, with their company, by name, most evidence or latest source first; search and sort live in the URL (`?q=`, `?sort=`). */
export function CustomerList({ ws }: { ws: string }) {
  const { q, text, setText } = useUrlSearch();
  const [sort, setSort] = useUrlSort(CUSTOMER_SORTS, 'name');
  return (
    <div className="stack">
      <form className="card customer-filters" role="search" aria-label="Search and sort customers" onSubmit={(event) => event.preventDefault()}>
        <Field label="Search customers">
          {(props) => <TextInput {...props} type="search" placeholder="Name, email, id or company…" value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
        <Segmented legend="Sort by" name="customer-sort" options={SORTS} value={sort} onChange={setSort} />
      </form>
      <CustomersTable
        ws={ws}
        q={q}
        sort={sort}
        empty={
          q ? (
            <EmptyState title={`No customer matches “${q}”`} icon="⌕">
              Try part of a name, an email, an id from your CRM or a company name.
            </EmptyState>
          ) : (
            <EmptyState title="No customers yet" icon="☺" action={<Link className="btn btn-primary" to={paths.imports(ws)}>Import files</Link>}>
              Customers and their companies are created as you import tickets, surveys and interviews — matched by email, then by id, never duplicated; a
              work email's domain gives the company when the file names none. Each profile then shows everything that customer said.
            </EmptyState>
          )
        }
      />
    </div>
  );
}
