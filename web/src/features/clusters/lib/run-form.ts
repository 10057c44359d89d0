import {
  CLUSTER_K_MAX,
  CLUSTER_K_MIN,
  ClusterScopeSchema,
  CreateClusterRunBodySchema,
  SOURCE_KINDS,
  WHOLE_SOURCE_KINDS,
  type ClusterRunParams,
  type ClusterScope,
  type ClusterTarget,
  type CreateClusterRunBody,
  type SourceKind,
} from '@cairn/shared';
import { z } from 'zod';

/** What the "New cluster run" form holds: text as typed, one entry per input. */
export type RunFormValues = {
  target: ClusterTarget;
  /** Kinds ticked. Switching to sources and back keeps interviews ticked, though a sources run does not offer them. */
  kinds: SourceKind[];
  tagIds: string[];
  from: string;
  to: string;
  segment: string;
  /** Sources only: those nobody has triaged (no tagged highlight, none linked as evidence). */
  untriaged: boolean;
  kMode: 'auto' | 'exact';
  k: string;
  seed: string;
};

/** The fields errors are shown at, as the shared schema and the server's problem+json name them. */
export const RUN_FORM_FIELDS = ['scope.target', 'scope.kinds', 'scope.tagIds', 'scope.from', 'scope.to', 'scope.segment', 'k', 'seed'] as const;

/** A few themes is where most people start when they ask for a number. */
const DEFAULT_K = 5;

export function runFormValues(): RunFormValues {
  return { target: 'highlights', kinds: [...SOURCE_KINDS], tagIds: [], from: '', to: '', segment: '', untriaged: true, kMode: 'auto', k: String(DEFAULT_K), seed: '' };
}

/** The kinds a run can group: a sources run takes whole short texts only, so interviews are clustered through their highlights. */
export function offeredKinds(target: ClusterTarget): SourceKind[] {
  return target === 'sources' ? SOURCE_KINDS.filter((kind) => WHOLE_SOURCE_KINDS.has(kind)) : [...SOURCE_KINDS];
}

/** A number input's text; empty is no number at all, not 0. */
const toNumber = (text: string) => (text.trim() ? Number(text) : Number.NaN);

/** The body of `POST …/cluster-runs`, to check with `CreateClusterRunBodySchema`: only the filters that narrow the scope. */
export function toCreateClusterRunBody(values: RunFormValues): CreateClusterRunBody {
  const offered = offeredKinds(values.target);
  const kinds = offered.filter((kind) => values.kinds.includes(kind));
  const segment = values.segment.trim();
  return {
    scope: {
      target: values.target,
      // Every kind ticked is no filter: left out, the run reads "Highlights", not a list of all five kinds.
      ...(kinds.length < offered.length ? { kinds } : {}),
      ...(values.tagIds.length ? { tagIds: values.tagIds } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      ...(segment ? { segment } : {}),
      ...(values.target === 'sources' && values.untriaged ? { untriaged: true } : {}),
    },
    k: values.kMode === 'auto' ? 'auto' : toNumber(values.k),
    ...(values.seed.trim() ? { seed: toNumber(values.seed) } : {}),
  };
}

/** The scope of the form's body, to count its texts; null while the form would refuse it (no kind ticked), so nothing is counted. */
export function countableScope(body: CreateClusterRunBody): ClusterScope | null {
  const parsed = ClusterScopeSchema.safeParse(body.scope);
  return parsed.success ? parsed.data : null;
}

const K_MESSAGE = `Use a whole number from ${CLUSTER_K_MIN} to ${CLUSTER_K_MAX}`;
/** The schema tells API callers to "leave kinds out"; in the form nobody leaves a field out, they untick boxes. */
const KINDS_MESSAGE = 'Tick at least one kind of source';

/**
 * The form checked with the shared schema. `k` is a number or `auto` (a union), and a bound a
 * day or an instant: zod reports a value that is neither as "Invalid input", so those get words.
 * A message the schema itself sets outranks any error map, so the one for kinds is replaced after.
 */
export function checkRunForm(values: RunFormValues) {
  const result = CreateClusterRunBodySchema.safeParse(toCreateClusterRunBody(values), {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      return issue.path?.[0] === 'k' ? K_MESSAGE : 'Use a date';
    },
  });
  if (result.success) return result;
  const issues = result.error.issues.map((issue) => (issue.code === 'too_small' && issue.path.join('.') === 'scope.kinds' ? { ...issue, message: KINDS_MESSAGE } : issue));
  return { ...result, error: new z.ZodError(issues) as typeof result.error };
}

/** The body that runs `params` again: same scope, same k, same seed, so the same clusters. */
export function toRerunBody(params: ClusterRunParams): CreateClusterRunBody {
  return { scope: params.scope, k: params.k, seed: params.seed };
}
