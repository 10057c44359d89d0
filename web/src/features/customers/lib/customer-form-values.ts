import { COMPANY_FIELDS, type CompanyInput, type Customer } from '@cairn/shared';

/** What the customer form holds: text as typed, one entry per input. */
export type CustomerFormValues = {
  name: string;
  email: string;
  externalId: string;
  companyName: string;
  segment: string;
  plan: string;
  annualRevenue: string;
};

export const CUSTOMER_FIELDS = ['name', 'email', 'externalId', 'company.name', 'company.segment', 'company.plan', 'company.annualRevenue'] as const;

export function customerFormValues(customer?: Customer): CustomerFormValues {
  return {
    name: customer?.name ?? '',
    email: customer?.email ?? '',
    externalId: customer?.externalId ?? '',
    companyName: customer?.company?.name ?? '',
    segment: customer?.company?.segment ?? '',
    plan: customer?.company?.plan ?? '',
    annualRevenue: customer?.company?.annualRevenue?.toString() ?? '',
  };
}

const COMPANY_INPUTS = ['companyName', ...COMPANY_FIELDS] as const;
const text = (value: string) => value.trim() || null;
/** Revenue as typed: a number for the schema to check (a whole number, not negative); NaN says it is not one. */
const revenue = (value: string) => (value.trim() ? Number(value.trim()) : null);

/** The company as the API takes it, or null when none of its inputs is filled (a segment without a name is the schema's to refuse). */
function companyOf(values: CustomerFormValues) {
  if (COMPANY_INPUTS.every((key) => !values[key].trim())) return null;
  return { name: values.companyName.trim(), segment: text(values.segment), plan: text(values.plan), annualRevenue: revenue(values.annualRevenue) };
}

/** The body of `POST …/customers`, to check with `CreateCustomerBodySchema`: empty inputs are left out. */
export function toCreateCustomerBody(values: CustomerFormValues) {
  const company = companyOf(values);
  return {
    name: text(values.name) ?? undefined,
    email: text(values.email) ?? undefined,
    externalId: text(values.externalId) ?? undefined,
    company: company ?? undefined,
  };
}

/**
 * The company part of an edit: its name and only the fields that changed. Each field sent is set
 * by hand from then on (imports leave it alone), so one left as it was must not be; and the
 * inputs still hold the old company's values when the name is changed to another company's.
 */
function companyEditOf(values: CustomerFormValues, initial: CustomerFormValues): CompanyInput | null {
  const company = companyOf(values);
  if (!company) return null;
  const changed = COMPANY_FIELDS.filter((field) => values[field].trim() !== initial[field].trim());
  return { name: company.name, ...Object.fromEntries(changed.map((field) => [field, company[field]])) };
}

/**
 * The body of `PATCH …/customers/:id`, to check with `UpdateCustomerBodySchema`: only what
 * changed, an emptied input as `null` (which clears it; no company detaches the company).
 */
export function toUpdateCustomerBody(values: CustomerFormValues, initial: CustomerFormValues) {
  const body: { name?: string | null; email?: string | null; externalId?: string | null; company?: CompanyInput | null } = {};
  for (const key of ['name', 'email', 'externalId'] as const) {
    if (values[key].trim() !== initial[key].trim()) body[key] = text(values[key]);
  }
  if (COMPANY_INPUTS.some((key) => values[key].trim() !== initial[key].trim())) body.company = companyEditOf(values, initial);
  return body;
}
