import type { AuditEvent } from '@cairn/shared';
import { paths } from '../../../lib/paths';

/**
 * Where the object of an event can be seen now, or null: gone, in the trash, or nothing to
 * show (a saved search opens from Search, not by address).
 */
export function auditObjectLink(ws: string, event: Pick<AuditEvent, 'objectType' | 'objectId' | 'objectExists' | 'objectParentId'>): string | null {
  const { objectType, objectId: id, objectParentId: parentId } = event;
  if (!event.objectExists || !id) return null;
  switch (objectType) {
    case 'source':
      return paths.source(ws, id);
    case 'highlight':
      return parentId && `${paths.source(ws, parentId)}#h-${id}`;
    case 'tag':
      return `${paths.highlights(ws)}?tagId=${id}`;
    case 'insight':
      return paths.problem(ws, id);
    case 'backlog_item':
      return paths.backlogItem(ws, id);
    case 'customer':
      return paths.customer(ws, id);
    case 'company':
      return paths.company(ws, id);
    case 'cluster':
      return parentId && paths.clusterRun(ws, parentId);
    case 'cluster_run':
      return paths.clusterRun(ws, id);
    case 'import':
      return paths.importDetail(ws, id);
    case 'user':
      return paths.members(ws);
    case 'api_token':
      return paths.tokens(ws);
    case 'workspace':
      return paths.settingsGeneral(ws);
    default:
      return null;
  }
}
