import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IMPORT_FORMATS,
  ImportPreviewSchema,
  ImportSchema,
  ImportScoresSchema,
  ImportStartedSchema,
  ImportSummarySchema,
  PageQuerySchema,
  WorkspaceIdParamsSchema,
  WorkspaceParamsSchema,
  pageOf,
} from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import { createImportScheduler } from './imports.runner.js';
import * as importsService from './imports.service.js';
import { discardRest, receiveUpload, saveToTempFile } from './imports.upload.js';

// Header values are Latin-1; the exact name travels in filename* (RFC 6266).
const ASCII_UNSAFE = /[^\x20-\x7e]|["\\]/g;

const UPLOAD_DESCRIPTION = `multipart/form-data: the field \`format\` (${IMPORT_FORMATS.join(', ')}), optionally the field \`options\` (JSON: mapping, redactPii, occurredAt; for CSV formats dateOrder; for survey-csv scoreScale; for transcripts title, customer, interviewer), then the part \`file\`. The fields must come before the file.`;

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['imports'];
  const scheduler = createImportScheduler(db, app.log);
  // Imports a previous process left unfinished are failed at start-up, not left spinning.
  app.addHook('onReady', scheduler.sweep);
  app.addHook('onClose', scheduler.close);

  app.post(
    '/api/workspaces/:ws/imports',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Upload a file to import; it is processed in the background (poll the import for progress)',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        params: WorkspaceParamsSchema,
        response: { 202: ImportStartedSchema },
      },
    },
    async (request, reply) => {
      const { format, options, fileName, part } = await receiveUpload(request);
      const stored = await saveToTempFile(request, part);
      const started = await importsService.startImport(db, scheduler, workspaceActorOf(request), { format, options, fileName, ...stored });
      return reply.code(202).send(started);
    },
  );

  app.post(
    '/api/workspaces/:ws/imports/preview',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Preview a file: columns, first rows and a suggested mapping (CSV), or the first sources; stores nothing',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        params: WorkspaceParamsSchema,
        response: { 200: ImportPreviewSchema },
      },
    },
    async (request) => {
      const upload = await receiveUpload(request);
      try {
        return await importsService.previewImport(upload.format, upload.fileName, upload.part.file, upload.options);
      } finally {
        // Only the first rows were read; the rest of a large file is read off and thrown away.
        discardRest(request);
      }
    },
  );

  app.get(
    '/api/workspaces/:ws/imports',
    {
      config: { access: { role: 'viewer' } },
      schema: { tags, summary: 'Import history, newest first', params: WorkspaceParamsSchema, querystring: PageQuerySchema, response: { 200: pageOf(ImportSummarySchema) } },
    },
    async (request) => importsService.listImports(db, workspaceActorOf(request), request.query),
  );

  app.get(
    '/api/workspaces/:ws/imports/:id',
    {
      config: { access: { role: 'viewer' } },
      schema: { tags, summary: 'One import: status, progress, counts, the first rejected rows, and the earlier imports that last wrote the sources it left unchanged (unchangedFrom)', params: WorkspaceIdParamsSchema, response: { 200: ImportSchema } },
    },
    async (request) => importsService.getImport(db, workspaceActorOf(request), request.params.id),
  );

  app.get(
    '/api/workspaces/:ws/imports/:id/scores',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: "A survey import's scores by respondent on its scale: the NPS of a 0–10 NPS question, the CSAT (% in the top third) of a rating, the average",
        params: WorkspaceIdParamsSchema,
        response: { 200: ImportScoresSchema },
      },
    },
    async (request) => importsService.getImportScores(db, workspaceActorOf(request), request.params.id),
  );

  app.get(
    '/api/workspaces/:ws/imports/:id/rejected.csv',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'The rejected rows as they came, with line and reason columns (CSV)',
        description: 'CSV (UTF-8 with BOM): `line`, `reason`, then the row under the original header, or `raw` for non-CSV formats. Streamed, so it has no JSON response schema.',
        produces: ['text/csv'],
        params: WorkspaceIdParamsSchema,
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await importsService.exportRejectedRows(db, workspaceActorOf(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName.replace(ASCII_UNSAFE, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(stream);
    },
  );
};
