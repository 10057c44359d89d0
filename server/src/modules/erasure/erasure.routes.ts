import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CustomerErasureSchema, EmptyTrashBodySchema, PurgeSchema, TrashSummarySchema, WorkspaceIdParamsSchema, WorkspaceParamsSchema } from '@cairn/shared';
import { workspaceActorOf } from '../../plugins/auth.js';
import { createPurgeScheduler, keepPurgingOldTrash } from './erasure.runner.js';
import * as erasureService from './erasure.service.js';
import type { TrashItemKind } from './erasure.service.js';

/** Deleting for good: from the trash, the trash's time limit, and erasing a customer (docs/decisions/019-deleting-for-good.md). */
export const erasureRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['trash'];
  const retentionDays = app.config.trashRetentionDays;
  const scheduler = createPurgeScheduler(db, app.log);
  let stopRetention = async () => {};
  // Purges a previous process left unfinished are failed at start-up, not left running.
  app.addHook('onReady', async () => {
    await scheduler.sweep();
    if (retentionDays) stopRetention = keepPurgingOldTrash(db, scheduler, retentionDays, app.log);
  });
  app.addHook('onClose', async () => {
    await stopRetention();
    await scheduler.close();
  });

  app.get(
    '/api/workspaces/:ws/trash',
    {
      config: { access: { role: 'viewer' } },
      schema: {
        tags,
        summary: 'What is in the trash, how long it keeps things (TRASH_RETENTION_DAYS), and the purge under way',
        description:
          '`counts` has one count per trash list (`POST …/trash/empty`); `highlights` counts those trashed on their own whose source is outside the trash. `retention` is null when the trash keeps everything until someone deletes it forever; else what is trashed goes `days` after it was trashed, and never before `days` after `startsAt`.',
        params: WorkspaceParamsSchema,
        response: { 200: TrashSummarySchema },
      },
    },
    async (request) => erasureService.getTrashSummary(db, workspaceActorOf(request), retentionDays),
  );

  app.post(
    '/api/workspaces/:ws/trash/empty',
    {
      config: { access: { role: 'admin' } },
      schema: {
        tags,
        summary:
          'Empty one trash for good, in the background (poll the purge): the Inbox’s (`sources`: sources, and highlights trashed on their own), the Highlights page’s (`highlights`: highlights trashed on their own, not those of a trashed source), Problems’ (`insights`) or the Backlog’s (`backlogItems`)',
        description:
          'Deletes what was in that trash when asked, in batches of one transaction each; what it cascades to (highlights, tags, evidence links, cluster memberships) goes too. One purge runs at a time per workspace: a 409 while another does.',
        params: WorkspaceParamsSchema,
        body: EmptyTrashBodySchema,
        response: { 202: PurgeSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await erasureService.emptyTrash(db, scheduler, workspaceActorOf(request), request.body)),
  );

  app.get(
    '/api/workspaces/:ws/purges/:id',
    {
      config: { access: { role: 'admin' } },
      schema: { tags, summary: 'A purge (a trash emptied, the time limit, a customer erased): its progress and what it has deleted', params: WorkspaceIdParamsSchema, response: { 200: PurgeSchema } },
    },
    async (request) => erasureService.getPurge(db, workspaceActorOf(request), request.params.id),
  );

  const deleteForever = (path: string, kind: TrashItemKind, what: string) =>
    app.delete(
      `/api/workspaces/:ws/trash/${path}/:id`,
      {
        config: { access: { role: 'admin' } },
        schema: {
          tags,
          summary: `Delete a ${what} in the trash for good`,
          description: `Cannot be undone. A ${what} outside the trash is a 409: move it to the trash first.`,
          params: WorkspaceIdParamsSchema,
        },
      },
      async (request, reply) => {
        await erasureService.deleteForever(db, workspaceActorOf(request), kind, request.params.id);
        return reply.code(204).send();
      },
    );
  deleteForever('sources', 'source', 'source (with its highlights)');
  deleteForever('highlights', 'highlight', 'highlight');
  deleteForever('insights', 'insight', 'problem, opportunity or solution');
  deleteForever('backlog-items', 'backlogItem', 'backlog item');

  app.get(
    '/api/workspaces/:ws/customers/:id/erasure',
    {
      config: { access: { role: 'admin' } },
      schema: {
        tags,
        summary: 'What erasing the customer would delete: their sources (trashed or not), those sources’ highlights and evidence links, and who loses evidence',
        params: WorkspaceIdParamsSchema,
        response: { 200: CustomerErasureSchema },
      },
    },
    async (request) => erasureService.previewErasure(db, workspaceActorOf(request), request.params.id),
  );

  app.post(
    '/api/workspaces/:ws/customers/:id/erasure',
    {
      config: { access: { role: 'admin' } },
      schema: {
        tags,
        summary: 'Erase the customer and everything they said, for good, in the background (poll the purge)',
        description:
          'Deletes the customer, their sources of every kind (in the trash or not), those sources’ highlights and their links as evidence; their company stays. Audit events that quoted them are scrubbed, and the log records the erasure by the customer’s id with its counts. One purge runs at a time per workspace: a 409 while another does.',
        params: WorkspaceIdParamsSchema,
        response: { 202: PurgeSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await erasureService.startErasure(db, scheduler, workspaceActorOf(request), request.params.id)),
  );
};
