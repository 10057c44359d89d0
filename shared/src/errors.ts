import { z } from 'zod';

/**
 * The closed list of error codes. Clients branch on `code`, never on message text.
 * Each code maps to exactly one HTTP status.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const ERROR_TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Invalid input',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Too large',
  unsupported_media_type: 'Unsupported format',
  unprocessable: 'Cannot be processed',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
};

export const ProblemIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ProblemIssue = z.infer<typeof ProblemIssueSchema>;

/** RFC 9457 problem details, as every error leaves the API. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(ERROR_CODES),
  errors: z.array(ProblemIssueSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export function problemType(code: ErrorCode): string {
  return `https://cairn.dev/problems/${code.replaceAll('_', '-')}`;
}
