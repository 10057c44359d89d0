import { describe, expect, it } from 'vitest';
import { customerName } from './customer-name.js';

describe('customerName', () => {
  it('names a customer by name, else email, else the id their helpdesk knows them by', () => {
    expect(customerName({ name: 'Ada', email: 'ada@globex.example', externalId: '7' })).toBe('Ada');
    expect(customerName({ name: null, email: 'ada@globex.example', externalId: '7' })).toBe('ada@globex.example');
    expect(customerName({ name: null, email: null, externalId: '20014182' })).toBe('Customer 20014182');
    expect(customerName({ name: null, email: null, externalId: null })).toBe('Unnamed customer');
  });
});
