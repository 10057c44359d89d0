import type { EvidenceScore, InsightDetail } from '@cairn/shared';

export const AT = '2025-03-04T10:00:00.000Z';

/** The score of something with no evidence behind it, as the server sends it. */
export const NO_SCORE: EvidenceScore = { total: 0, customers: 0, companies: 0, revenue: 0, highlights: 0, recentHighlights: 0, lastEvidenceAt: null, points: { customers: 0, companies: 0, revenue: 0, recency: 0 } };

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
