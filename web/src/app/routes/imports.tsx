import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { ImportHistory } from '../../features/imports/components/import-history';
import { ImportWizard } from '../../features/imports/components/import-wizard';
import { FORMATS } from '../../features/imports/components/formats';
import { LoadSampleDataButton } from '../../features/sample-data/components/load-sample-data-button';
import { SampleDataSection } from '../../features/sample-data/components/sample-data-section';
import { useWorkspace } from '../../lib/workspace';

/** `/w/:ws/imports`: the upload wizard (contributors and up) and the import history. */
export function ImportsRoute() {
  const workspace = useWorkspace();
  const canUpload = workspace.can('contributor');
  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring customer voice into Cairn: interview transcripts, ticket exports, survey answers, Zendesk and Intercom. Importing the same file again never duplicates anything."
      />
      <div className="stack">
        {canUpload ? <ImportWizard ws={workspace.id} /> : <p className="muted">You can read the import history; contributors and above can upload files.</p>}
        <SampleDataSection />
        <section className="stack" aria-labelledby="import-history-title">
          <h2 id="import-history-title">History</h2>
          <ImportHistory
            ws={workspace.id}
            empty={
              <EmptyState title="Nothing imported yet" icon="⇪" action={<LoadSampleDataButton variant="primary" />}>
                <p>Cairn reads the files your tools already export:</p>
                <ul className="format-list">
                  {FORMATS.map((info) => (
                    <li key={info.format}>
                      <strong>{info.label}</strong> — {info.accepts}
                    </li>
                  ))}
                </ul>
                <p>Or start with a sample: interviews, support tickets and survey answers of a made-up bank, with its customers.</p>
              </EmptyState>
            }
          />
        </section>
      </div>
    </>
  );
}
