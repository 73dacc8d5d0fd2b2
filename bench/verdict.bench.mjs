// The leak verdict's speed: a clean verdict against the function's own cost,
// a leak's full explanation at ~20 MB and ~100 MB of live heap with its phase
// split, and memscope against memlab on the same leak in the same process
// (end to end, analysis alone, extra peak memory in a fresh process per row).
// Every case runs in its own child process so no case measures a heap another
// one left behind; the printed ratios compare figures from one process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { checkLeak } from '../packages/core/dist/verdict/check-leak.js';
import { getCapture } from '../packages/core/dist/capture/index.js';
import { buildHeap } from './synthetic-heap.mjs';
import { calibratedCleanWork, findLeaksWithMemlab, loadMemlab, makeLeak } from './verdict-workloads.mjs';

const MB = 1048576;
const LEAK_SIZES_MB = [20, 100];
const MEMLAB_SIZE_MB = 20;
/** Calls between memlab's snapshots: as many as memscope's explanation makes at most. */
const MEMLAB_CALLS_PER_STEP = 2000;

/** The synthetic heap of the running case, kept reachable until the process exits. */
let liveHeap = null;

const heapUsedNow = () => {
  getCapture().gc('thorough');
  return getCapture().heapFigures().heapUsed;
};

async function runOne(options, name, fn) {
  const bench = new Bench(options);
  bench.add(name, fn);
  await bench.run();
  const { result } = bench.tasks[0];
  if (result.state !== 'completed') throw new Error(`${name}: ${result.state} ${result.error ?? ''}`);
  return result.latency;
}

/** Child: the clean verdict for a ~1 ms function, and the function alone. */
async function cleanCase(sizeMb) {
  const heap = buildHeap(sizeMb * 1e6);
  const work = calibratedCleanWork(1);
  const heapUsed = heapUsedNow();
  const fnCost = await runOne({ time: 500, warmupTime: 100 }, 'fn', work);
  let last;
  const verdict = await runOne({ iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 }, 'verdict', async () => {
    last = await checkLeak(work);
  });
  if (last.leaked) throw new Error(`clean function judged leaking: ${last.stats.reason}`);
  const result = { sizeMb, heapUsed, fnMs: fnCost.mean, verdictMs: verdict.p50, calls: last.stats.totalCalls, timeMs: last.stats.timeMs, records: heap.records };
  process.stdout.write(JSON.stringify(result) + '\n');
}

/** Child: a leak's full explanation (two runs at 20 MB, one at 100 MB). */
async function leakCase(sizeMb) {
  const heap = buildHeap(sizeMb * 1e6);
  const { leak } = makeLeak();
  const heapUsed = heapUsedNow();
  const runs = [];
  await runOne({ iterations: sizeMb > 50 ? 1 : 2, time: 0, warmup: false }, 'leak verdict', async () => {
    runs.push(await checkLeak(leak));
  });
  const median = runs.sort((a, b) => a.stats.timeMs.total - b.stats.timeMs.total)[Math.floor((runs.length - 1) / 2)];
  const finding = median.findings[0];
  process.stdout.write(JSON.stringify({ sizeMb, heapUsed, leaked: median.leaked, finding: finding?.title, path: finding?.retainerPathText, capture: median.capture, stats: median.stats, records: heap.records }) + '\n');
}

/**
 * The process-wide capture with its heap graphs timed: memscope's analysis
 * alone is what follows the last heap graph (V8 built the snapshot by then).
 */
function timedCapture() {
  const real = getCapture();
  const timing = { graphMs: 0, lastGraphEnd: 0 };
  const capture = new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop !== 'heapGraph') return typeof value === 'function' ? value.bind(target) : value;
      return () => {
        const started = performance.now();
        const graph = target.heapGraph();
        timing.lastGraphEnd = performance.now();
        timing.graphMs += timing.lastGraphEnd - started;
        return graph;
      };
    },
  });
  return { capture, timing };
}

const cpuMs = (since) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

async function memscopeOnLeak(leak) {
  const { capture, timing } = timedCapture();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await checkLeak(leak, undefined, { capture });
  const ended = performance.now();
  return { totalMs: ended - started, cpuMs: cpuMs(cpu), analysisMs: ended - timing.lastGraphEnd, graphMs: timing.graphMs, found: result.leaked, capture: result.capture, calls: result.stats.totalCalls, snapshots: result.stats.snapshots };
}

/** Child: memscope then memlab on the same leak, in the same process heap. */
async function versusCase(sizeMb) {
  liveHeap = buildHeap(sizeMb * 1e6);
  const { leak } = makeLeak();
  const memlabSetup = loadMemlab();
  try {
    const heapUsed = heapUsedNow();
    const memscope = await memscopeOnLeak(leak);
    const memlab = await findLeaksWithMemlab(memlabSetup, leak, MEMLAB_CALLS_PER_STEP);
    process.stdout.write(JSON.stringify({ sizeMb, heapUsed, memscope, memlab, records: liveHeap.records }) + '\n');
  } finally {
    memlabSetup.cleanup();
  }
}

/** Child: one end-to-end run of one tool, reporting how far RSS rose above where it started. */
async function peakCase(sizeMb, tool) {
  liveHeap = buildHeap(sizeMb * 1e6);
  const { leak } = makeLeak();
  const memlabSetup = tool === 'memlab' ? loadMemlab() : null;
  try {
    const heapUsed = heapUsedNow();
    const rssBefore = process.memoryUsage().rss;
    const run = memlabSetup ? await findLeaksWithMemlab(memlabSetup, leak, MEMLAB_CALLS_PER_STEP) : await memscopeOnLeak(leak);
    const peakRss = process.resourceUsage().maxRSS * 1024;
    process.stdout.write(JSON.stringify({ sizeMb, tool, heapUsed, extra: Math.max(0, peakRss - rssBefore), found: run.found, records: liveHeap.records }) + '\n');
  } finally {
    memlabSetup?.cleanup();
  }
}

function child(args) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 64 * MB });
  if (result.status !== 0) {
    throw new Error(`bench case ${args.join(' ')} failed (${result.signal ?? `exit code ${result.status}`}):\n${result.stderr}${result.error ?? ''}`);
  }
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`);
const mb = (bytes) => `${(bytes / MB).toFixed(0)} MB`;
const x = (ratio) => `${ratio.toFixed(1)}×`;

async function orchestrate() {
  const clean = child(['--clean', '20']);
  console.log('Clean verdict for a ~1 ms function, no snapshot (goal: median ≤ 0.5 s)');
  console.table([{
    heap: mb(clean.heapUsed),
    'fn (mean)': fmt(clean.fnMs),
    'verdict (median)': fmt(clean.verdictMs),
    calls: clean.calls,
    'fn × calls': fmt(clean.fnMs * clean.calls),
    'verdict / (fn × calls)': (clean.verdictMs / (clean.fnMs * clean.calls)).toFixed(2),
    'warmup/screen': `${fmt(clean.timeMs.warmup)} / ${fmt(clean.timeMs.screen)}`,
  }]);

  const leaks = LEAK_SIZES_MB.map((size) => child(['--leak', String(size)]));
  console.log('\nA leak\'s full explanation, a Map gaining one object per call (goals: ≤ 5 s at ~20 MB, ≤ 30 s at ~100 MB)');
  console.table(leaks.map((run) => ({
    heap: mb(run.heapUsed),
    leaked: run.leaked,
    total: fmt(run.stats.timeMs.total),
    warmup: fmt(run.stats.timeMs.warmup),
    screen: fmt(run.stats.timeMs.screen),
    explain: fmt(run.stats.timeMs.explain),
    snapshots: run.stats.snapshots,
    calls: run.stats.totalCalls,
    capture: run.capture,
  })));
  console.log(`finding: ${leaks[0].finding} — ${leaks[0].path}`);

  const versus = child(['--versus', String(MEMLAB_SIZE_MB)]);
  const { memscope, memlab } = versus;
  console.log(`\nmemscope against memlab (--trace-all-objects) on the same leak, ${mb(versus.heapUsed)} live heap, ${memscope.capture} capture`);
  console.log('(goals: memscope ≥ 3× faster end to end, ≥ 10× faster in analysis alone)');
  console.table([
    { measure: 'end to end', memscope: fmt(memscope.totalMs), memlab: fmt(memlab.totalMs), 'memlab / memscope': x(memlab.totalMs / memscope.totalMs) },
    { measure: 'end to end, CPU time', memscope: fmt(memscope.cpuMs), memlab: fmt(memlab.cpuMs), 'memlab / memscope': x(memlab.cpuMs / memscope.cpuMs) },
    { measure: 'analysis alone', memscope: fmt(memscope.analysisMs), memlab: fmt(memlab.analysisMs), 'memlab / memscope': x(memlab.analysisMs / memscope.analysisMs) },
    { measure: 'snapshots', memscope: `${memscope.snapshots} (${fmt(memscope.graphMs)})`, memlab: `3 written (${fmt(memlab.snapshotWriteMs)})`, 'memlab / memscope': '' },
    { measure: 'leak found', memscope: String(memscope.found), memlab: `${memlab.found} (${memlab.traces} trace clusters)`, 'memlab / memscope': '' },
  ]);

  const peaks = ['memscope', 'memlab'].map((tool) => child(['--peak', String(MEMLAB_SIZE_MB), tool]));
  console.log('\nExtra peak memory end to end, fresh process per row (goal for memscope: ≤ 1.5× heap)');
  console.table(peaks.map((peak) => ({ tool: peak.tool, heap: mb(peak.heapUsed), 'extra peak RSS': mb(peak.extra), 'extra / heap': (peak.extra / peak.heapUsed).toFixed(2), 'leak found': peak.found })));
  console.log(`memlab / memscope extra peak: ${x(peaks[1].extra / peaks[0].extra)}`);
}

const [mode, size, tool] = process.argv.slice(2);
if (mode === '--clean') await cleanCase(Number(size));
else if (mode === '--leak') await leakCase(Number(size));
else if (mode === '--versus') await versusCase(Number(size));
else if (mode === '--peak') await peakCase(Number(size), tool);
else await orchestrate();
