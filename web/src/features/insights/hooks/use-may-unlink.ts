import { useWorkspace } from '../../../lib/workspace';

/** A link as the API shows it: the member who made it, null for a token or a removed account. */
type Link = { linkedBy?: string | null };

/**
 * The server's rule for unlinking evidence (ADR 009): researchers and up unlink any link,
 * contributors only the links they made. Pages offer Unlink where it will work, not a 403.
 */
export function useMayUnlink(): (link: Link) => boolean {
  const workspace = useWorkspace();
  return (link) => workspace.can('researcher') || (workspace.can('contributor') && link.linkedBy === workspace.userId);
}
