// Type-checks every TypeScript project, two at a time: tsc keeps to one core, and CI has two
// (one after another took 43 s there, two at a time about half). Each project's errors are
// printed under its name once it is done; any error fails the whole check.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Largest first, so the two lanes end together.
const PROJECTS = ['server', 'web', 'bench', 'e2e'];
const LANES = 2;

function check(project) {
  return new Promise((resolve) => {
    const tsc = spawn(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--noEmit'], { cwd: root });
    let output = '';
    tsc.stdout.on('data', (chunk) => (output += chunk));
    tsc.stderr.on('data', (chunk) => (output += chunk));
    tsc.on('close', (code) => {
      if (code !== 0) console.error(`tsc -p ${project}:\n${output}`);
      resolve(code === 0);
    });
  });
}

const queue = [...PROJECTS];
const lane = async () => {
  let passed = true;
  while (queue.length) passed = (await check(queue.shift())) && passed;
  return passed;
};
const results = await Promise.all(Array.from({ length: LANES }, lane));
if (results.includes(false)) process.exit(1);
console.log(`Types check in ${PROJECTS.join(', ')}.`);
