import { CreateCustomerBodySchema } from '@cairn/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { formErrors, issuesByField } from './form-errors';

describe('issuesByField', () => {
  it('names nested fields by their dotted path', () => {
    const parsed = CreateCustomerBodySchema.safeParse({ email: 'not an email', company: { name: '' } });
    expect(parsed.success).toBe(false);
    expect(issuesByField(parsed.error!)).toEqual({ email: 'Use an email address like name@example.com', 'company.name': 'Required' });
  });

  it("says zod's usual findings in a person's words and keeps a schema's own message", () => {
    const revenue = CreateCustomerBodySchema.safeParse({ name: 'Fox', company: { name: 'X', annualRevenue: 12.5 } });
    expect(issuesByField(revenue.error!)).toEqual({ 'company.annualRevenue': 'Use a whole number' });
    const nobody = CreateCustomerBodySchema.safeParse({});
    expect(issuesByField(nobody.error!)).toEqual({ email: 'Give at least an email, a name or an external id' });
  });
});

describe('formErrors', () => {
  const fields = ['name', 'email'];

  it("prefers the form's own finding, then the server's word on the field", () => {
    const server = new ApiError(400, 'validation_failed', 'Invalid input', [{ path: 'body.email', message: 'Already taken' }]);
    expect(formErrors(fields, { name: 'Too long' }, server).field('name')).toBe('Too long');
    expect(formErrors(fields, {}, server).field('email')).toBe('Already taken');
    expect(formErrors(fields, {}, server).other).toBeNull();
  });

  it('keeps an error that no field shows', () => {
    const conflict = new ApiError(409, 'conflict', 'Another customer already has this email');
    expect(formErrors(fields, {}, conflict).other).toBe(conflict);
    const elsewhere = new ApiError(400, 'validation_failed', 'Invalid input', [{ path: 'body.segments', message: 'Out of range' }]);
    expect(formErrors(fields, {}, elsewhere).other).toBe(elsewhere);
    expect(formErrors(fields, {}, null).other).toBeNull();
  });
});
