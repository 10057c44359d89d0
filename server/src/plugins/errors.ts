import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_STATUS, ERROR_TITLES, problemType, type ErrorCode, type Problem, type ProblemIssue } from '@cairn/shared';
import { sqlStateOf } from '../db/sql-state.js';
import { AppError } from '../errors.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_FIELDS_LIMIT: 'payload_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

export function sendProblem(reply: FastifyReply, code: ErrorCode, detail: string, errors?: ProblemIssue[]) {
  const status = ERROR_STATUS[code];
  const problem: Problem = { type: problemType(code), title: ERROR_TITLES[code], status, detail, code };
  if (errors?.length) problem.errors = errors;
  return reply.code(status).type('application/problem+json').send(problem);
}

/** Where a zod issue path points, as one string: `body.customer.email`, `query.limit`. */
function issuePath(context: string | undefined, path: ReadonlyArray<PropertyKey>): string {
  return [context, ...path.map(String)].filter(Boolean).join('.');
}

/**
 * One error handler for the whole API: schema failures list every issue, AppErrors keep
 * their code, unique violations become 409, and anything unknown is a 500 whose detail
 * stays in the log (with the request id), never in the response.
 */
export const errorsPlugin = fp<{ spaFallback: boolean }>(async (app, { spaFallback }) => {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Fastify calls the query string `querystring`; the API names it `query` everywhere.
      const context = error.validationContext === 'querystring' ? 'query' : error.validationContext;
      const issues = error.validation.map((v) => ({
        path: issuePath(context, v.instancePath.split('/').filter(Boolean)),
        message: v.message ?? 'Invalid value',
      }));
      return sendProblem(reply, 'validation_failed', `The request ${context ?? 'input'} is invalid`, issues);
    }
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return sendProblem(reply, error.code, error.message, error.issues);
    }
    if (sqlStateOf(error) === '23505') {
      return sendProblem(reply, 'conflict', 'That already exists');
    }
    if (error.code && FASTIFY_CODES[error.code]) {
      return sendProblem(reply, FASTIFY_CODES[error.code]!, error.message);
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, 'rate_limited', error.message);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((c) => ERROR_STATUS[c] === error.statusCode) ?? 'validation_failed';
      return sendProblem(reply, code, error.message);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return sendProblem(reply, 'internal', `Something went wrong on our side. Reference: ${request.id}`);
  });

  // Unknown non-API GETs get the SPA's index.html so client-side routes survive a reload;
  // unknown /api paths and assets stay a problem+json 404.
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    if (spaFallback && request.method === 'GET' && !isApi && !pathname.startsWith('/assets/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, 'not_found', `No route ${request.method} ${pathname}`);
  });
});
