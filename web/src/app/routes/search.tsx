import { LinkEvidenceButton } from '../../features/insights/components/link-evidence-button';
import { highlightIdsOfResults } from '../../features/search/api/tag-results';
import { SearchPage } from '../../features/search/components/search-page';
import { useCreateTag } from '../../features/tags/api/create-tag';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/search?q=…&kind=…`: full-text search of the workspace's evidence; selected results can be tagged (with a tag created there) or linked to a problem or backlog item. */
export function SearchRoute() {
  const workspace = useWorkspace();
  const ws = workspace.id;
  const createTag = useCreateTag(ws);
  return (
    <SearchPage
      createTag={workspace.can('contributor') ? (name) => createTag.mutateAsync({ name }) : undefined}
      renderBulkActions={(selected, done, link) => (
        <LinkEvidenceButton ws={ws} size="sm" count={selected.length} getHighlightIds={() => highlightIdsOfResults(ws, selected)} onLinked={done} {...link} />
      )}
    />
  );
}
