import { PageHeader } from '../../components/page-header';
import { LoadSampleDataButton } from '../../features/sample-data/components/load-sample-data-button';
import { TrendsView } from '../../features/trends/components/trends-view';

export function TrendsRoute() {
  return (
    <>
      <PageHeader
        title="Trends"
        description="How often each theme comes up over time, dated by when the customer said it: pick tags to compare, and see which are rising."
      />
      <TrendsView emptyAction={<LoadSampleDataButton />} />
    </>
  );
}
