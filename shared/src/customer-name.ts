import type { Customer } from './schemas/customers.js';

/**
 * The name a person would recognise a customer by, the same on every page: their name, else
 * their email, else the id their helpdesk or CRM knows them by (a Zendesk requester often has
 * nothing else).
 */
export function customerName(customer: Pick<Customer, 'name' | 'email' | 'externalId'>): string {
  return customer.name ?? customer.email ?? (customer.externalId ? `Customer ${customer.externalId}` : 'Unnamed customer');
}
