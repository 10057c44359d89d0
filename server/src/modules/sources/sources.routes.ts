import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateSourceBodySchema,
  HELPDESK_TAGS_SHOWN,
  HelpdeskTagCountsSchema,
  ListHelpdeskTagsQuerySchema,
  ListSourcesQuerySchema,
  SOURCE_COUNT_MAX,
  SOURCES_TAGGED_WHOLE_MAX,
  SourcePageSchema,
  SourceSchema,
  TagSourcesWholeBodySchema,
  TagSourcesWholeResultSchema,
  UndoTagSourcesWholeBodySchema,
  UndoTagSourcesWholeResultSchema,
  UpdateSourceBodySchema,
  WorkspaceIdParamsSchema,
  WorkspaceParamsSchema,
} from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import * as sourcesService from './sources.service.js';

export const sourcesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['sources'];

  app.get(
    '/api/workspaces/:ws/sources',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'Sources, newest first (or oldest with order=oldest); filter by kind, customer, tag, helpdesk tag, import, date, untagged, untriaged; trash=true lists the trash',
        description:
          `A \`customerId\`, \`tagId\` or \`importId\` of nothing in the workspace is a 404 naming it, not an empty list. \`untagged=true\`: no highlight outside the trash carries a tag. \`untriaged=true\` (the triage queue): no such highlight either carries a tag or is linked as evidence to a problem (or other insight) or backlog item outside the trash. The first page carries \`total\`, how many match: counted exactly up to ${SOURCE_COUNT_MAX.toLocaleString('en')}, past that the planner's estimate, with \`totalIsEstimate: true\`. \`count=false\` leaves it out, for a caller that does not show it. \`helpdeskTag=billing\`: one of the tags the helpdesk put on the ticket (\`metadata.tags\`) is "billing", ignoring case.`,
        params: WorkspaceParamsSchema,
        querystring: ListSourcesQuerySchema,
        response: { 200: SourcePageSchema },
      },
    },
    async (request) => sourcesService.listSources(db, workspaceActorOf(request), request.query),
  );

  app.get(
    '/api/workspaces/:ws/sources/helpdesk-tags',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: `The helpdesk tags of the live sources and how many carry each, most first (at most ${HELPDESK_TAGS_SHOWN}); untriaged=true counts the triage queue's only, from/to those of a date range`,
        params: WorkspaceParamsSchema,
        querystring: ListHelpdeskTagsQuerySchema,
        response: { 200: HelpdeskTagCountsSchema },
      },
    },
    async (request) => sourcesService.listHelpdeskTags(db, workspaceActorOf(request), request.query),
  );

  app.post(
    '/api/workspaces/:ws/sources/tag-whole',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: `Tag every source the filters match as a whole, up to ${SOURCES_TAGGED_WHOLE_MAX.toLocaleString('en')}, in one transaction and one audit event`,
        description:
          'What tagging each one whole in the triage queue does, at once: a highlight of the whole text (the one already there is reused) carrying `tagIds`. The filters are the list\'s (`helpdeskTag`, `untriaged`, `kinds`, `from`/`to`…); only tickets, survey answers, reviews and notes (an interview is a 422 naming `body.filters.kinds`); a `customerId` or `importId` of nothing in the workspace is a 404 naming it. More matches than the limit is a 422 naming `body.filters` that says how many; nothing is written. The answer\'s `run` says what was written: the highlights made, and the tags added to highlights there before (not those they had); `POST …/sources/tag-whole/undo` takes it back.',
        params: WorkspaceParamsSchema,
        body: TagSourcesWholeBodySchema,
        response: { 200: TagSourcesWholeResultSchema },
      },
    },
    async (request) => sourcesService.tagSourcesWhole(db, workspaceActorOf(request), request.body),
  );

  app.post(
    '/api/workspaces/:ws/sources/tag-whole/undo',
    {
      config: { access: { role: 'researcher' } },
      schema: {
        tags,
        summary: 'Undo one tag-whole: send its `run` back; the tags it added come off and the highlights it made go to the trash, in one transaction and one audit event',
        description:
          'Only what carries the run\'s time (`at`, to the microsecond) comes off: the highlights listed in `addedTags` lose those tags (tags they had before, or given again by hand since, stay). Those in `createdHighlightIds` lose `tagIds` and go to the trash, except one someone has used since (a note, another tag, a link as evidence): it stays, without the run\'s tags (`kept`). A highlight not of this workspace is a 404 naming `body.createdHighlightIds` or `body.addedTags.N.highlightIds`, one listed as made that the run did not make a 422 naming `body.createdHighlightIds`; when none of the run\'s tags is left (undone already, or taken off since) a 409 naming `body.at`. Nothing changes on an error.',
        params: WorkspaceParamsSchema,
        body: UndoTagSourcesWholeBodySchema,
        response: { 200: UndoTagSourcesWholeResultSchema },
      },
    },
    async (request) => sourcesService.undoTagSourcesWhole(db, workspaceActorOf(request), request.body),
  );

  app.post(
    '/api/workspaces/:ws/sources',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Add a source (201); the same kind and externalId again updates it (200)',
        params: WorkspaceParamsSchema,
        body: CreateSourceBodySchema,
        response: { 200: SourceSchema, 201: SourceSchema },
      },
    },
    async (request, reply) => {
      const { source, created } = await sourcesService.createSource(db, workspaceActorOf(request), request.body);
      return reply.code(created ? 201 : 200).send(source);
    },
  );

  app.get(
    '/api/workspaces/:ws/sources/:id',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'One source with its text, speaker turns and highlights; send its ETag back in If-None-Match for a 304 while nothing changed',
        params: WorkspaceIdParamsSchema,
        response: { 200: SourceSchema, 304: z.null() },
      },
    },
    async (request, reply) => {
      const read = await sourcesService.readSource(db, workspaceActorOf(request), request.params.id, {
        ifNoneMatch: request.headers['if-none-match'],
        serialize: (source) => reply.serializeInput(source, '200') as string,
      });
      // no-cache: browsers keep the copy but ask again every time, sending the tag.
      reply.header('etag', read.etag).header('cache-control', 'private, no-cache');
      if (read.notModified) return reply.code(304).send(null);
      // Already encoded: fastify sends a Buffer as it is (the typed reply wants the object).
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(read.json);
    },
  );

  app.patch(
    '/api/workspaces/:ws/sources/:id',
    {
      config: { access: { role: 'contributor' } },
      schema: {
        tags,
        summary: 'Edit a source (contributors: their own); the text is fixed once highlights point into it (409)',
        params: WorkspaceIdParamsSchema,
        body: UpdateSourceBodySchema,
        response: { 200: SourceSchema },
      },
    },
    async (request) => sourcesService.updateSource(db, workspaceActorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/workspaces/:ws/sources/:id',
    { config: { access: { role: 'contributor' } }, schema: { tags, summary: 'Move a source to the trash (contributors: their own)', params: WorkspaceIdParamsSchema } },
    async (request, reply) => {
      await sourcesService.trashSource(db, workspaceActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/workspaces/:ws/sources/:id/restore',
    {
      config: { access: { role: 'contributor' } },
      schema: { tags, summary: 'Bring a source back from the trash (contributors: their own)', params: WorkspaceIdParamsSchema, response: { 200: SourceSchema } },
    },
    async (request) => sourcesService.restoreSource(db, workspaceActorOf(request), request.params.id),
  );
};
