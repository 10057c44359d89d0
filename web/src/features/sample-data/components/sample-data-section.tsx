import { describeSampleCounts } from '@cairn/shared';
import { useWorkspace } from '../../../lib/workspace';
import { useSampleData } from '../api/get-sample-data';
import { LoadSampleDataButton } from './load-sample-data-button';
import { RemoveSampleDataButton } from './remove-sample-data-button';

/**
 * Says that the workspace holds the sample data, with **Remove sample data…** for admins (the
 * Imports page, Settings → General). Without the sample, it offers to load it when `offerLoad`,
 * else shows nothing.
 */
export function SampleDataSection({ offerLoad = false }: { offerLoad?: boolean }) {
  const workspace = useWorkspace();
  const status = useSampleData(workspace.id);
  if (!status.data || (!status.data.loaded && !offerLoad)) return null;
  const { loaded, removable } = status.data;
  return (
    <section className="card stack" aria-labelledby="sample-data-heading">
      <h2 id="sample-data-heading">Sample data</h2>
      {loaded ? (
        <>
          <p className="muted">
            This workspace holds the sample data of Ledgerline, a made-up bank: {describeSampleCounts(removable)}. Remove it when your team starts for real; what you
            added yourself stays.
          </p>
          <div>
            <RemoveSampleDataButton status={status.data} />
          </div>
        </>
      ) : (
        <>
          <p className="muted">Interviews, support tickets and survey answers of a made-up bank, to try Cairn on before your own evidence comes in. You can remove it later.</p>
          <div>
            <LoadSampleDataButton />
          </div>
        </>
      )}
    </section>
  );
}
