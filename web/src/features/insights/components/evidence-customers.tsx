import { useState } from 'react';
import { Link } from 'react-router';
import { customerName, type EvidenceCustomer } from '@cairn/shared';
import { Button } from '../../../components/button';
import { countOf } from '../../../lib/numbers';
import { paths } from '../../../lib/paths';
import { companyCount, segmentShares } from '../lib/segments';

/** Customers listed before "Show all": the ones with the most highlights, which say the most. */
export const CUSTOMERS_SHOWN = 8;

/** Who is behind some evidence by segment, drawn for a glance: a bar of their shares, and its legend with the counts, which is what screen readers get. */
function SegmentBreakdown({ customers }: { customers: readonly EvidenceCustomer[] }) {
  const shares = segmentShares(customers);
  // A bar of "No segment" alone says nothing the count above does not.
  if (shares.every((share) => share.slot === 'none')) return null;
  return (
    <div className="segment-breakdown">
      <span className="segment-bar" aria-hidden="true">
        {shares.map((share) => (
          <span key={share.label} className={`segment-part segment-${share.slot}`} style={{ width: `${(share.customers / customers.length) * 100}%` }} title={`${share.label}: ${countOf(share.customers, 'customer')}`} />
        ))}
      </span>
      <ul className="segment-legend" aria-label="Customers by segment">
        {shares.map((share) => (
          <li key={share.label}>
            <span className={`score-swatch segment-${share.slot}`} aria-hidden="true" />
            {share.label} <span className="segment-count">{share.customers}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Who is behind some evidence: how many customers and companies, their segments, and each customer with their company, most highlights first. */
export function EvidenceCustomers({ ws, customers }: { ws: string; customers: EvidenceCustomer[] }) {
  const [showAll, setShowAll] = useState(false);
  if (!customers.length) return <p className="muted">No customer yet: evidence from sources with a customer shows who said it here.</p>;
  const shown = showAll ? customers : customers.slice(0, CUSTOMERS_SHOWN);
  return (
    <>
      <p className="muted">
        {countOf(customers.length, 'customer')} at {countOf(companyCount(customers), 'company', 'companies')}
      </p>
      <SegmentBreakdown customers={customers} />
      <ul className="evidence-customers">
        {shown.map((customer) => (
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
      {/* A toggle, not a button that goes away: focus stays on it. */}
      {customers.length > CUSTOMERS_SHOWN && (
        <Button size="sm" variant="ghost" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? `Show the first ${CUSTOMERS_SHOWN}` : `Show all ${customers.length} customers`}
        </Button>
      )}
    </>
  );
}
