import { CreateCustomerBodySchema, UpdateCustomerBodySchema, type Customer } from '@cairn/shared';
import { describe, expect, it } from 'vitest';
import { customerFormValues, toCreateCustomerBody, toUpdateCustomerBody } from './customer-form-values';

const DANA: Customer = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Dana Scully',
  email: 'dana@example.org',
  externalId: null,
  company: { id: '00000000-0000-4000-8000-000000000002', name: 'Bureau Analytics', segment: 'Enterprise', plan: null, annualRevenue: 250000, fieldsSetByHand: [], createdAt: '2024-01-01T00:00:00.000Z' },
  companySetByHand: false,
  createdAt: '2024-01-01T00:00:00.000Z',
};

describe('the customer form', () => {
  it('creates with what was filled in, leaving empty inputs out', () => {
    const body = toCreateCustomerBody({ ...customerFormValues(), name: ' Fox Mulder ', email: 'FOX@example.org' });
    expect(body).toEqual({ name: 'Fox Mulder', email: 'FOX@example.org', externalId: undefined, company: undefined });
    expect(CreateCustomerBodySchema.parse(body)).toEqual({ name: 'Fox Mulder', email: 'fox@example.org' });
  });

  it('refuses a customer with nothing to know them by, on the email field', () => {
    const parsed = CreateCustomerBodySchema.safeParse(toCreateCustomerBody(customerFormValues()));
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['email']);
  });

  it('refuses company details without a company name, and revenue that is not a whole number', () => {
    const parsed = CreateCustomerBodySchema.safeParse(toCreateCustomerBody({ ...customerFormValues(), name: 'Fox', segment: 'SMB', annualRevenue: '12.5' }));
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['company.annualRevenue', 'company.name']);
  });

  it('edits only what changed, and clears an emptied input with null', () => {
    const initial = customerFormValues(DANA);
    expect(toUpdateCustomerBody(initial, initial)).toEqual({});
    const body = toUpdateCustomerBody({ ...initial, name: 'Dana K. Scully', email: '', plan: 'Pro', segment: '' }, initial);
    // The company's untouched revenue is left out: a field sent is set by hand, and imports would no longer fill it in.
    expect(body).toEqual({ name: 'Dana K. Scully', email: null, company: { name: 'Bureau Analytics', segment: null, plan: 'Pro' } });
    expect(UpdateCustomerBodySchema.safeParse(body).success).toBe(true);
  });

  it("moves to another company without giving it the old company's fields still in the inputs", () => {
    const initial = customerFormValues(DANA);
    expect(toUpdateCustomerBody({ ...initial, companyName: 'Lone Gunmen', plan: 'Pro' }, initial)).toEqual({ company: { name: 'Lone Gunmen', plan: 'Pro' } });
  });

  it('detaches the company when all its inputs are emptied', () => {
    const initial = customerFormValues(DANA);
    expect(toUpdateCustomerBody({ ...initial, companyName: '', segment: '', annualRevenue: '' }, initial)).toEqual({ company: null });
  });
});
