import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CustomerDetail } from '@cairn/shared';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Field, TextInput } from '../../../components/field';
import { Loading } from '../../../components/spinner';
import { Table, TableFigure, type Column } from '../../../components/table';
import { paths } from '../../../lib/paths';
import { useCustomers } from '../api/list-customers';
import { useUrlSearch } from '../hooks/use-url-search';
import { customerName } from '@cairn/shared';

/**
 * Customers by name with how much evidence each has, one page at a time: those matching `q`, or
 * those at `companyId`, whose page leaves out the company columns. `empty` shows when there are none.
 */
export function CustomersTable({ ws, q = '', companyId, empty }: { ws: string; q?: string; companyId?: string; empty: ReactNode }) {
  const customers = useCustomers(ws, { q, companyId });
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
      <Table caption="Customers" columns={columns} rows={items} rowKey={(customer) => customer.id} cards />
      <LoadMore query={customers} />
    </>
  );
}

/** Every customer, with their company; the search lives in the URL (`?q=`). */
export function CustomerList({ ws }: { ws: string }) {
  const { q, text, setText } = useUrlSearch();
  return (
    <div className="stack">
      <form className="customer-search" role="search" aria-label="Search customers" onSubmit={(event) => event.preventDefault()}>
        <Field label="Search customers">
          {(props) => <TextInput {...props} type="search" placeholder="Name, email, id or company…" value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
      </form>
      <CustomersTable
        ws={ws}
        q={q}
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
