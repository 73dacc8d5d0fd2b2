// Attribution of concurrent tests: what it costs.
//
// 1. Suite: a generated Vitest 4 project, 4 files × 3 describe blocks × 8
//    tests that await timers and build objects, Buffers and JSON between
//    them, run with `describe.concurrent` and with plain `describe`, each
//    without memscope and with it (setup file and reporter), interleaved
//    round by round. Printed: wall and CPU time as ratios to the same
//    suite without memscope. Concurrent tests are attributed (async hook,
//    segment markers, sampling heap profiler, Buffer owners); serial ones
//    are not, so the serial ratio is memscope's ordinary per-test cost.
// 2. Micro: three tasks at once through a file recorder, with and without
//    attributeConcurrently, in this process, alternating round by round:
//    CPU time per three tests (process.cpuUsage, so the timers' idle wait is
//    left out), as a ratio to the boundary figures alone.
//
// With --against DIR (another checkout of memscope, built), that build runs
// as one more variant in the same rounds, so a change is read before and
// after in one process (the machine's load drifts between two runs).
//
// Usage: npm run build && node bench/attribution.bench.mjs [--rounds 5] [--against DIR] [--skip-micro] [--skip-suite]
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ratioRows, runInterleaved } from './lib/interleaved.mjs';
import { median, runMeasured } from './lib/measure.mjs';
import { flag, option } from './lib/args.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const rounds = Number(option('rounds', '5'));
const againstOption = option('against', '');
const against = againstOption ? path.resolve(againstOption) : null;
if (against && !existsSync(path.join(against, 'packages/core/dist/worker.js'))) {
  throw new Error(`--against ${againstOption}: no built memscope there (packages/core/dist/worker.js); run npm ci and npm run build in it first`);
}

const FILES = 4;
const BLOCKS = 3;
const TESTS = 8;

function specSource(describeCall) {
  const blocks = [];
  for (let block = 0; block < BLOCKS; block++) {
    const tests = [];
    for (let t = 0; t < TESTS; t++) {
      tests.push(`  test('work ${t}', async () => { expect(await work(${block * TESTS + t})).toBeGreaterThan(0); });`);
    }
    blocks.push(`${describeCall}('block ${block}', () => {\n${tests.join('\n')}\n});`);
  }
  return `import { describe, expect, test } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';

const kept = [];
async function work(seed) {
  let size = 0;
  for (let tick = 0; tick < 10; tick++) {
    await sleep(1);
    const rows = Array.from({ length: 500 }, (_, i) => ({ id: i, name: 'row ' + i + ' of ' + seed, tags: [seed, tick] }));
    size += JSON.stringify(rows).length;
    if (tick % 5 === 0) kept.push(Buffer.alloc(16 * 1024, seed));
  }
  return size;
}

${blocks.join('\n\n')}
`;
}

/** memscope's setup file and reporter: this checkout's by package name, another's (--against) by path. */
function memscopeEntries(build) {
  if (build === root) return { setup: '@memscope/vitest', reporter: '@memscope/vitest/reporter' };
  const dist = path.join(build, 'packages/vitest-plugin/dist');
  return { setup: path.join(dist, 'index.mjs'), reporter: path.join(dist, 'reporter.mjs') };
}

/** `build`: the memscope checkout to run, null for none. */
function writeProject(dir, describeCall, build) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let file = 0; file < FILES; file++) writeFileSync(path.join(dir, `suite-${file}.spec.mjs`), specSource(describeCall));
  const entries = build ? memscopeEntries(build) : null;
  const test = entries
    ? { include: ['*.spec.mjs'], setupFiles: [entries.setup], reporters: ['dot', [entries.reporter, { html: false, baseline: false }]] }
    : { include: ['*.spec.mjs'], reporters: ['dot'] };
  writeFileSync(path.join(dir, 'vitest.config.mjs'), `export default { test: ${JSON.stringify(test)} };\n`);
}

async function suiteBench() {
  const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
  const work = path.join(root, 'bench/.work/attribution');
  const variants = [];
  const builds = [['off', null], ['memscope', root], ...(against ? [['against', against]] : [])];
  for (const [kind, describeCall] of [['concurrent', 'describe.concurrent'], ['serial', 'describe']]) {
    for (const [label, build] of builds) {
      const dir = path.join(work, `${kind}-${label}`);
      writeProject(dir, describeCall, build);
      variants.push({
        kind,
        label,
        name: `${kind}, ${label === 'against' ? `memscope at ${againstOption}` : label}`,
        run: async () => {
          const { wallMs, cpuMs } = await runMeasured(process.execPath, [vitest, 'run'], { cwd: dir });
          return { wallMs, cpuMs, passed: FILES * BLOCKS * TESTS, failed: 0 };
        },
      });
    }
  }
  const cpuRatio = {};
  for (const kind of ['concurrent', 'serial']) {
    const group = variants.filter((variant) => variant.kind === kind);
    const results = await runInterleaved(group, rounds, { label: kind });
    console.log(`\nVitest 4, ${FILES * BLOCKS * TESTS} tests, ${kind}: ratio to the same suite without memscope (median of ${rounds} rounds)`);
    const rows = ratioRows(results, { perUnit: { name: 'test', count: FILES * BLOCKS * TESTS } });
    console.table(rows);
    group.forEach((variant, i) => {
      cpuRatio[variant.label] ??= {};
      cpuRatio[variant.label][kind] = Number(rows[i]['cpu ×']);
    });
    if (against) {
      // The two builds' CPU time in the same rounds: the before/after figure least moved by the machine's load.
      const byRound = results[1].rounds.map((run, round) => run.cpuMs / results[2].rounds[round].cpuMs);
      console.log(`${kind}: this checkout's cpu / ${againstOption}'s, same rounds: ${median(byRound).toFixed(3)} (by round ${byRound.map((r) => r.toFixed(2)).join(' ')})`);
    }
  }
  // Serial tests are not attributed: what the concurrent suite costs past the serial one's ratio is attribution's.
  for (const [label] of builds.slice(1)) {
    const { concurrent, serial } = cpuRatio[label];
    const which = label === 'against' ? `memscope at ${againstOption}` : 'this checkout';
    console.log(`attribution's share (${which}): concurrent cpu × / serial cpu × = ${(concurrent / serial).toFixed(3)}`);
  }
  rmSync(work, { recursive: true, force: true });
}

async function microBench() {
  const { createFileRecorder, getCapture } = require(path.join(root, 'packages/core/dist/worker.js'));
  const capture = getCapture();
  // The other build's recorder on its own capture: each attributes with its own code.
  const other = against ? require(path.join(against, 'packages/core/dist/worker.js')) : null;
  const otherCapture = other?.getCapture();
  const task = async () => {
    for (let tick = 0; tick < 5; tick++) {
      await sleep(0);
      JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ i })));
    }
  };
  const threeAtOnce = (attribute, build = { createFileRecorder, capture }) => async () => {
    const recorder = build.createFileRecorder({ rootDir: root, file: 'bench.test.js', capture: build.capture });
    await Promise.all(['a', 'b', 'c'].map(async (name) => {
      const scope = recorder.enter('test', [name]);
      if (attribute) recorder.attributeConcurrently(scope);
      await recorder.runInTask(scope, task);
      await recorder.exit('passed', undefined, scope);
    }));
    await recorder.finish();
  };
  const variants = [
    { name: 'three tasks at once, boundary figures only', run: threeAtOnce(false), cpuMs: [] },
    { name: 'three tasks at once, attributed', run: threeAtOnce(true), cpuMs: [] },
    ...(other ? [{ name: `three tasks at once, attributed by ${againstOption}`, run: threeAtOnce(true, { createFileRecorder: other.createFileRecorder, capture: otherCapture }), cpuMs: [] }] : []),
  ];
  for (const variant of variants) await cpuPerRun(variant.run, 300);
  for (let round = 0; round < rounds * 2; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) variant.cpuMs.push(await cpuPerRun(variant.run, 1000));
  }
  const plain = median(variants[0].cpuMs);
  console.log(`\nMicro (${capture.path} capture): three tasks at once, 5 timer ticks each, CPU ms per three tests (median of ${rounds * 2} rounds of 1 s)`);
  console.table(variants.map((variant) => ({ task: variant.name, 'cpu ms': median(variant.cpuMs).toFixed(3) })));
  for (const variant of variants.slice(1)) {
    const attributed = median(variant.cpuMs);
    const byRound = variant.cpuMs.map((cpu, round) => (cpu / variants[0].cpuMs[round]).toFixed(2)).join(' ');
    console.log(`${variant.name} / boundary only: ${(attributed / plain).toFixed(2)}× (by round ${byRound}), +${(attributed - plain).toFixed(2)} ms per three tests`);
  }
}

/** Runs `run` over and over for `ms` of wall time; the CPU time of one run, in ms. */
async function cpuPerRun(run, ms) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let runs = 0;
  while (performance.now() - started < ms) {
    await run();
    runs++;
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000 / runs;
}

if (!flag('skip-suite')) await suiteBench();
if (!flag('skip-micro')) await microBench();
