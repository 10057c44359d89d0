import { openConfiguredDatabase } from './app.js';
import { loadConfig } from './config.js';
import { findOrCreateSeedWorkspace, loadSampleData } from './modules/sample-data/sample-data.service.js';

/**
 * `npm run seed:sample`: loads the sample data into the first workspace someone owns in the
 * configured database (DATA_DIR or DATABASE_URL), creating a "Sample workspace" when there is
 * none. Running it again creates nothing new.
 */
const config = loadConfig();
const database = await openConfiguredDatabase(config);
const log = { error: (details: object, message: string) => console.error(message, details) };
let exitCode = 0;
try {
  const { actor, name, created, hasOwner } = await findOrCreateSeedWorkspace(database.db);
  console.log(`${created ? 'Created' : 'Using'} workspace “${name}” (${actor.workspaceId})`);
  const result = await loadSampleData(database.db, actor, log);
  for (const item of result.imports) {
    const { created: made, updated, unchanged, rejected } = item.counts;
    console.log(`  ${item.fileName}: ${item.status}${item.failure ? ` — ${item.failure}` : ''} (${made} created, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected)`);
    if (item.status === 'failed') exitCode = 1;
  }
  console.log(`Sample data loaded: ${result.sources.created} sources created, ${result.sources.updated} updated, ${result.sources.unchanged} unchanged.`);
  console.log(`Codebook and evidence: ${result.tagsCreated} tags and ${result.highlightsCreated} highlights added.`);
  if (!hasOwner) {
    console.log('Nobody can sign in to this workspace yet: start Cairn (npm run serve) and complete the first-run setup;');
    console.log('the owner you create there takes over this workspace, sample included.');
  }
} catch (error) {
  console.error(`Could not load the sample data: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
