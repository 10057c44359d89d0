import { z } from 'zod';
import { DateRangeQuerySchema, IdSchema, PageQuerySchema, TimestampSchema } from './common.js';

/**
 * Every action the audit log records, by the kind of object it acts on, in words that follow a
 * person's name ("Ann restored a source"). The log filters by one action or by a whole group.
 */
export const AUDIT_ACTION_GROUPS = {
  source: { label: 'Sources', actions: { 'source.create': 'added a source', 'source.update': 'edited a source', 'source.delete': 'moved a source to the trash', 'source.restore': 'restored a source', 'source.delete_forever': 'deleted a source forever' } },
  highlight: {
    label: 'Highlights',
    actions: {
      'highlight.create': 'highlighted a passage',
      'highlight.create_many': 'highlighted passages in bulk',
      'highlight.create_many_undo': 'undid highlighting passages in bulk',
      'highlight.update': 'edited a highlight',
      'highlight.delete': 'moved a highlight to the trash',
      'highlight.restore': 'restored a highlight',
      'highlight.delete_forever': 'deleted a highlight forever',
      'highlight.bulk_tag': 'tagged highlights in bulk',
    },
  },
  tag: { label: 'Tags', actions: { 'tag.create': 'created a tag', 'tag.rename': 'renamed a tag', 'tag.update': 'edited a tag', 'tag.delete': 'deleted a tag', 'tag.merge': 'merged two tags' } },
  insight: {
    label: 'Problems',
    actions: {
      'insight.create': 'created an insight',
      'insight.update': 'edited an insight',
      'insight.delete': 'moved an insight to the trash',
      'insight.restore': 'restored an insight',
      'insight.delete_forever': 'deleted an insight forever',
      'insight.evidence.link': 'linked evidence to an insight',
      'insight.evidence.unlink': 'unlinked evidence from an insight',
      'insight.evidence.importance': 'changed how much evidence matters to an insight',
      'insight.merge': 'merged one insight into another',
    },
  },
  backlog_item: {
    label: 'Backlog',
    actions: {
      'backlog_item.create': 'added a backlog item',
      'backlog_item.update': 'edited a backlog item',
      'backlog_item.delete': 'moved a backlog item to the trash',
      'backlog_item.restore': 'restored a backlog item',
      'backlog_item.delete_forever': 'deleted a backlog item forever',
      'backlog_item.evidence.link': 'linked evidence to a backlog item',
      'backlog_item.evidence.unlink': 'unlinked evidence from a backlog item',
      'backlog_item.evidence.importance': 'changed how much evidence matters to a backlog item',
    },
  },
  customer: {
    label: 'Customers',
    actions: {
      'customer.create': 'added a customer',
      'customer.update': 'edited a customer',
      'customer.erase': 'erased a customer and everything they said',
      'customer.companies_from_emails': 'filled in companies from email domains',
      'company.update': 'edited a company',
      'company.rename': 'renamed a company',
      'company.merge': 'merged two companies',
      'company.delete': 'deleted a company',
      'company.forget_domain': "let a deleted company's email domain group people again",
    },
  },
  cluster: {
    label: 'Clusters',
    actions: {
      'cluster_run.start': 'started a cluster run',
      'cluster_run.complete': 'finished a cluster run',
      'cluster_run.delete': 'deleted a cluster run',
      'cluster.update': 'edited a cluster',
      'cluster.promote': 'promoted a cluster',
    },
  },
  import: {
    label: 'Imports',
    actions: { 'import.complete': 'imported a file', 'import.fail': 'failed to import a file', 'integration.tickets': 'received tickets by webhook', 'sample.load': 'loaded the sample data', 'sample.remove': 'removed the sample data' },
  },
  trash: { label: 'Trash', actions: { 'trash.empty': 'emptied a trash', 'trash.retention': 'deleted what was in the trash too long' } },
  saved_search: { label: 'Saved searches', actions: { 'saved_search.create': 'saved a search', 'saved_search.delete': 'deleted a saved search' } },
  member: { label: 'Members', actions: { 'member.add': 'added a member', 'member.role_change': "changed a member's role", 'member.remove': 'removed a member' } },
  auth: { label: 'Sign-ins and passwords', actions: { 'auth.sign_in': 'signed in', 'auth.sign_in_failed': 'failed to sign in', 'auth.password_change': 'changed their password' } },
  api_token: { label: 'API tokens', actions: { 'token.create': 'created an API token', 'token.role_change': "lowered an API token's role", 'token.revoke': 'revoked an API token' } },
  workspace: { label: 'Workspace', actions: { 'workspace.create': 'created the workspace', 'workspace.claim': 'took ownership of the workspace', 'workspace.rename': 'renamed the workspace' } },
} as const;

type Groups = typeof AUDIT_ACTION_GROUPS;
export type AuditActionGroup = keyof Groups;
export type AuditAction = { [G in AuditActionGroup]: keyof Groups[G]['actions'] }[AuditActionGroup];

const groupEntries = Object.entries(AUDIT_ACTION_GROUPS) as Array<[AuditActionGroup, { label: string; actions: Record<string, string> }]>;
const AUDIT_ACTIONS = groupEntries.flatMap(([, { actions }]) => Object.keys(actions));

/** The actions a filter value (`ListAuditEventsQuery['action']`) stands for: itself, or every action of its group. */
export function auditActionsOf(filter: string): string[] {
  const group = groupEntries.find(([key]) => key === filter);
  return group ? Object.keys(group[1].actions) : [filter];
}

/** "restored a source"; an action this version does not know (recorded by a newer one) as its code. */
export function describeAuditAction(action: string): string {
  for (const [, { actions }] of groupEntries) if (action in actions) return actions[action]!;
  return action;
}

export const AuditEventActorSchema = z.object({ type: z.enum(['user', 'token']), id: IdSchema, name: z.string() });
export type AuditEventActor = z.infer<typeof AuditEventActorSchema>;

export const AuditEventSchema = z.object({
  id: IdSchema,
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  /** Whether the object is still there, outside the trash: only then can a client link to it. */
  objectExists: z.boolean(),
  /** What a link to the object also needs: the source of a highlight, the run of a cluster. */
  objectParentId: z.string().nullable(),
  summary: z.string(),
  /** Null when no one was signed in: a failed sign-in. */
  actor: AuditEventActorSchema.nullable(),
  createdAt: TimestampSchema,
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** Everyone (and every API token) with an event in the log, members or not any more: the choices of the person filter. */
export const AuditActorListSchema = z.object({ items: z.array(AuditEventActorSchema) });
export type AuditActorList = z.infer<typeof AuditActorListSchema>;

export const ListAuditEventsQuerySchema = PageQuerySchema.extend({
  /** A person's or an API token's id. */
  actorId: IdSchema.optional(),
  /** One action (`source.restore`) or a group of them (`source`). */
  action: z.enum([...groupEntries.map(([group]) => group), ...AUDIT_ACTIONS] as [string, ...string[]], { error: 'Choose one of the actions the log records' }).optional(),
  ...DateRangeQuerySchema.shape,
});
export type ListAuditEventsQuery = z.infer<typeof ListAuditEventsQuerySchema>;
