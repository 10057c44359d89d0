import { ERROR_STATUS, type ErrorCode, type ProblemIssue } from '@cairn/shared';

/** The one error type services throw; the error handler turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ProblemIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

/** A 400 naming one field, for rules zod cannot express. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ path, message }]);
}
