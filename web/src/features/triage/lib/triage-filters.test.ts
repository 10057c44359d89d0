import { describe, expect, it } from 'vitest';
import { countTriageFilters, describeRange, readTriageFilters, writeTriageFilters } from './triage-filters';

describe('readTriageFilters', () => {
  it('reads the Inbox’s names from the URL: kind, helpdeskTag, from and to', () => {
    expect(readTriageFilters(new URLSearchParams('kind=ticket&helpdeskTag=%20Billing%20&from=2024-01-02&to=2024-01-31'))).toEqual({
      show: 'ticket',
      helpdeskTag: 'Billing',
      range: { from: '2024-01-02', to: '2024-01-31' },
    });
  });

  it('shows both kinds for no kind or one the queue does not show, and leaves empty values out', () => {
    expect(readTriageFilters(new URLSearchParams('kind=interview&helpdeskTag=&from='))).toEqual({ show: 'all', helpdeskTag: null, range: {} });
  });
});

describe('writeTriageFilters', () => {
  it('writes what is set, removes what is not, and keeps other parameters', () => {
    const next = writeTriageFilters(new URLSearchParams('helpdeskTag=billing&from=2024-01-01&other=1'), { show: 'all', helpdeskTag: 'login', range: { to: '2024-02-01' } });
    expect(Object.fromEntries(next)).toEqual({ helpdeskTag: 'login', to: '2024-02-01', other: '1' });
  });

  it('round-trips through readTriageFilters', () => {
    const filters = { show: 'survey_response', helpdeskTag: null, range: { from: '2024-03-01' } } as const;
    expect(readTriageFilters(writeTriageFilters(new URLSearchParams(), filters))).toEqual(filters);
  });
});

describe('describeRange', () => {
  it('says the bounds there are, by day', () => {
    expect(describeRange({ from: '2024-01-02', to: '2024-01-31T23:00:00Z' })).toBe('from 2024-01-02 to 2024-01-31');
    expect(describeRange({ to: '2024-01-31' })).toBe('to 2024-01-31');
    expect(describeRange({})).toBe('');
  });
});

describe('countTriageFilters', () => {
  it('counts the kind shown, the helpdesk tag and the dates, the dates once', () => {
    expect(countTriageFilters({ show: 'all', helpdeskTag: null, range: {} })).toBe(0);
    expect(countTriageFilters({ show: 'ticket', helpdeskTag: null, range: {} })).toBe(1);
    expect(countTriageFilters({ show: 'all', helpdeskTag: 'billing', range: { to: '2024-02-01' } })).toBe(2);
    expect(countTriageFilters({ show: 'survey_response', helpdeskTag: null, range: { from: '2024-01-01', to: '2024-02-01' } })).toBe(2);
  });
});
