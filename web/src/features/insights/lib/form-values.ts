import type { BacklogItem, BacklogStatus, CreateBacklogItemBody, CreateInsightBody, Insight, InsightStatus, InsightType } from '@cairn/shared';

/** Text as typed, trimmed; an emptied input is null, which clears the field. */
const textOrNull = (value: string) => value.trim() || null;

/** The body of a PATCH: only the fields whose input changed since the form opened. */
function changedFields<T extends object>(body: T, initial: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([key, value]) => value !== initial[key as keyof T])) as Partial<T>;
}

/** What the insight form holds: text as typed, one entry per input; no parent is `''`. */
export type InsightFormValues = { type: InsightType; title: string; statement: string; status: InsightStatus; parentId: string };
export const INSIGHT_FIELDS = ['type', 'title', 'statement', 'status', 'parentId'] as const;

/** The form for `insight`, or for a new one (a problem unless `preset` says otherwise: "Add opportunity" under a problem). */
export function insightFormValues(insight?: Insight, preset: { type?: InsightType; parentId?: string } = {}): InsightFormValues {
  return {
    type: insight?.type ?? preset.type ?? 'problem',
    title: insight?.title ?? '',
    statement: insight?.statement ?? '',
    status: insight?.status ?? 'draft',
    parentId: insight?.parentId ?? preset.parentId ?? '',
  };
}

/** The body of `POST …/insights`, to check with `CreateInsightBodySchema`. */
export function toCreateInsightBody(values: InsightFormValues): CreateInsightBody {
  return { type: values.type, title: values.title.trim(), statement: textOrNull(values.statement), status: values.status, parentId: values.parentId || null };
}

/** The body of `PATCH …/insights/:id`, to check with `UpdateInsightBodySchema`: what changed only. */
export function toUpdateInsightBody(values: InsightFormValues, initial: InsightFormValues) {
  return changedFields(toCreateInsightBody(values), toCreateInsightBody(initial));
}

export type BacklogFormValues = { title: string; description: string; status: BacklogStatus; externalUrl: string; externalKey: string };
export const BACKLOG_FIELDS = ['title', 'description', 'status', 'externalUrl', 'externalKey'] as const;

export function backlogFormValues(item?: BacklogItem): BacklogFormValues {
  return {
    title: item?.title ?? '',
    description: item?.description ?? '',
    status: item?.status ?? 'idea',
    externalUrl: item?.externalUrl ?? '',
    externalKey: item?.externalKey ?? '',
  };
}

/**
 * An issue address as people paste it from the address bar, often without its scheme
 * (`github.com/org/repo/issues/1`): a host name (a dot before any slash) gets `https://`.
 * Anything else is left as typed, for the schema to refuse on the field.
 */
function withWebScheme(address: string | null): string | null {
  return address && /^[^\s/:]+\.[^\s/:]+(?::\d+)?(?:[/?#]\S*)?$/.test(address) ? `https://${address}` : address;
}

/** The body of `POST …/backlog-items`, to check with `CreateBacklogItemBodySchema`. */
export function toCreateBacklogBody(values: BacklogFormValues): CreateBacklogItemBody {
  return {
    title: values.title.trim(),
    description: textOrNull(values.description),
    status: values.status,
    externalUrl: withWebScheme(textOrNull(values.externalUrl)),
    externalKey: textOrNull(values.externalKey),
  };
}

/** The body of `PATCH …/backlog-items/:id`: what changed only. */
export function toUpdateBacklogBody(values: BacklogFormValues, initial: BacklogFormValues) {
  return changedFields(toCreateBacklogBody(values), toCreateBacklogBody(initial));
}
