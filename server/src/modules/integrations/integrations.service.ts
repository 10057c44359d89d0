import type { IntegrationTicketsBody, IntegrationTicketsResult } from '@cairn/shared';
import type { Db } from '../../db/client.js';
import { toImportedSource } from '../../importers/index.js';
import type { WorkspaceActor } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { upsertSources } from '../sources/sources.service.js';

/**
 * Tickets pushed by a helpdesk. The whole call is one transaction: the body was validated as a
 * whole, so either every ticket lands or none does. The sender's `externalId` makes a re-sent
 * ticket update (or leave alone) the one already stored.
 */
export async function receiveTickets(db: Db, actor: WorkspaceActor, body: IntegrationTicketsBody): Promise<IntegrationTicketsResult> {
  const inputs = body.tickets.map(toImportedSource);
  return db.transaction(async (tx) => {
    const { created, updated, unchanged } = await upsertSources(tx, actor, inputs, { importId: null });
    await recordAudit(tx, actor, {
      action: 'integration.tickets',
      objectType: 'source',
      summary: `Received ${inputs.length} ticket${inputs.length === 1 ? '' : 's'} by webhook: ${created} created, ${updated} updated, ${unchanged} unchanged`,
    });
    return { accepted: inputs.length, created, updated, unchanged };
  });
}
