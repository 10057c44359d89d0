import { describe, expect, it } from 'vitest';
import { samePageIn } from './workspace-switcher';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const SOURCE = '33333333-3333-4333-8333-333333333333';

describe('samePageIn', () => {
  it('keeps the section and sub-page when switching workspace', () => {
    expect(samePageIn(`/w/${A}/settings/members`, A, B)).toBe(`/w/${B}/settings/members`);
    expect(samePageIn(`/w/${A}/search`, A, B)).toBe(`/w/${B}/search`);
  });

  it("leaves a page about one of the old workspace's objects for its section's list", () => {
    expect(samePageIn(`/w/${A}/customers/${SOURCE}`, A, B)).toBe(`/w/${B}/customers`);
    // Companies are pages of the Customers section at an address of their own.
    expect(samePageIn(`/w/${A}/companies/${SOURCE}`, A, B)).toBe(`/w/${B}/companies`);
  });

  it('goes to the inbox when the page has no section of its own', () => {
    expect(samePageIn(`/w/${A}/sources/${SOURCE}`, A, B)).toBe(`/w/${B}/inbox`);
    expect(samePageIn(`/w/${A}`, A, B)).toBe(`/w/${B}/inbox`);
  });
});
