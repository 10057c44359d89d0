import { describe, expect, it } from 'vitest';
import { auditObjectLink } from './object-link';

const ws = 'w1';
const event = (objectType: string, objectParentId: string | null = null, objectExists = true) => ({ objectType, objectId: 'o1', objectExists, objectParentId });

describe('auditObjectLink', () => {
  it('links an object that is still there to its page, a highlight within its source, a cluster within its run', () => {
    expect(auditObjectLink(ws, event('source'))).toBe('/w/w1/sources/o1');
    expect(auditObjectLink(ws, event('highlight', 's1'))).toBe('/w/w1/sources/s1#h-o1');
    expect(auditObjectLink(ws, event('cluster', 'r1'))).toBe('/w/w1/clusters/r1');
    expect(auditObjectLink(ws, event('insight'))).toBe('/w/w1/problems/o1');
    expect(auditObjectLink(ws, event('company'))).toBe('/w/w1/companies/o1');
    expect(auditObjectLink(ws, event('user'))).toBe('/w/w1/settings/members');
  });

  it('links nothing that is gone or in the trash, nor what has no page', () => {
    expect(auditObjectLink(ws, event('source', null, false))).toBeNull();
    expect(auditObjectLink(ws, event('saved_search'))).toBeNull();
    expect(auditObjectLink(ws, { ...event('source'), objectId: null })).toBeNull();
  });
});
