import { PageHeader } from '../../components/page-header';
import { HighlightsBrowser } from '../../features/highlights/components/highlights-browser';

export function HighlightsRoute() {
  return (
    <>
      <PageHeader title="Highlights" description="Every highlighted passage, with the source and customer behind it. Select several to add or remove a tag at once." />
      <HighlightsBrowser />
    </>
  );
}
