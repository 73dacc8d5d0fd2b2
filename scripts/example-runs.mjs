// The example suites' runs, as test/examples ran them, kept for `npm run demo
// -- --reuse-test-runs`: CI runs the demo right after `npm test`, whose
// examples tests already ran every suite the demo runs (each as shipped and
// with its demo bugs), on the same sources and the same build. A kept run is
// reused only while nothing it depends on changed since (see sourcesStamp).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS_DIR = join(root, 'test/output/example-runs');
/** What a run writes or installs in an example: not a source of the run. */
const NOT_SOURCES = new Set(['node_modules', 'memscope-report']);
/** The packed setup entries' V8 code caches, written beside them in dist/ by the runs themselves (scripts/packed-entry/runtime.js). */
const RUN_WRITTEN = /\.v8cache$/;
/** The builds every example loads memscope from. */
const BUILDS = ['packages/core/dist', 'packages/jest-plugin/dist', 'packages/vitest-plugin/dist'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return RUN_WRITTEN.test(path) ? 0 : stat.mtimeMs;
  // Files only: a directory's own time moves whenever a run writes its report beside the sources.
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (!NOT_SOURCES.has(entry)) newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The newest modification among an example's own files and memscope's builds: a kept run of an older stamp is stale. */
export function sourcesStamp(name) {
  const paths = [join(root, 'examples', name), ...BUILDS.map((build) => join(root, build))];
  return Math.max(...paths.filter((path) => existsSync(path)).map(newestMtime));
}

const runDir = (name, leaks) => join(RUNS_DIR, name, leaks ? 'leaky' : 'clean');

/**
 * Keeps one run of an example's suite: its exit, its output and its
 * memscope report directory (the HTML report the demo points to included).
 */
export function keepExampleRun(name, leaks, { exitCode, signal, output }) {
  const dir = runDir(name, leaks);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const reportDir = join(root, 'examples', name, 'memscope-report');
  if (existsSync(reportDir)) cpSync(reportDir, join(dir, 'memscope-report'), { recursive: true });
  // Written whole, then renamed: a run stopped mid-write leaves no half a record the demo would trust.
  const record = join(dir, 'run.json');
  writeFileSync(`${record}.tmp`, JSON.stringify({ stamp: sourcesStamp(name), exitCode, signal, output }));
  renameSync(`${record}.tmp`, record);
}

/**
 * The kept run of an example's suite, its report put back in the example's
 * memscope-report directory; null when none was kept or when the example's
 * files or memscope's build changed since.
 */
export function keptExampleRun(name, leaks) {
  const dir = runDir(name, leaks);
  const file = join(dir, 'run.json');
  if (!existsSync(file)) return null;
  const run = JSON.parse(readFileSync(file, 'utf8'));
  if (run.stamp !== sourcesStamp(name)) return null;
  const reportDir = join(root, 'examples', name, 'memscope-report');
  rmSync(reportDir, { recursive: true, force: true });
  if (existsSync(join(dir, 'memscope-report'))) cpSync(join(dir, 'memscope-report'), reportDir, { recursive: true });
  return { code: run.exitCode, signal: run.signal, output: run.output };
}
