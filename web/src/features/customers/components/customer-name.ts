import type { Customer } from '@cairn/shared';

/** The name a person would recognise a customer by. */
export function customerName(customer: Pick<Customer, 'name' | 'email' | 'externalId'>): string {
  return customer.name ?? customer.email ?? customer.externalId ?? 'Unnamed customer';
}
