import { Link } from 'react-router';
import { customerName, type EvidenceCustomer } from '@cairn/shared';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';

/** Who is behind some evidence: each customer and company, most highlights first. */
export function EvidenceCustomers({ ws, customers }: { ws: string; customers: EvidenceCustomer[] }) {
  if (!customers.length) return <p className="muted">No customer yet: evidence from sources with a customer shows who said it here.</p>;
  const companies = new Set(customers.flatMap((customer) => (customer.company ? [customer.company.id] : []))).size;
  return (
    <>
      <p className="muted">
        {countOf(customers.length, 'customer')} at {countOf(companies, 'company', 'companies')}
      </p>
      <ul className="evidence-customers">
        {customers.map((customer) => (
          <li key={customer.id}>
            <span className="evidence-customer-name">
              <Link to={paths.customer(ws, customer.id)}>{customerName(customer)}</Link>
              {customer.company && <span className="muted small">{[customer.company.name, customer.company.segment].filter(Boolean).join(' · ')}</span>}
            </span>
            <span className="usage-count">
              {customer.highlightCount}
              <span className="visually-hidden"> {customer.highlightCount === 1 ? 'highlight' : 'highlights'}</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
