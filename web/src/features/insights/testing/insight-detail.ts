import type { InsightDetail } from '@cairn/shared';

export const AT = '2025-03-04T10:00:00.000Z';

/** A draft problem with nothing under it or behind it, as `GET …/insights/:id` answers; tests say what differs. */
export const insightDetail = (overrides: Partial<InsightDetail> & Pick<InsightDetail, 'id' | 'title'>): InsightDetail => ({
  type: 'problem',
  status: 'draft',
  statement: null,
  parentId: null,
  evidenceCount: 0,
  customerCount: 0,
  createdBy: null,
  createdAt: AT,
  updatedAt: AT,
  deletedAt: null,
  merge: null,
  parent: null,
  children: [],
  evidence: [],
  backlogItems: [],
  customers: [],
  ...overrides,
});
