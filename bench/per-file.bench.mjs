// Per-test-file cost: what memscope adds to every test file of a suite, in
// CPU milliseconds per file, under Vitest (forks and threads, isolate on and
// off) and Jest.
//
// A generated project of many small test files (a few trivial tests each,
// so the fixed per-file cost dominates) runs without memscope, with an
// empty setup file (what the runner charges for any setup file), and with
// memscope as a user adds it (setup file + reporter), installed from the
// `npm pack` tarballs. Runs alternate order round by round; each figure is
// read against the run without memscope of the same round.
//
// Usage: npm run build && node bench/per-file.bench.mjs [--rounds 5] [--files 40] [--only vitest|jest|forks|threads]
//   [--compare DIR]  also runs memscope as built in DIR (another checkout, built), in the same rounds
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runInterleaved, ratioRows } from './lib/interleaved.mjs';
import { runMeasured } from './lib/measure.mjs';
import { installPackedMemscope, workspaceRoot } from './lib/packed-memscope.mjs';
import { option } from './lib/args.mjs';

const rounds = Number(option('rounds', '5'));
const fileCount = Number(option('files', '40'));
const only = option('only', null);
const compareRoot = option('compare', null);
if (!Number.isInteger(fileCount) || fileCount < 1) throw new Error(`--files expects a positive integer, received ${option('files')}`);

const projects = [{ variant: 'memscope', dir: path.join(workspaceRoot, 'bench/.work/per-file'), source: workspaceRoot }];
if (compareRoot) projects.push({ variant: `memscope of ${path.basename(path.resolve(compareRoot))}`, dir: path.join(workspaceRoot, 'bench/.work/per-file-compare'), source: path.resolve(compareRoot) });
const vitestBin = path.join(workspaceRoot, 'node_modules/vitest/vitest.mjs');
const jestBin = path.join(workspaceRoot, 'node_modules/jest/bin/jest.js');

function writeProject(project, source) {
  rmSync(project, { recursive: true, force: true });
  mkdirSync(path.join(project, 'vitest'), { recursive: true });
  mkdirSync(path.join(project, 'jest'), { recursive: true });
  for (let i = 0; i < fileCount; i++) {
    const body = (imports) => `${imports}
const parse = (text) => text.split(',').map(Number);
test('parses ${i}', () => { expect(parse('${i},2,3')).toEqual([${i}, 2, 3]); });
test('sums ${i}', () => { expect(parse('1,${i}').reduce((a, b) => a + b, 0)).toBe(${i + 1}); });
test('waits ${i}', async () => { await new Promise((resolve) => setTimeout(resolve, 1)); expect(true).toBe(true); });
`;
    writeFileSync(path.join(project, `vitest/f${i}.test.mjs`), body(`import { test, expect } from 'vitest';`));
    writeFileSync(path.join(project, `jest/f${i}.test.js`), body(''));
  }
  writeFileSync(path.join(project, 'empty.setup.mjs'), '// A setup file that does nothing: what the runner charges for one.\n');
  writeFileSync(path.join(project, 'empty.setup.cjs'), '// A setup file that does nothing: what the runner charges for one.\n');
  writeFileSync(
    path.join(project, 'vitest.config.mjs'),
    `import { fileURLToPath } from 'node:url';
const variant = process.env.BENCH_VARIANT;
// Vitest would look a reporter's package up from its own install: name this project's copy.
const reporter = fileURLToPath(import.meta.resolve('@memscope/vitest/reporter'));
export default {
  test: {
    include: ['vitest/*.test.mjs'],
    pool: process.env.BENCH_POOL,
    isolate: process.env.BENCH_ISOLATE === 'true',
    setupFiles: variant === 'memscope' ? ['@memscope/vitest'] : variant === 'empty setup' ? ['./empty.setup.mjs'] : [],
    reporters: variant === 'memscope' ? ['json', [reporter, { outputDir: process.env.BENCH_REPORT_DIR, baseline: false }]] : ['json'],
    outputFile: { json: process.env.BENCH_JSON },
    // For profiling the workers: BENCH_EXEC_ARGV='--cpu-prof --cpu-prof-dir=/tmp/prof'.
    execArgv: process.env.BENCH_EXEC_ARGV ? process.env.BENCH_EXEC_ARGV.split(' ') : [],
  },
};
`,
  );
  writeFileSync(
    path.join(project, 'jest.config.cjs'),
    `const variant = process.env.BENCH_VARIANT;
module.exports = {
  testMatch: ['<rootDir>/jest/*.test.js'],
  testEnvironment: 'node',
  setupFilesAfterEnv: variant === 'memscope' ? ['@memscope/jest'] : variant === 'empty setup' ? ['<rootDir>/empty.setup.cjs'] : [],
  reporters: variant === 'memscope' ? ['default', ['@memscope/jest/reporter', { outputDir: process.env.BENCH_REPORT_DIR, baseline: false }]] : ['default'],
};
`,
  );
  installPackedMemscope(project, source);
}

const configs = [
  { name: 'vitest forks, isolate', runner: 'vitest', pool: 'forks', isolate: true },
  { name: 'vitest forks, no isolate', runner: 'vitest', pool: 'forks', isolate: false },
  { name: 'vitest threads, isolate', runner: 'vitest', pool: 'threads', isolate: true },
  { name: 'vitest threads, no isolate', runner: 'vitest', pool: 'threads', isolate: false },
  { name: 'jest', runner: 'jest' },
].filter((config) => !only || config.name.includes(only));

async function runOnce(config, variant, project = projects[0].dir) {
  const json = path.join(project, 'out.json');
  const env = { BENCH_VARIANT: variant, BENCH_JSON: json, BENCH_REPORT_DIR: path.join(project, 'report'), BENCH_POOL: config.pool ?? '', BENCH_ISOLATE: String(config.isolate) };
  const [script, runnerArgs] =
    config.runner === 'vitest'
      ? [vitestBin, ['run', '--config', 'vitest.config.mjs']]
      : [jestBin, ['--config', 'jest.config.cjs', '--json', `--outputFile=${json}`]];
  const { wallMs, cpuMs } = await runMeasured(process.execPath, [script, ...runnerArgs], { cwd: project, env });
  const report = JSON.parse(readFileSync(json, 'utf8'));
  return { wallMs, cpuMs, passed: report.numPassedTests, failed: report.numFailedTests };
}

for (const { dir, source } of projects) writeProject(dir, source);
console.log(`${fileCount} test files of 3 tests, ${rounds} rounds; CPU is the runner's and its workers'.`);
for (const config of configs) {
  const variants = [
    ...['none', 'empty setup'].map((variant) => ({ name: variant, run: () => runOnce(config, variant) })),
    ...projects.map(({ variant, dir }) => ({ name: variant, run: () => runOnce(config, 'memscope', dir) })),
  ];
  const results = await runInterleaved(variants, rounds, {
    label: config.name,
    onRound: (round) => process.stderr.write(`${config.name}: round ${round + 1}/${rounds}\n`),
  });
  console.log(`\n${config.name} (medians; × = ratio to "none" in the same round)`);
  console.table(ratioRows(results, { perUnit: { name: 'file', count: fileCount } }));
}
