import { PageHeader } from '../../components/page-header';
import { TagCodebook } from '../../features/tags/components/tag-codebook';
import { useWorkspace } from '../../lib/workspace';

/** What this person can do with the codebook here, by role. */
function codebookRights(can: (role: 'researcher' | 'contributor') => boolean): string {
  if (can('researcher')) return ' Add, rename, merge or retire them here.';
  if (can('contributor')) return ' Add new ones here; researchers and admins rename, merge or retire them.';
  return '';
}

export function TagsRoute() {
  const workspace = useWorkspace();
  return (
    <>
      <PageHeader
        title="Tags"
        description={`Your codebook: the labels you put on evidence, grouped, with how many highlights use each.${codebookRights(workspace.can)}`}
      />
      <TagCodebook />
    </>
  );
}
