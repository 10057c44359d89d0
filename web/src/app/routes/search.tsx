import { LinkEvidenceButton } from '../../features/insights/components/link-evidence-button';
import { highlightIdsOfResults } from '../../features/search/api/tag-results';
import { SearchPage } from '../../features/search/components/search-page';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/search?q=…&kind=…`: full-text search of the workspace's evidence; selected results can be linked to a problem or backlog item. */
export function SearchRoute() {
  const ws = useWorkspace().id;
  return (
    <SearchPage
      renderBulkActions={(selected, done) => (
        <LinkEvidenceButton ws={ws} size="sm" count={selected.length} getHighlightIds={() => highlightIdsOfResults(ws, selected)} onLinked={done} />
      )}
    />
  );
}
