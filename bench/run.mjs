// Runs the benchmarks: every bench/*.bench.{mjs,js,cjs}, or those whose name
// contains one of the arguments (`node bench/run.mjs capture`). Each file
// runs in its own Node process, one after another, so no benchmark measures
// a heap another one left behind. Benchmarks import the built packages:
// `npm run bench` builds first.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
// Long runs of whole test suites (real-suites also fetches repositories and
// installs their test dependencies): run only when named.
const ON_REQUEST = ['per-file.bench.mjs', 'per-file-breakdown.bench.mjs', 'real-suites.bench.mjs'];
const files = readdirSync(benchDir)
  .filter((file) => /\.bench\.(mjs|js|cjs)$/.test(file))
  .filter((file) => (filters.length === 0 ? !ON_REQUEST.includes(file) : filters.some((filter) => file.includes(filter))))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark matches ${filters.map((filter) => JSON.stringify(filter)).join(', ') || '(none found)'} in ${benchDir}`);
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}\n`);
  const { status, signal } = spawnSync(process.execPath, [join(benchDir, file)], { stdio: 'inherit' });
  if (status !== 0) {
    failed++;
    console.error(`${file} failed (${signal ?? `exit code ${status}`})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
