// Fails when the drizzle schema and the committed migrations disagree: generating again
// must produce nothing new. Runs drizzle-kit against a scratch copy of migrations/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// drizzle-kit resolves `out` relative to the working directory, so the scratch copy lives in the repo.
const scratch = path.join(root, 'node_modules/.cache/cairn-migrations-check');
fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(path.dirname(scratch), { recursive: true });
fs.cpSync(path.join(root, 'migrations'), scratch, { recursive: true });
const config = path.join(scratch, 'drizzle.config.mjs');
fs.writeFileSync(
  config,
  `export default { dialect: 'postgresql', schema: ${JSON.stringify(path.join(root, 'server/src/db/schema/index.ts'))}, out: ${JSON.stringify(path.relative(root, scratch))}, casing: 'snake_case' };\n`,
);
const before = fs.readdirSync(scratch).sort().join('\n');
const output = execFileSync('npx', ['drizzle-kit', 'generate', '--config', config], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const after = fs.readdirSync(scratch).sort().join('\n');
fs.rmSync(scratch, { recursive: true, force: true });
if (!/No schema changes/.test(output) || before !== after) {
  console.error(output);
  console.error('The schema changed but no migration was committed: run `npm run db:generate` and commit migrations/.');
  process.exit(1);
}
console.log('Schema and migrations agree.');
