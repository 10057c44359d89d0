/** Closed vocabularies shared by the server, the database and the web client. */

export const ROLES = ['owner', 'admin', 'researcher', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Higher rank = more rights; `hasRole(actual, needed)` compares ranks. */
const ROLE_RANK: Record<Role, number> = { viewer: 0, contributor: 1, researcher: 2, admin: 3, owner: 4 };

export function hasRole(actual: Role, needed: Role): boolean {
  return ROLE_RANK[actual] >= ROLE_RANK[needed];
}

export const SOURCE_KINDS = ['interview', 'ticket', 'survey_response', 'review', 'note'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const INSIGHT_TYPES = ['problem', 'opportunity', 'solution'] as const;
export type InsightType = (typeof INSIGHT_TYPES)[number];

/** A problem, opportunity or solution starts as a draft, is validated by its evidence, and is archived when settled. */
export const INSIGHT_STATUSES = ['draft', 'validated', 'archived'] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];

/**
 * The type an insight's parent must have: an opportunity sits under a problem and a solution
 * under an opportunity (an opportunity-solution tree); a problem is a root.
 */
export const INSIGHT_PARENT_TYPE: Record<InsightType, InsightType | null> = { problem: null, opportunity: 'problem', solution: 'opportunity' };

/**
 * How much a piece of evidence matters where it is linked (a highlight on a problem or a backlog
 * item), as its linker judges it; links start as `important`. It weighs the backlog score
 * (docs/decisions/009-insights-and-backlog.md).
 */
export const EVIDENCE_IMPORTANCES = ['nice_to_have', 'important', 'critical'] as const;
export type EvidenceImportance = (typeof EVIDENCE_IMPORTANCES)[number];

/** What a highlight of each importance counts for in the backlog score: `important`, what every link was before importance, counts as it always did. */
export const EVIDENCE_IMPORTANCE_WEIGHTS: Record<EvidenceImportance, number> = { nice_to_have: 0.5, important: 1, critical: 2 };

export const BACKLOG_STATUSES = ['idea', 'planned', 'in_progress', 'shipped', 'declined'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

export const IMPORT_FORMATS = ['transcript', 'tickets-csv', 'survey-csv', 'zendesk-json', 'intercom-json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** How a CSV writes dates such as `03/04/2026`: 3 April (day first) or March 4 (month first). */
export const DATE_ORDERS = ['day-first', 'month-first'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const DATABASE_DRIVERS = ['pglite', 'postgres'] as const;
export type DatabaseDriver = (typeof DATABASE_DRIVERS)[number];

/** Kinds short enough to be highlighted as a whole in one action (a ticket, an answer, a note). */
export const WHOLE_SOURCE_KINDS: ReadonlySet<SourceKind> = new Set(['ticket', 'survey_response', 'review', 'note']);

/** What a cluster run groups: highlights (any kind of source), or whole short sources (tickets, answers, reviews, notes). */
export const CLUSTER_TARGETS = ['highlights', 'sources'] as const;
export type ClusterTarget = (typeof CLUSTER_TARGETS)[number];

export const CLUSTER_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ClusterRunStatus = (typeof CLUSTER_RUN_STATUSES)[number];

/**
 * The trashes a person empties, one per page: the Inbox's (sources, and highlights trashed on their
 * own), the Highlights page's (highlights trashed on their own, their source outside the trash),
 * Problems' and the Backlog's.
 */
export const TRASH_LISTS = ['sources', 'highlights', 'insights', 'backlogItems'] as const;
export type TrashList = (typeof TRASH_LISTS)[number];

/** Why a purge deletes for good: a person emptied a trash, the trash's time limit passed, or an admin erased a customer. */
export const PURGE_REASONS = ['empty_trash', 'retention', 'erase_customer'] as const;
export type PurgeReason = (typeof PURGE_REASONS)[number];

export const PURGE_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type PurgeStatus = (typeof PURGE_STATUSES)[number];
