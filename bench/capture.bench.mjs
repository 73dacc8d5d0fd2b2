// Native capture against the pure-JS twin: gc, heap figures, object ids and
// heap graphs at ~20 MB and ~100 MB of live heap, as ratios native/js from
// one run; then the extra peak memory (RSS high-water mark) of a heap graph,
// relative to the heap, measured in a fresh process per case.
//
// Both paths start from the same V8 heap snapshot, and taking it is most of
// the time and nearly all of the peak memory. `v8.getHeapSnapshot()` takes
// one without reading it (serialisation waits for the first read), so it
// shows that floor: no heap graph can be faster or smaller than it.
import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { createJsCapture } from '../packages/core/dist/capture/js/js.js';
import { buildHeap } from './synthetic-heap.mjs';

const SIZES_MB = [20, 100];
const MB = 1048576;

async function createCaptures() {
  const captures = { js: createJsCapture() };
  let nativeFailure = null;
  try {
    const { createNativeCapture, loadNativeBinding } = await import('../packages/core/dist/capture/native.js');
    captures.native = createNativeCapture(loadNativeBinding());
  } catch (error) {
    nativeFailure = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  return { captures, nativeFailure };
}

const meanMs = (task) => (task.result.state === 'completed' ? task.result.latency.mean : Number.NaN);

async function runGroup(options, tasks) {
  const bench = new Bench(options);
  for (const [name, fn] of tasks) bench.add(name, fn);
  await bench.run();
  return Object.fromEntries(bench.tasks.map((task) => [task.name, meanMs(task)]));
}

/** Child: time every operation on every path at one heap size. */
async function speedCase(sizeMb) {
  const heap = buildHeap(sizeMb * 1e6);
  const { captures, nativeFailure } = await createCaptures();
  captures.js.gc('thorough');
  const heapUsed = captures.js.heapFigures().heapUsed;
  const paths = Object.keys(captures);
  const perPath = (op) => paths.map((path) => [`${op} ${path}`, () => op === 'heapGraph' ? captures[path].heapGraph() : null]);
  // A heap graph takes seconds: few iterations, no warm-up (the first snapshot is not special).
  const graphs = await runGroup({ iterations: sizeMb > 50 ? 1 : 2, time: 0, warmup: false }, [
    ...perPath('heapGraph'),
    ['heapGraph snapshot', () => v8.getHeapSnapshot().destroy()],
  ]);
  const probe = heap.index.get(0);
  const quick = await runGroup({ time: 300, warmupTime: 50 }, paths.flatMap((path) => [
    [`heapFigures ${path}`, () => captures[path].heapFigures()],
    [`objectId ${path}`, () => captures[path].objectId(probe)],
  ]));
  const gcs = await runGroup({ time: 1000, warmupTime: 100 }, paths.map((path) => [`gc fast ${path}`, () => captures[path].gc('fast')]));
  const ids = Object.fromEntries(paths.map((path) => [path, captures[path].objectId(probe)]));
  process.stdout.write(JSON.stringify({ sizeMb, heapUsed, records: heap.records, nativeFailure, ids, times: { ...graphs, ...quick, ...gcs } }) + '\n');
}

/**
 * Child: one heap graph on one path (or V8's snapshot alone), reporting how
 * far RSS rose above where it started. maxRSS is a lifetime high-water mark,
 * so the heap is built first and must peak lower than the capture does.
 */
async function peakCase(sizeMb, path) {
  const heap = buildHeap(sizeMb * 1e6);
  const { captures } = await createCaptures();
  const capture = captures[path] ?? captures.js;
  if (path !== 'snapshot' && !captures[path]) throw new Error(`${path} capture unavailable`);
  capture.gc('thorough');
  const heapUsed = capture.heapFigures().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const graph = path === 'snapshot' ? v8.getHeapSnapshot() : capture.heapGraph();
  const cpu = process.cpuUsage(cpuStart);
  const ms = performance.now() - start;
  // CPU time (all threads) is steadier than wall time on a shared machine.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const nodes = path === 'snapshot' ? null : graph.nodeCount;
  process.stdout.write(JSON.stringify({ sizeMb, path, heapUsed, nodes, ms, cpuMs, extra: Math.max(0, peakRss - rssBefore), peakBefore, peakRss, records: heap.records }) + '\n');
}

function child(args) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 64 * MB });
  if (result.status !== 0) {
    throw new Error(`bench case ${args.join(' ')} failed (${result.signal ?? `exit code ${result.status}`}):\n${result.stderr}${result.error ?? ''}`);
  }
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

const fmt = (ms) => (Number.isNaN(ms) ? 'n/a' : ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);

async function orchestrate() {
  const rows = [];
  const speeds = SIZES_MB.map((size) => child(['--speed', String(size)]));
  if (speeds[0].nativeFailure) console.log(`native capture unavailable: ${speeds[0].nativeFailure}\n`);
  for (const speed of speeds) {
    for (const op of ['gc fast', 'heapFigures', 'objectId', 'heapGraph']) {
      const native = speed.times[`${op} native`] ?? Number.NaN;
      const js = speed.times[`${op} js`];
      rows.push({ heap: `${(speed.heapUsed / MB).toFixed(0)} MB`, op, native: fmt(native), js: fmt(js), 'native/js': Number.isNaN(native) ? 'n/a' : (native / js).toFixed(2) });
    }
    const floor = speed.times['heapGraph snapshot'];
    rows.push({ heap: `${(speed.heapUsed / MB).toFixed(0)} MB`, op: 'V8 snapshot alone', native: fmt(floor), js: fmt(floor), 'native/js': `floor/js ${(floor / speed.times['heapGraph js']).toFixed(2)}` });
    if (speed.ids.native !== undefined && speed.ids.native !== speed.ids.js) {
      console.log(`warning: object ids differ at ${speed.sizeMb} MB: native ${speed.ids.native}, js ${speed.ids.js}`);
    }
  }
  console.log('Time per call (mean), lower is better; native/js < 1 means native is faster');
  console.table(rows);

  const paths = speeds[0].nativeFailure ? ['snapshot', 'js'] : ['snapshot', 'native', 'js'];
  const peaks = [];
  for (const size of SIZES_MB) {
    for (const path of paths) {
      const peak = child(['--peak', String(size), path]);
      if (peak.peakBefore >= peak.peakRss) console.log(`warning: at ${size} MB (${path}) building the heap peaked at least as high as the capture; extra is only an upper bound`);
      peaks.push({
        heap: `${(peak.heapUsed / MB).toFixed(0)} MB`,
        path: path === 'snapshot' ? 'V8 snapshot alone' : path,
        nodes: peak.nodes ?? '',
        'heap graph': fmt(peak.ms),
        cpu: fmt(peak.cpuMs),
        'extra peak RSS': `${(peak.extra / MB).toFixed(0)} MB`,
        'extra / heap': (peak.extra / peak.heapUsed).toFixed(2),
      });
    }
  }
  console.log('\nExtra peak memory of one heap graph (fresh process per row)');
  console.table(peaks);
}

const [mode, size, path] = process.argv.slice(2);
if (mode === '--speed') await speedCase(Number(size));
else if (mode === '--peak') await peakCase(Number(size), path);
else await orchestrate();
