import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CreateApiTokenBodySchema, CreateMemberBodySchema, CreateSetupBodySchema, LoginBodySchema } from './accounts.js';
import { CreateCustomerBodySchema } from './customers.js';
import { CreateTagBodySchema } from './highlights.js';
import { CreateSavedSearchBodySchema } from './search.js';
import { CreateSourceBodySchema } from './sources.js';

/** Forms show these messages as they are: zod's own ("Too small: expected string…") are for developers. */
const messagesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return Object.fromEntries((parsed.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
};
const ZOD_WORDING = /Too (small|big)|expected|Invalid/;

describe('the messages of form schemas', () => {
  it('say what an empty setup form is missing', () => {
    expect(messagesOf(CreateSetupBodySchema, { email: '', password: '', name: ' ', workspaceName: '' })).toEqual({
      email: 'Enter an email address like name@example.com',
      password: 'Use at least 10 characters',
      name: 'Enter a name',
      workspaceName: "Enter the workspace's name",
    });
  });

  it("are a person's words for every empty or too long field of a form", () => {
    const long = 'x'.repeat(1001);
    const cases: Array<[z.ZodType, unknown]> = [
      [CreateMemberBodySchema, { email: 'nobody', name: '', role: 'viewer' }],
      [LoginBodySchema, { email: '', password: '' }],
      [CreateApiTokenBodySchema, { name: '', role: 'viewer' }],
      [CreateTagBodySchema, { name: '', group: '' }],
      [CreateTagBodySchema, { name: long, description: 'x'.repeat(10_001) }],
      [CreateCustomerBodySchema, { name: '', externalId: '', company: { name: '', segment: '', annualRevenue: -1 } }],
      [CreateSavedSearchBodySchema, { name: '', query: 'exports' }],
      [CreateSourceBodySchema, { kind: 'note', title: '', body: 'Said' }],
      [CreateSourceBodySchema, { kind: 'note', title: long, body: 'Said' }],
    ];
    for (const [schema, value] of cases) {
      const messages = Object.values(messagesOf(schema, value));
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(message).not.toMatch(ZOD_WORDING);
    }
  });

  it('name the limit a too long text is over', () => {
    expect(messagesOf(CreateTagBodySchema, { name: 'x'.repeat(81) })).toEqual({ name: 'Use at most 80 characters' });
    expect(messagesOf(CreateSourceBodySchema, { kind: 'note', title: 'T', body: 'x'.repeat(1_000_001) })).toEqual({ body: 'Use at most 1,000,000 characters' });
  });
});
