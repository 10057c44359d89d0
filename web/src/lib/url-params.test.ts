import { describe, expect, it } from 'vitest';
import { withParams } from './url-params';

describe('withParams', () => {
  it('sets what has a value, removes what is empty or absent, and keeps the rest', () => {
    const params = new URLSearchParams('from=2024-01-01&to=2024-01-31&kind=ticket');
    const next = withParams(params, { from: undefined, to: '', customerId: 'c1', actorId: null });
    expect(Object.fromEntries(next)).toEqual({ kind: 'ticket', customerId: 'c1' });
    // The params given stay as they were: they are the page's current URL.
    expect(params.get('from')).toBe('2024-01-01');
  });
});
