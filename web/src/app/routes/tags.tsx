import { PageHeader } from '../../components/page-header';
import { TagCodebook } from '../../features/tags/components/tag-codebook';

export function TagsRoute() {
  return (
    <>
      <PageHeader title="Tags" description="Your codebook: the labels you put on evidence, grouped, with how many highlights use each. Rename, merge or retire them here." />
      <TagCodebook />
    </>
  );
}
