import { describe, expect, it } from 'vitest';
import { navItemAt, pageLabelAt } from './nav-items';

const WS = '11111111-1111-4111-8111-111111111111';
const ID = '33333333-3333-4333-8333-333333333333';

describe('pageLabelAt', () => {
  it("names a page by its section, a page under it or at the section's other address too", () => {
    expect(pageLabelAt(`/w/${WS}/inbox`, WS)).toBe('Inbox');
    expect(pageLabelAt(`/w/${WS}/problems/${ID}`, WS)).toBe('Problems');
    expect(pageLabelAt(`/w/${WS}/companies/${ID}`, WS)).toBe('Customers');
    expect(pageLabelAt(`/w/${WS}/settings/audit`, WS)).toBe('Settings');
  });

  it('names the reader, which belongs to no section and marks no link of the sidebar', () => {
    expect(pageLabelAt(`/w/${WS}/sources/${ID}`, WS)).toBe('Reader');
    expect(navItemAt(`/w/${WS}/sources/${ID}`, WS)).toBeUndefined();
  });

  it('names nothing at an address that is no page', () => {
    expect(pageLabelAt(`/w/${WS}/sources`, WS)).toBeUndefined();
    expect(pageLabelAt(`/w/${WS}/nowhere`, WS)).toBeUndefined();
    expect(pageLabelAt(`/w/${ID}/sources/${ID}`, WS)).toBeUndefined();
  });
});
