// Per-test scopes: what recording every test's memory figures costs.
//
// 1. Suite: the test suites that qs, minimist and object-inspect publish
//    (358 tests in 36 files, tape style, run through
//    bench/scopes/suite/tape-shim) under real Vitest and Jest, without
//    memscope and with memscope as a user adds it (the plugin as a setup
//    file, its reporter writing the JSON and HTML report) in sampled and in
//    settled mode, interleaved round by round. Printed: wall time and
//    test-file time as ratios to the run without memscope, with the spread.
// 2. Micro: one enter + exit around an empty test body, in this process.
//
// Usage: npm run build && node bench/scopes.bench.mjs [--rounds 3] [--only vitest|jest] [--skip-micro]
// Setup once: (cd bench/scopes/suite && npm install)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { flag, option } from './lib/args.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const rounds = Number(option('rounds', '3'));
const only = option('only', null);
const modes = ['none', 'sampled', 'settled'];

const runners = {
  vitest: (outputFile) => [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    // The JSON reporter and its file are set in the config, next to memscope's reporter.
    ['run', '--config', 'bench/scopes/vitest.config.mjs'],
  ],
  jest: (outputFile) => [
    path.join(root, 'node_modules/jest/bin/jest.js'),
    ['--config', 'bench/scopes/jest.config.cjs', '--json', `--outputFile=${outputFile}`],
  ],
};

function run(runner, mode, scratch) {
  const outputFile = path.join(scratch, `${runner}-${mode}.json`);
  const [script, runnerArgs] = runners[runner](outputFile);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...runnerArgs], {
      cwd: root,
      env: { ...process.env, MEMSCOPE_BENCH_MODE: mode, MEMSCOPE_BENCH_JSON: outputFile, MEMSCOPE_BENCH_REPORT_DIR: path.join(scratch, `report-${runner}-${mode}`) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Both streams, kept short: a runner reports a failed test on stdout, a crash on stderr.
    let output = '';
    const keep = (chunk) => (output = (output + chunk).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`${runner} (${mode}) exited with ${signal ?? code}:\n${output}`));
      const report = JSON.parse(readFileSync(outputFile, 'utf8'));
      const fileMs = report.testResults.reduce((sum, file) => sum + (file.endTime - file.startTime), 0);
      const tests = report.numTotalTests;
      resolve({ fileMs, tests, passed: report.numPassedTests });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function suiteBench() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'memscope-scopes-bench-'));
  const results = {};
  try {
    for (const runner of Object.keys(runners)) {
      if (only && runner !== only) continue;
      const wall = Object.fromEntries(modes.map((mode) => [mode, []]));
      const files = Object.fromEntries(modes.map((mode) => [mode, []]));
      let tests = 0;
      for (let round = 0; round < rounds; round++) {
        // Alternate the order so drift (thermal, page cache) does not favour one mode.
        const order = round % 2 === 0 ? modes : [...modes].reverse();
        const bench = new Bench({ iterations: 1, time: 0, warmup: false, throws: true });
        for (const mode of order) {
          bench.add(`${runner} ${mode}`, async () => {
            const result = await run(runner, mode, scratch).catch((error) => {
              // A run that crashed (a shared machine rebuilding the addon under us) is retried once, and said so.
              process.stderr.write(`${runner} (${mode}) failed, retrying once: ${String(error.message).split('\n')[0]}\n`);
              return run(runner, mode, scratch);
            });
            files[mode].push(result.fileMs);
            tests = result.tests;
            if (result.passed !== result.tests) throw new Error(`${runner} (${mode}): ${result.tests - result.passed} tests failed`);
          });
        }
        await bench.run();
        for (const task of bench.tasks) wall[task.name.split(' ')[1]].push(task.result.latency.mean);
        process.stderr.write(`${runner} round ${round + 1}/${rounds} done\n`);
      }
      results[runner] = { tests, wall, files };
      printSuite(runner, results[runner]);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

async function microBench() {
  const dist = path.join(root, 'packages/core/dist');
  const { createFileRecorder } = require(path.join(dist, 'tasks/index.js'));
  const captures = { js: require(path.join(dist, 'capture/js/js.js')).createJsCapture() };
  try {
    captures.native = require(path.join(dist, 'capture/index.js')).getCapture();
    if (captures.native.path !== 'native') delete captures.native;
  } catch {
    // The addon or the shared capture entry is not built: the js row stands alone.
  }
  const rows = [];
  for (const [name, capture] of Object.entries(captures)) {
    const recorder = createFileRecorder({ rootDir: root, file: 'bench/micro.test.ts', capture });
    const body = () => JSON.stringify({ a: 1 });
    let n = 0;
    const bench = new Bench({ time: 500, warmupTime: 100 });
    bench.add('body alone', () => body());
    bench.add('body in a sampled scope', async () => {
      const scope = recorder.enter('test', [`t${n++ % 1000}`]);
      recorder.runInTask(scope, body);
      await recorder.exit('passed', undefined, scope);
    });
    await bench.run();
    const [alone, scoped] = bench.tasks.map((task) => task.result.latency.mean);
    rows.push({ capture: name, 'body alone (µs)': (alone * 1000).toFixed(2), 'scoped (µs)': (scoped * 1000).toFixed(2), 'scope cost (µs/test)': ((scoped - alone) * 1000).toFixed(1) });
    await recorder.finish();
  }
  return rows;
}

// Each round's ratio against the same round's run without memscope: drift between rounds cancels.
const roundRatios = (values, base) => values.map((value, round) => value / base[round]);
const spread = (ratios) => `${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}`;

function printSuite(runner, { tests, wall, files }) {
  const base = { wall: median(wall.none), files: median(files.none) };
  console.log(`\n${runner}: ${tests} tests, ${rounds} rounds (medians; ratio to the run without memscope in the same round)`);
  console.table(
    modes.map((mode) => {
      const wallRatios = roundRatios(wall[mode], wall.none);
      return {
        mode,
        'wall (s)': (median(wall[mode]) / 1000).toFixed(2),
        'wall ratio': median(wallRatios).toFixed(3),
        'wall ratio spread': spread(wallRatios),
        'test files (s)': (median(files[mode]) / 1000).toFixed(2),
        'test-file ratio': median(roundRatios(files[mode], files.none)).toFixed(3),
        'extra per test (ms)': ((median(wall[mode]) - base.wall) / tests).toFixed(2),
      };
    }),
  );
}

await suiteBench();
if (!flag('skip-micro')) {
  console.log('\nmicro: one enter + exit around an empty body');
  console.table(await microBench());
}
