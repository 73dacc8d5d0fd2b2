// Runs every cell of test/components/components.test.ts (a runner and a DOM
// environment) N times while busy loops keep the machine loaded, and prints,
// per cell, how many runs passed and failed and its slowest verdict. Not part
// of `npm test`: a flake shows up only over many runs.
//
//   node test/components/repeat.mjs [runs=10] [--load=2] [--parallel=2] [--cells="vitest 3 + jsdom,jest 30 + jsdom"]
//
// Needs `npm run build` first (the runs load the built plugins). Each failed
// run's output and each cell's last output go to test/components/.repeat/.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, 'test/components/.repeat');
const CELLS = ['jest 30 + jsdom', 'jest 29 + jsdom', 'vitest 4 + jsdom', 'vitest 4 + happy-dom', 'vitest 3 + jsdom', 'vitest 3 + happy-dom'];

function parseArgs(argv) {
  const options = { runs: 10, load: 2, parallel: 2, cells: CELLS };
  for (const arg of argv) {
    const [key, value] = arg.startsWith('--') ? arg.slice(2).split('=') : ['runs', arg];
    const number = Number(value);
    if (key === 'cells') {
      options.cells = value.split(',').map((c) => c.trim());
      const unknown = options.cells.filter((c) => !CELLS.includes(c));
      if (unknown.length) throw new Error(`--cells must list cells among ${CELLS.map((c) => `"${c}"`).join(', ')}, got ${unknown.map((c) => `"${c}"`).join(', ')}.`);
    } else if (['runs', 'load', 'parallel'].includes(key) && Number.isInteger(number) && number >= (key === 'load' ? 0 : 1)) {
      options[key] = number;
    } else {
      throw new Error(`Unknown or invalid argument "${arg}": expected a run count, --load=N, --parallel=N or --cells=…`);
    }
  }
  return options;
}

/** A node process that keeps one core busy until killed. */
function busyLoop() {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One run of one cell: the vitest exit code, its output, and its tests' durations. */
function runCell(cell, run) {
  const timesFile = join(outDir, `times-${cell.replace(/\W+/g, '-')}-${run}.json`);
  const args = [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.config.mts', 'test/components/components.test.ts', '-t', `^${escapeRegExp(cell)} `];
  const env = { ...process.env, MEMSCOPE_COMPONENT_CELLS: cell, MEMSCOPE_COMPONENT_TIMES: timesFile, FORCE_COLOR: '0' };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      let cellRun = { times: {}, output: '' };
      try {
        cellRun = JSON.parse(readFileSync(timesFile, 'utf8'))[cell] ?? cellRun;
      } catch {
        // No times: the run died before its afterAll; its output says why.
      }
      rmSync(timesFile, { force: true });
      resolve({ cell, run, passed: code === 0, output, cellOutput: cellRun.output, times: cellRun.times });
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(outDir, { recursive: true });
  const loops = Array.from({ length: options.load }, busyLoop);
  const stats = new Map(options.cells.map((cell) => [cell, { passed: 0, failed: 0, slowest: 0, slowestTest: '' }]));
  /** The slowest run of each test, by environment: the widget's verdicts under the 5 s default apart from the detached-DOM one's snapshot. */
  const slowestByTest = new Map();
  const queue = [];
  for (let run = 1; run <= options.runs; run++) for (const cell of options.cells) queue.push({ cell, run });
  const started = Date.now();
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const result = await runCell(job.cell, job.run);
      const cellStats = stats.get(job.cell);
      result.passed ? cellStats.passed++ : cellStats.failed++;
      for (const [test, ms] of Object.entries(result.times)) {
        if (typeof ms === 'number' && ms > cellStats.slowest) Object.assign(cellStats, { slowest: ms, slowestTest: test });
        const key = `${job.cell.replace(/^\S+ \d+ \+ /, '')} | ${test}`;
        if (typeof ms === 'number' && ms > (slowestByTest.get(key) ?? 0)) slowestByTest.set(key, ms);
      }
      const name = `${job.cell.replace(/\W+/g, '-')}-${job.run}`;
      writeFileSync(join(outDir, `${result.passed ? 'last' : 'failed'}-${result.passed ? job.cell.replace(/\W+/g, '-') : name}.txt`), `${result.output}\n\n--- cell output ---\n${result.cellOutput}`);
      const slowest = Math.max(0, ...Object.values(result.times).filter((ms) => typeof ms === 'number'));
      console.log(`${new Date().toISOString()} ${job.cell} run ${job.run}: ${result.passed ? 'passed' : 'FAILED'}, slowest verdict ${(slowest / 1000).toFixed(1)} s`);
    }
  };
  const printTable = (heading) => {
    console.log(`\n${heading}, ${options.load} busy loops, ${options.parallel} cells at a time, ${((Date.now() - started) / 60_000).toFixed(1)} min\n`);
    console.log('| cell | passed | failed | slowest verdict |');
    console.log('|---|---|---|---|');
    for (const [cell, s] of stats) console.log(`| ${cell} | ${s.passed} | ${s.failed} | ${(s.slowest / 1000).toFixed(1)} s (${s.slowestTest}) |`);
    console.log('\n| environment | test | slowest run |');
    console.log('|---|---|---|');
    for (const [key, ms] of [...slowestByTest].sort()) console.log(`| ${key} | ${(ms / 1000).toFixed(1)} s |`);
  };
  // Stopped early (Ctrl-C): the runs so far still make a table.
  process.once('SIGINT', () => {
    queue.length = 0;
    for (const loop of loops) loop.kill();
    printTable('Stopped early');
    process.exit(130);
  });
  try {
    await Promise.all(Array.from({ length: options.parallel }, worker));
  } finally {
    for (const loop of loops) loop.kill();
  }
  printTable(`${options.runs} runs per cell`);
  if ([...stats.values()].some((s) => s.failed > 0)) process.exitCode = 1;
}

await main();
