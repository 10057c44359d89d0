// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { EvidenceCustomer } from '@cairn/shared';
import { AppProviders, mountRoot, WS } from '../../../testing/mount';
import { CUSTOMERS_SHOWN, EvidenceCustomers } from './evidence-customers';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The nth customer, at company `company` of `segment` (no company when `company` is 0). */
function customer(n: number, company: number, segment: string | null): EvidenceCustomer {
  return { id: id(n), name: `Customer ${n}`, email: null, externalId: null, highlightCount: 1, company: company ? { id: id(100 + company), name: `Company ${company}`, segment } : null };
}

const legend = () => [...document.querySelectorAll('[aria-label="Customers by segment"] li')].map((item) => item.textContent);

describe('EvidenceCustomers', () => {
  const root = mountRoot();
  const render = (customers: EvidenceCustomer[]) =>
    root.render(
      <AppProviders>
        <EvidenceCustomers ws={WS} customers={customers} />
      </AppProviders>,
    );

  it('says at a glance how many customers of each segment are behind the evidence', async () => {
    await render([customer(1, 1, 'Enterprise'), customer(2, 1, 'Enterprise'), customer(3, 2, 'SMB'), customer(4, 3, 'Mid-market'), customer(5, 4, 'SMB'), customer(6, 0, null), customer(7, 5, null)]);
    expect(document.body.textContent).toContain('7 customers at 5 companies');
    expect(legend()).toEqual(['Enterprise 2', 'SMB 2', 'Mid-market 1', 'No segment 2']);
    // The bar draws the same shares, for the eye only.
    const parts = [...document.querySelectorAll<HTMLElement>('.segment-bar .segment-part')];
    expect(document.querySelector('.segment-bar')?.getAttribute('aria-hidden')).toBe('true');
    expect(parts.map((part) => Math.round(parseFloat(part.style.width)))).toEqual([29, 29, 14, 29]);
  });

  it('draws no bar when no segment is known', async () => {
    await render([customer(1, 0, null), customer(2, 1, null)]);
    expect(document.body.textContent).toContain('2 customers at 1 company');
    expect(document.querySelector('.segment-breakdown')).toBeNull();
  });

  it(`lists the first ${CUSTOMERS_SHOWN} customers, and all of them on demand, focus staying on the toggle`, async () => {
    await render(Array.from({ length: CUSTOMERS_SHOWN + 3 }, (_, n) => customer(n + 1, n + 1, 'SMB')));
    const names = () => [...document.querySelectorAll('.evidence-customers li a')].map((link) => link.textContent);
    expect(names()).toHaveLength(CUSTOMERS_SHOWN);
    const toggle = [...document.querySelectorAll('button')].find((button) => button.textContent === `Show all ${CUSTOMERS_SHOWN + 3} customers`)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.focus();
    await act(async () => toggle.click());
    expect(names()).toHaveLength(CUSTOMERS_SHOWN + 3);
    expect(names().at(-1)).toBe(`Customer ${CUSTOMERS_SHOWN + 3}`);
    expect(toggle.textContent).toBe(`Show the first ${CUSTOMERS_SHOWN}`);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(toggle);
  });
});
