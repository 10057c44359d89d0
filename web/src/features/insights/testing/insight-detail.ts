import type { EvidenceScore, Insight, InsightDetail, InsightListItem } from '@cairn/shared';

export const AT = '2025-03-04T10:00:00.000Z';

/** The score of something with no evidence behind it, as the server sends it. */
export const NO_SCORE: EvidenceScore = { total: 0, customers: 0, companies: 0, revenue: 0, highlights: 0, recentHighlights: 0, lastEvidenceAt: null, points: { customers: 0, companies: 0, revenue: 0, recency: 0 } };

/** A draft problem with nothing behind it, as the list and the page alike have it. */
const DRAFT_PROBLEM = {
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
} satisfies Omit<Insight, 'id' | 'title'>;

/** The nth insight as `GET …/insights` lists it: a draft problem with nothing behind it, on no backlog item; tests say what differs. */
export const insightListItem = (n: number, title: string, overrides: Partial<InsightListItem> = {}): InsightListItem => ({
  ...DRAFT_PROBLEM,
  id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  title,
  score: NO_SCORE,
  backlogItemCount: 0,
  ...overrides,
});

/** A draft problem with nothing under it or behind it, as `GET …/insights/:id` answers; tests say what differs. */
export const insightDetail = (overrides: Partial<InsightDetail> & Pick<InsightDetail, 'id' | 'title'>): InsightDetail => ({
  ...DRAFT_PROBLEM,
  parent: null,
  children: [],
  evidence: [],
  backlogItems: [],
  familyBacklogItems: [],
  customers: [],
  ...overrides,
});
