import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BulkHighlightBodySchema,
  BulkHighlightResultSchema,
  CreateHighlightBodySchema,
  ExportHighlightsQuerySchema,
  HIGHLIGHT_IDS_MAX,
  HIGHLIGHTS_CSV_COLUMNS,
  HighlightListItemSchema,
  HighlightPassagesBodySchema,
  HighlightPassagesResultSchema,
  HighlightSchema,
  ListHighlightsQuerySchema,
  SourceEvidenceLinksSchema,
  UpdateHighlightBodySchema,
  WorkspaceIdParamsSchema,
  WorkspaceParamsSchema,
  pageOf,
} from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as highlightsService from './highlights.service.js';

export const highlightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['highlights'];

  app.post(
    '/api/workspaces/:ws/sources/:id/highlights',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Highlight a range of a source (or the whole of it) with tags; the server cuts the quote',
        params: WorkspaceIdParamsSchema,
        body: CreateHighlightBodySchema,
        response: { 201: HighlightSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await highlightsService.createHighlight(db, workspaceActorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/workspaces/:ws/sources/:id/evidence-links',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: "The problems and backlog items each of a source's highlights is evidence for (those outside the trash)",
        params: WorkspaceIdParamsSchema,
        response: { 200: SourceEvidenceLinksSchema },
      },
    },
    async (request) => highlightsService.listEvidenceLinksOfSource(db, workspaceActorOf(request), request.params.id),
  );

  app.get(
    '/api/workspaces/:ws/highlights',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'Highlights, newest first, filtered by tag, insight, backlog item (its own links, or evidenceOfBacklogItemId: all its evidence), source, kind, customer, segment, date or text, or picked by id (ids); trash=true lists the trash, most recently trashed first',
        description: 'A filter naming nothing in the workspace (`tagId`, `insightId`, `backlogItemId`, `evidenceOfBacklogItemId`, `sourceId`, `customerId`, `companyId` of another workspace, or of none) is a 404 naming it, not an empty list. `importance` (comma-separated: `critical,important`) keeps the evidence of those importances, as each row’s `importance` says; it needs `insightId`, `backlogItemId` or `evidenceOfBacklogItemId` (else a 400 naming it). `trash=true` lists the highlights trashed on their own, each with its `deletedAt` (a highlight trashed with its source is not listed: it comes back with the source); each goes for good as `GET …/trash` says (`retention`: `days` after `deletedAt`, never before `days` after `startsAt`).',
        params: WorkspaceParamsSchema,
        querystring: ListHighlightsQuerySchema,
        response: { 200: pageOf(HighlightListItemSchema) },
      },
    },
    async (request) => highlightsService.listHighlights(db, workspaceActorOf(request), request.query),
  );

  app.get(
    '/api/workspaces/:ws/highlights.csv',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'Every highlight the list’s filters match, newest first, as a CSV file to open in a spreadsheet',
        description: `CSV (UTF-8 with BOM), one row per highlight outside the trash, under the header ${HIGHLIGHTS_CSV_COLUMNS.map((column) => `\`${column}\``).join(', ')}: tags are joined with "; ", times are ISO 8601 in UTC, and the link opens the passage in Cairn on the address the request came to. A cell that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so that a spreadsheet shows it as text instead of running it as a formula. Streamed, so it has no JSON response schema; the filters are those of GET …/highlights, without paging. \`ids\` (repeated, up to ${HIGHLIGHT_IDS_MAX}) exports a selection: a query string rather than a POST body, so that the file stays a plain download link; each id must be a highlight of the workspace outside the trash, else 404, and a filter naming nothing in the workspace is a 404 naming it, as the list answers.`,
        produces: ['text/csv'],
        params: WorkspaceParamsSchema,
        querystring: ExportHighlightsQuerySchema,
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await highlightsService.exportHighlights(db, workspaceActorOf(request), request.query, `${request.protocol}://${request.host}`);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(stream);
    },
  );

  app.post(
    '/api/workspaces/:ws/highlights/bulk',
    {
      config: { access: { role: 'contributor' } },
      schema: { tags, summary: 'Add and remove tags on many highlights at once', params: WorkspaceParamsSchema, body: BulkHighlightBodySchema, response: { 200: BulkHighlightResultSchema } },
    },
    async (request) => highlightsService.bulkTagHighlights(db, workspaceActorOf(request), request.body),
  );

  app.post(
    '/api/workspaces/:ws/highlights/passages',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Highlight many passages (search results, say) in one write and one audit event; a range already highlighted is reused',
        params: WorkspaceParamsSchema,
        body: HighlightPassagesBodySchema,
        response: { 200: HighlightPassagesResultSchema },
      },
    },
    async (request) => highlightsService.highlightPassages(db, workspaceActorOf(request), request.body),
  );

  app.patch(
    '/api/workspaces/:ws/highlights/:id',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Change a highlight’s range (its quote follows), note or tags (contributors: their own only)',
        params: WorkspaceIdParamsSchema,
        body: UpdateHighlightBodySchema,
        response: { 200: HighlightSchema },
      },
    },
    async (request) => highlightsService.updateHighlight(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/workspaces/:ws/highlights/:id',
    { config: { access: { role: 'contributor' } }, schema: { tags, summary: 'Move a highlight to the trash (contributors: their own only)', params: WorkspaceIdParamsSchema } },
    async (request, reply) => {
      await highlightsService.deleteHighlight(db, workspaceActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/workspaces/:ws/highlights/:id/restore',
    {
      config: { access: { role: 'contributor' } },
      schema: { tags, summary: 'Bring a highlight back from the trash', params: WorkspaceIdParamsSchema, response: { 200: HighlightSchema } },
    },
    async (request) => highlightsService.restoreHighlight(db, workspaceActorOf(request), request.params.id),
  );
};
