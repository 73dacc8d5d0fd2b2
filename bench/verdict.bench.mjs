// The leak verdict's speed: a clean verdict against the function's own cost,
// a leak's full explanation at ~20 MB and ~100 MB of live heap with its phase
// split, and memscope against memlab on the same leak in the same process
// (end to end, analysis alone, extra peak memory in a fresh process per row).
// Every case runs in its own child process so no case measures a heap another
// one left behind; the printed ratios compare figures from one process.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { checkLeak } from '../packages/core/dist/verdict/check-leak.js';
import { getCapture } from '../packages/core/dist/capture/index.js';
import { buildHeap } from './synthetic-heap.mjs';
import { calibratedCleanWork, findLeaksWithMemlab, makeLeak, preloadMemlab } from './verdict-workloads.mjs';

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
  const result = { sizeMb, heapUsed, fnMs: fnCost.mean, verdictMs: verdict.p50, calls: last.stats.totalCalls, timeMs: last.stats.timeMs, records: heap.records, load: loadavg()[0] };
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
 * The native graph also says how its time split (`phasesMs`).
 */
function timedCapture() {
  const real = getCapture();
  const timing = { graphMs: 0, lastGraphEnd: 0, cpuAfterLastGraph: undefined, firstGraphStart: 0, phasesMs: null };
  const capture = new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop !== 'heapGraph') return typeof value === 'function' ? value.bind(target) : value;
      return () => {
        const started = performance.now();
        timing.firstGraphStart ||= started;
        const graph = target.heapGraph();
        timing.lastGraphEnd = performance.now();
        timing.cpuAfterLastGraph = process.cpuUsage();
        timing.graphMs += timing.lastGraphEnd - started;
        timing.phasesMs = graph.phasesMs ?? null;
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
  return {
    totalMs: ended - started,
    cpuMs: cpuMs(cpu),
    analysisMs: ended - timing.lastGraphEnd,
    analysisCpuMs: cpuMs(timing.cpuAfterLastGraph),
    graphMs: timing.graphMs,
    beforeGraphMs: timing.firstGraphStart - started,
    graphPhasesMs: timing.phasesMs,
    found: result.leaked,
    capture: result.capture,
    calls: result.stats.totalCalls,
    snapshots: result.stats.snapshots,
    timeMs: result.stats.timeMs,
  };
}

/**
 * Child: memscope then memlab, each on a leak of its own in the same heap
 * (memscope's leaked sessions are dropped before memlab starts), so both
 * snapshot a heap of the same size.
 */
async function versusCase(sizeMb, memlabInHeap) {
  liveHeap = buildHeap(sizeMb * 1e6);
  // The earlier set-up, for comparison: memlab's modules loaded in the heap both tools snapshot.
  if (memlabInHeap) preloadMemlab();
  const heapUsed = heapUsedNow();
  const memscope = await memscopeOnLeak(makeLeak().leak);
  const heapUsedForMemlab = heapUsedNow();
  const memlab = await findLeaksWithMemlab(makeLeak().leak, MEMLAB_CALLS_PER_STEP);
  process.stdout.write(JSON.stringify({ sizeMb, heapUsed, heapUsedForMemlab, memscope, memlab, records: liveHeap.records, load: loadavg()[0] }) + '\n');
}

/** Child: one end-to-end run of one tool, reporting how far RSS rose above where it started. */
async function peakCase(sizeMb, tool) {
  liveHeap = buildHeap(sizeMb * 1e6);
  const { leak } = makeLeak();
  // Its modules' memory is not what a run of it costs.
  if (tool === 'memlab') preloadMemlab();
  const heapUsed = heapUsedNow();
  const rssBefore = process.memoryUsage().rss;
  const run = tool === 'memlab' ? await findLeaksWithMemlab(leak, MEMLAB_CALLS_PER_STEP) : await memscopeOnLeak(leak);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ sizeMb, tool, heapUsed, extra: Math.max(0, peakRss - rssBefore), found: run.found, records: liveHeap.records }) + '\n');
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

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/**
 * memscope against memlab, one row per run (each a fresh process). memlab's
 * analysis reads its three snapshot files; memscope reads its one snapshot
 * inside the heap graph, so "analysis + reading" adds that reading to
 * memscope's side (native capture only) for a like-for-like figure.
 */
function printVersus(sizeMb, runs) {
  const first = runs[0];
  console.log(`\nmemscope against memlab (--trace-all-objects), a leak of its own each in the same ~${sizeMb} MB heap (${mb(first.heapUsed)} live), ${first.memscope.capture} capture`);
  console.log('(goals: memscope ≥ 3× faster end to end, ≥ 10× faster in analysis alone)');
  const rows = runs.map((run, i) => {
    const { memscope: ours, memlab } = run;
    const phases = ours.graphPhasesMs;
    const reading = phases ? phases.read : NaN;
    return {
      run: i + 1,
      load: run.load.toFixed(1),
      'memscope e2e': fmt(ours.totalMs),
      'memlab e2e': fmt(memlab.totalMs),
      'e2e ×': x(memlab.totalMs / ours.totalMs),
      'CPU ×': x(memlab.cpuMs / ours.cpuMs),
      'memscope analysis': fmt(ours.analysisMs),
      'memlab analysis': fmt(memlab.analysisMs),
      'analysis ×': x(memlab.analysisMs / ours.analysisMs),
      'analysis + reading ×': x(memlab.analysisMs / (ours.analysisMs + reading)),
      'analysis CPU ×': x(memlab.analysisCpuMs / ours.analysisCpuMs),
      found: `${ours.found}/${memlab.found}`,
    };
  });
  console.table(rows);
  const ratio = (pick) => runs.map((run) => pick(run.memlab) / pick(run.memscope));
  const summary = (values) => `median ${x(median(values))}, lowest ${x(Math.min(...values))}`;
  console.log(`end to end: ${summary(ratio((r) => r.totalMs))}; analysis alone: ${summary(ratio((r) => r.analysisMs))}`);
  console.log('Where memscope\'s time went (median over the runs):');
  const ms = (pick) => fmt(median(runs.map((run) => pick(run.memscope) ?? NaN)));
  console.table([{
    'warm-up + screen': ms((m) => m.timeMs.warmup + m.timeMs.screen),
    'explanation before its snapshot': ms((m) => m.beforeGraphMs - m.timeMs.warmup - m.timeMs.screen),
    'V8 snapshot': ms((m) => m.graphPhasesMs?.snapshot),
    'V8 serialize': ms((m) => m.graphPhasesMs?.serialize),
    'reading it': ms((m) => m.graphPhasesMs?.read),
    'deleting it': ms((m) => m.graphPhasesMs?.release),
    'analysis': ms((m) => m.analysisMs),
    'memlab: 3 snapshots written': fmt(median(runs.map((run) => run.memlab.snapshotWriteMs))),
  }]);
}

async function orchestrate() {
  const clean = child(['--clean', '20']);
  console.log('Clean verdict for a ~1 ms function, no snapshot (goal: median ≤ 0.5 s at load 2–4 on 2 cores)');
  console.table([{
    load: clean.load.toFixed(1),
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

  printVersus(MEMLAB_SIZE_MB, [child(['--versus', String(MEMLAB_SIZE_MB)])]);

  const peaks = ['memscope', 'memlab'].map((tool) => child(['--peak', String(MEMLAB_SIZE_MB), tool]));
  console.log('\nExtra peak memory end to end, fresh process per row (goal for memscope: ≤ 1.5× heap)');
  console.table(peaks.map((peak) => ({ tool: peak.tool, heap: mb(peak.heapUsed), 'extra peak RSS': mb(peak.extra), 'extra / heap': (peak.extra / peak.heapUsed).toFixed(2), 'leak found': peak.found })));
  console.log(`memlab / memscope extra peak: ${x(peaks[1].extra / peaks[0].extra)}`);
}

const [mode, size, tool] = process.argv.slice(2);
const runsAt = process.argv.indexOf('--runs');
const memlabInHeap = process.argv.includes('--memlab-in-heap');
if (mode === '--clean') await cleanCase(Number(size));
else if (mode === '--leak') await leakCase(Number(size));
// `--versus 20 --runs 5`: five fresh processes, one table; without --runs, one run's JSON.
// `--memlab-in-heap` loads memlab before the heap is measured, as this benchmark did until it kept it out.
else if (mode === '--versus' && runsAt > 0) printVersus(Number(size), Array.from({ length: Number(process.argv[runsAt + 1]) }, () => child(['--versus', size, ...(memlabInHeap ? ['--memlab-in-heap'] : [])])));
else if (mode === '--versus') await versusCase(Number(size), memlabInHeap);
else if (mode === '--peak') await peakCase(Number(size), tool);
else await orchestrate();
