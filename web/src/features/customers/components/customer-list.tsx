import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CustomerDetail } from '@cairn/shared';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Field, TextInput } from '../../../components/field';
import { Loading } from '../../../components/spinner';
import { Table, type Column } from '../../../components/table';
import { paths } from '../../../lib/paths';
import { useCustomers } from '../api/list-customers';
import { customerName } from './customer-name';

const SEARCH_DEBOUNCE_MS = 250;

/** Customers by name with their company and how much evidence each has; the search lives in the URL (`?q=`). */
export function CustomerList({ ws }: { ws: string }) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const customers = useCustomers(ws, q);
  const items = customers.data?.pages.flatMap((page) => page.items) ?? [];

  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() === q) return;
      const next = new URLSearchParams(params);
      if (text.trim()) next.set('q', text.trim());
      else next.delete('q');
      setParams(next, { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, q, params, setParams]);

  const columns: Column<CustomerDetail>[] = [
    { key: 'name', header: 'Customer', cell: (customer) => <Link to={paths.customer(ws, customer.id)}>{customerName(customer)}</Link> },
    { key: 'email', header: 'Email', cell: (customer) => customer.email ?? <span className="muted">—</span> },
    { key: 'company', header: 'Company', cell: (customer) => customer.company?.name ?? <span className="muted">—</span> },
    { key: 'segment', header: 'Segment', cell: (customer) => customer.company?.segment ?? <span className="muted">—</span> },
    { key: 'sources', header: 'Sources', align: 'right', cell: (customer) => customer.evidence.sources },
    { key: 'highlights', header: 'Highlights', align: 'right', cell: (customer) => customer.evidence.highlights },
  ];

  return (
    <div className="stack">
      <form className="customer-search" role="search" aria-label="Search customers" onSubmit={(event) => event.preventDefault()}>
        <Field label="Search customers">
          {(props) => <TextInput {...props} type="search" placeholder="Name, email, id or company…" value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
      </form>
      {customers.isPending ? (
        <Loading label="Loading customers…" />
      ) : !customers.data ? (
        <ErrorMessage error={customers.error} />
      ) : !items.length ? (
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
      ) : (
        <>
          <Table caption="Customers" columns={columns} rows={items} rowKey={(customer) => customer.id} />
          <LoadMore query={customers} />
        </>
      )}
    </div>
  );
}
