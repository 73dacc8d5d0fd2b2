// `npm run demo`: runs the example projects with their demo bugs switched on
// (MEMSCOPE_DEMO_LEAK=1), shows what memscope says about them, and checks that
// it found every bug; the React examples run fixed first, and must pass. Exit 0
// means the demo went as intended: the suites failed, and failed for the leaks
// they contain.
//
// `npm run demo -- --reuse-test-runs` (CI, right after `npm test`) shows and
// checks the runs test/examples kept of the same suites instead of running
// them again, each one only while the example's files and memscope's build
// are unchanged since (scripts/example-runs.mjs); any other is run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { keptExampleRun } from './example-runs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUN_TIMEOUT_MS = 240_000;
const KNOWN_FLAGS = ['--reuse-test-runs'];
const unknownFlags = process.argv.slice(2).filter((arg) => !KNOWN_FLAGS.includes(arg));
if (unknownFlags.length > 0) {
  console.error(`npm run demo: unknown argument ${unknownFlags.join(' ')}; expected none or ${KNOWN_FLAGS.join(', ')}`);
  process.exit(2);
}
const reuseTestRuns = process.argv.includes('--reuse-test-runs');

/** The React examples' cart badge: an effect that subscribes twice and returns no cleanup. */
const CART_BADGE_BUGS = [
  { kind: 'storm', what: "a window 'resize' listener left on unmount", match: (f) => /window gains 'resize' listeners/.test(f.title) },
  { kind: 'storm', what: 'a store subscription left on unmount', match: (f) => /listeners → Set\b.*onCartChange/.test(f.retainerPathText ?? '') },
];

/**
 * Each example, how to run its suite, and the findings its demo bugs must
 * produce (kind, and what names the bug). A component's fix is the point of
 * its test, so the React examples also run fixed, and must pass.
 */
const EXAMPLES = [
  {
    name: 'examples/jest-http',
    bin: 'node_modules/jest/bin/jest.js',
    args: ['--ci'],
    bugs: [
      { kind: 'heap', what: 'a session map never pruned', match: (f) => f.name === 'Session' },
      { kind: 'storm', what: 'a listener added per request and never removed', match: (f) => /shutdown → Array/.test(f.retainerPathText ?? '') },
    ],
  },
  {
    name: 'examples/vitest-events',
    bin: 'node_modules/vitest/vitest.mjs',
    args: ['run'],
    bugs: [
      { kind: 'handle', what: 'an interval started per job and never cleared', match: (f) => /job-queue\.ts/.test(f.creationStack?.[0] ?? '') },
      { kind: 'native', what: 'a Buffer kept per job', match: () => true },
    ],
  },
  {
    name: 'examples/react-vitest',
    bin: 'node_modules/vitest/vitest.mjs',
    args: ['run'],
    fixedMustPass: true,
    bugs: CART_BADGE_BUGS,
  },
  {
    name: 'examples/react-jest',
    bin: 'node_modules/jest/bin/jest.js',
    args: ['--ci'],
    fixedMustPass: true,
    bugs: CART_BADGE_BUGS,
  },
];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the packages when a build output is missing or older than its sources. */
function buildIfNeeded() {
  const packages = ['packages/core', 'packages/jest-plugin', 'packages/vitest-plugin'];
  const stale = packages.some((pkg) => {
    const entry = join(root, pkg, 'dist/index.mjs');
    return !existsSync(entry) || statSync(entry).mtimeMs < newestMtime(join(root, pkg, 'src'));
  });
  if (!stale) return;
  console.log('Building the packages (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed with exit code ${build.status}`);
}

/**
 * Prints a suite's output, folding runs of identical lines into one: a timer
 * leaked per call leaves thousands of the same "handle left open" line.
 */
function printFolded(text) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && lines[j] === lines[i]) j++;
    console.log(j - i > 2 ? `${lines[i]}  (× ${j - i})` : lines.slice(i, j).join('\n'));
    i = j;
  }
}

/** What a user would type: `jest --ci`, `vitest run`. */
const commandOf = (example) => `${relative(root, example.bin).split('/')[1]} ${example.args.join(' ')}`;

/** A run test/examples kept (with --reuse-test-runs, when still current), else a fresh one. */
async function runSuite(example, { leaks }) {
  const kept = reuseTestRuns ? keptExampleRun(example.name.replace(/^examples\//, ''), leaks) : null;
  if (kept) {
    console.log(`(the run npm test's test/examples made of this suite, on the same sources and build)\n`);
    return kept;
  }
  return runSuiteNow(example, { leaks });
}

function runSuiteNow(example, { leaks }) {
  return new Promise((resolve) => {
    const env = { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
    if (leaks) env.MEMSCOPE_DEMO_LEAK = '1';
    else delete env.MEMSCOPE_DEMO_LEAK;
    const child = spawn(process.execPath, [join(root, example.bin), ...example.args], {
      cwd: join(root, example.name),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

/** What went wrong with one example's run, or an empty list when memscope found every bug. */
function problemsOf(example, run, reportPath) {
  if (run.signal) return [`the suite was killed (${run.signal}) after ${RUN_TIMEOUT_MS / 1000} s`];
  const problems = [];
  if (run.code !== 1) problems.push(`the suite exited with ${run.code}, expected 1 (failed tests)`);
  if (!existsSync(reportPath)) return [...problems, `no memscope report at ${reportPath}`];
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const findings = report.tasks.flatMap((task) => task.findings ?? []);
  for (const bug of example.bugs) {
    if (!findings.some((f) => f.kind === bug.kind && bug.match(f))) problems.push(`no \`${bug.kind}\` finding for ${bug.what}`);
  }
  return problems;
}

/** Runs an example as shipped (its bugs fixed), prints one line per test, and says what went wrong if it did not pass. */
async function runFixed(example) {
  console.log(`\n━━ ${example.name}: ${commandOf(example)} (fixed) ━━\n`);
  const run = await runSuite(example, { leaks: false });
  const testLines = stripVTControlCharacters(run.output).split('\n').filter((line) => /^\s*[✓✕×]/.test(line));
  console.log(testLines.length > 0 ? testLines.join('\n') : run.output.trimEnd());
  if (run.signal) return [`the fixed suite was killed (${run.signal})`];
  return run.code === 0 ? [] : [`the fixed suite failed (exit code ${run.code}); run it without MEMSCOPE_DEMO_LEAK to see why`];
}

async function main() {
  buildIfNeeded();
  const started = Date.now();
  const outcomes = [];
  for (const example of EXAMPLES) {
    const fixedProblems = example.fixedMustPass ? await runFixed(example) : [];
    console.log(`\n━━ ${example.name}: MEMSCOPE_DEMO_LEAK=1 ${commandOf(example)} ━━\n`);
    const run = await runSuite(example, { leaks: true });
    printFolded(run.output.trimEnd());
    const reportDir = join(root, example.name, 'memscope-report');
    outcomes.push({ example, reportDir, problems: [...fixedProblems, ...problemsOf(example, run, join(reportDir, 'report.json'))] });
  }

  console.log(`\n━━ memscope demo (${((Date.now() - started) / 1000).toFixed(0)} s) ━━\n`);
  for (const { example, reportDir, problems } of outcomes) {
    if (problems.length === 0) {
      const fixed = example.fixedMustPass ? '; fixed, it passes' : '';
      console.log(`✓ ${example.name}: found ${example.bugs.map((b) => `${b.what} (${b.kind})`).join(', ')}${fixed}`);
    } else {
      console.log(`✗ ${example.name}: ${problems.join('; ')}`);
    }
    const html = join(reportDir, 'index.html');
    if (existsSync(html)) console.log(`  HTML report: ${relative(process.cwd(), html)}`);
  }
  const failed = outcomes.some((o) => o.problems.length > 0);
  console.log(failed ? '\nThe demo did not go as intended: see above.' : '\nOpen the HTML reports in a browser to explore each test, its figures and its leaks.');
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
