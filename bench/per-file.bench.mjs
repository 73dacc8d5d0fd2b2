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
// Usage: npm run build && node bench/per-file.bench.mjs [--rounds 5] [--files 40] [--tests 3] [--only vitest|jest|forks|threads]
//   [--tests N]  tests per file (3 or more): `--files 1 --tests 1000` shows the per-test cost instead
//   [--compare DIR]  also runs memscope as built in DIR (another checkout, built), in the same rounds
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInterleaved, ratioRows } from './lib/interleaved.mjs';
import { runMeasured } from './lib/measure.mjs';
import { workspaceRoot } from './lib/packed-memscope.mjs';
import { writePerFileProject } from './per-file-project.mjs';
import { option } from './lib/args.mjs';

const rounds = Number(option('rounds', '5'));
const fileCount = Number(option('files', '40'));
const only = option('only', null);
const compareRoot = option('compare', null);
const testsPerFile = Number(option('tests', '3'));
if (!Number.isInteger(fileCount) || fileCount < 1) throw new Error(`--files expects a positive integer, received ${option('files')}`);
if (!Number.isInteger(testsPerFile) || testsPerFile < 3) throw new Error(`--tests expects a whole number of tests per file, 3 or more, received ${option('tests')}`);

const projects = [{ variant: 'memscope', dir: path.join(workspaceRoot, 'bench/.work/per-file'), source: workspaceRoot }];
if (compareRoot) projects.push({ variant: `memscope of ${path.basename(path.resolve(compareRoot))}`, dir: path.join(workspaceRoot, 'bench/.work/per-file-compare'), source: path.resolve(compareRoot) });
const vitestBin = path.join(workspaceRoot, 'node_modules/vitest/vitest.mjs');
const jestBin = path.join(workspaceRoot, 'node_modules/jest/bin/jest.js');

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

for (const { dir, source } of projects) writePerFileProject(dir, source, fileCount, testsPerFile);
console.log(`${fileCount} test files of ${testsPerFile} tests, ${rounds} rounds; CPU is the runner's and its workers'.`);
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
