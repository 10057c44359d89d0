import { CreateCustomerBodySchema, CreateSourceBodySchema, CreateTagBodySchema } from '@cairn/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-client';
import { formErrors, issuesByField } from './form-errors';

describe('issuesByField', () => {
  it('names nested fields by their dotted path', () => {
    const parsed = CreateCustomerBodySchema.safeParse({ email: 'not an email', company: { name: '' } });
    expect(parsed.success).toBe(false);
    expect(issuesByField(parsed.error!)).toEqual({ email: 'Enter an email address like name@example.com', 'company.name': "Enter the company's name" });
  });

  it('keeps the messages a schema wrote itself, for an empty field, a too long one or a refinement', () => {
    expect(issuesByField(CreateTagBodySchema.safeParse({ name: ' ' }).error!)).toEqual({ name: "Enter the tag's name" });
    const long = CreateSourceBodySchema.safeParse({ kind: 'note', title: 'T', body: 'x'.repeat(1_000_001) });
    expect(issuesByField(long.error!)).toEqual({ body: 'Use at most 1,000,000 characters' });
    const nobody = CreateCustomerBodySchema.safeParse({});
    expect(issuesByField(nobody.error!)).toEqual({ email: 'Give at least an email, a name or an external id' });
  });

  it("says zod's generic findings in a person's words", () => {
    const schema = z.object({ name: z.string().min(1), code: z.string().min(3).max(5), count: z.number().int().min(0), email: z.email(), at: z.iso.datetime() });
    expect(issuesByField(schema.safeParse({ name: '', code: 'ab', count: 1.5, email: 'nope', at: 'soon' }).error!)).toEqual({
      name: 'Required',
      code: 'Use at least 3 characters',
      count: 'Use a whole number',
      email: 'Use an email address like name@example.com',
      at: 'Use a date and time',
    });
    expect(issuesByField(schema.safeParse({ name: 'x', code: 'abcdef', count: -1, email: 'a@example.com', at: '2024-01-01T00:00:00Z' }).error!)).toEqual({
      code: 'Use at most 5 characters',
      count: 'Use 0 or more',
    });
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
