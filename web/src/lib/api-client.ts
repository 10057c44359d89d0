import { ProblemSchema, type ErrorCode, type ProblemIssue } from '@cairn/shared';
import type { z } from 'zod';

/** A failed API call, parsed from the server's problem+json. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues: ProblemIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one form field (`body.email` → "email"), if the server named it. */
  fieldError(field: string): string | undefined {
    return this.issues.find((issue) => issue.path === `body.${field}` || issue.path === field)?.message;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: Promise<string> | null = null;

/** Sessions change on sign-in/out; the CSRF token goes with them. */
export function forgetCsrfToken() {
  csrfToken = null;
}

async function getCsrfToken(): Promise<string> {
  csrfToken ??= fetch('/api/auth/csrf', { credentials: 'same-origin' })
    .then(async (response) => {
      if (!response.ok) throw await toApiError(response);
      return ((await response.json()) as { token: string }).token;
    })
    .catch((error: unknown) => {
      csrfToken = null;
      throw error;
    });
  return csrfToken;
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ProblemSchema.safeParse(await response.json().catch(() => null));
  if (parsed.success) return new ApiError(parsed.data.status, parsed.data.code, parsed.data.detail, parsed.data.errors);
  return new ApiError(response.status, response.status >= 500 ? 'internal' : 'validation_failed', response.statusText || 'Request failed');
}

type RequestOptions = {
  method?: string;
  body?: unknown;
  /** Sent as-is (multipart uploads); `body` is JSON-encoded otherwise. */
  formData?: FormData;
  signal?: AbortSignal;
  /** Whether this call needs a CSRF token: writes made while signed in. */
  anonymous?: boolean;
};

/** Calls the API: the response when it succeeded, else an ApiError from its problem+json. */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (WRITE_METHODS.has(method) && !options.anonymous) headers['x-csrf-token'] = await getCsrfToken();
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.formData ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.signal,
  }).catch((error: unknown) => {
    // The browser's own message for AbortSignal.timeout() ("signal timed out") tells a person nothing.
    if (error instanceof DOMException && error.name === 'TimeoutError') throw new Error('The server did not answer in time. Check your connection and try again.');
    throw error;
  });
  if (!response.ok) throw await toApiError(response);
  return response;
}

// The slowest upload waited for (about 0.5 Mbit/s), then time for the server to answer.
const UPLOAD_MIN_BYTES_PER_SECOND = 64 * 1024;
const UPLOAD_ANSWER_MS = 30_000;

/** How long an upload of `bytes` may take before it is given up: a request that never gets an answer must not spin forever. */
export function uploadTimeoutMs(bytes: number): number {
  return UPLOAD_ANSWER_MS + Math.ceil((bytes / UPLOAD_MIN_BYTES_PER_SECOND) * 1000);
}

/** Calls the API and parses the response with the shared schema: one contract on both sides. */
export async function apiRequest<T extends z.ZodType>(path: string, schema: T | null, options: RequestOptions = {}): Promise<z.output<T>> {
  const response = await apiFetch(path, options);
  if (response.status === 204 || !schema) return undefined as z.output<T>;
  return schema.parse(await response.json());
}
