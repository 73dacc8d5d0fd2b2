// Real suites: what memscope adds to the run of published libraries' own
// test suites (bench/real-suites/suites.mjs), two under Vitest, two under
// Jest. Each suite runs unchanged, through a wrapper config that adds only
// a JSON reporter (to count results) without memscope, or memscope's setup
// file and reporter (sampled mode, the default) with it; the two alternate
// round by round after one warm-up run each (transform caches), and every
// round must pass and fail the same tests both ways.
//
// Usage: npm run build && node bench/real-suites.bench.mjs [--rounds 5] [--only ufo,luxon] [--fresh]
//   [--compare DIR]  also runs memscope as built in DIR (another checkout, built), in the same rounds
// The first run fetches each repository (a local mirror, else GitHub) and
// installs the packages its tests import from the registry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ratioRows, runInterleaved } from './lib/interleaved.mjs';
import { runMeasured } from './lib/measure.mjs';
import { workspaceRoot } from './lib/packed-memscope.mjs';
import { prepareSuite, wrapperName } from './real-suites/prepare.mjs';
import { SUITES } from './real-suites/suites.mjs';
import { flag, option } from './lib/args.mjs';

const rounds = Number(option('rounds', '5'));
const only = option('only', null)?.split(',');
const compareRoot = option('compare', null);
const unknown = only?.filter((name) => !SUITES.some((suite) => suite.name === name)) ?? [];
if (unknown.length > 0) throw new Error(`--only names ${unknown.join(', ')}; the suites are ${SUITES.map((suite) => suite.name).join(', ')}`);

const bins = {
  vitest: path.join(workspaceRoot, 'node_modules/vitest/vitest.mjs'),
  jest: path.join(workspaceRoot, 'node_modules/jest/bin/jest.js'),
};

function counts(jsonFile) {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests, files: report.testResults.length };
}

async function runSuite(suite, repoDir, variant) {
  const json = path.join(repoDir, '..', `results-${variant}.json`);
  const config = wrapperName(suite, variant);
  const runnerArgs = [...(suite.runner === 'vitest' ? ['run', '--config', config] : ['--config', config, '--json', `--outputFile=${json}`]), ...(suite.args ?? [])];
  // A suite with failing tests exits 1: the same failures both ways is what is checked.
  const { wallMs, cpuMs } = await runMeasured(process.execPath, [bins[suite.runner], ...runnerArgs], {
    cwd: repoDir,
    env: { ...suite.env, BENCH_JSON: json, BENCH_REPORT_DIR: path.join(repoDir, '..', 'memscope-report'), CI: '1' },
    okCodes: [0, 1],
  });
  return { wallMs, cpuMs, ...counts(json) };
}

const table = [];
for (const suite of SUITES.filter((s) => !only || only.includes(s.name))) {
  process.stderr.write(`${suite.name}: preparing\n`);
  const repoDir = prepareSuite(suite, { fresh: flag('fresh'), compareRoot: compareRoot && path.resolve(compareRoot) });
  const variants = ['without', 'memscope', ...(compareRoot ? ['compare'] : [])].map((variant) => ({
    name: variant === 'compare' ? `memscope of ${path.basename(path.resolve(compareRoot))}` : variant,
    run: () => runSuite(suite, repoDir, variant),
  }));
  for (const variant of variants) await variant.run();
  const results = await runInterleaved(variants, rounds, {
    label: suite.name,
    onRound: (round) => process.stderr.write(`${suite.name}: round ${round + 1}/${rounds}\n`),
  });
  const { passed, failed, files } = results[0].rounds[0];
  console.log(`\n${suite.name} (${suite.runner}; ${suite.about}): ${files} files, ${passed} passed, ${failed} failed, both ways, every round`);
  const rows = ratioRows(results);
  console.table(rows);
  for (const row of rows.slice(1)) table.push({ suite: suite.name, runner: suite.runner, files, tests: passed + failed, ...row });
}
console.log(`\nSummary (${rounds} interleaved rounds; × = with memscope ÷ without, same round; medians)`);
console.table(table.map(({ suite, runner, files, tests, variant, 'wall ×': wall, 'cpu ×': cpu, 'wall × by round': wallRounds, 'cpu × by round': cpuRounds }) => ({ suite, runner, variant, files, tests, 'wall ×': wall, 'cpu ×': cpu, 'wall × by round': wallRounds, 'cpu × by round': cpuRounds })));
