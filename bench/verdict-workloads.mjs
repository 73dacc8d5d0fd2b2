// The functions the verdict benchmarks judge, and memlab's way of finding
// the same leak from the same process: three heap snapshots written by V8
// (baseline, target, final) and memlab's analysis over the files, as
// `memlab find-leaks --trace-all-objects` runs it. memlab's default leak
// filters look for detached DOM elements and React fibers only; tracing all
// objects is its mode for a Node heap.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

/**
 * A function that allocates a few thousand short-lived objects and keeps
 * none, sized to take about `targetMs` per call on this machine.
 */
export function calibratedCleanWork(targetMs = 1) {
  let rows = 1000;
  const work = () => {
    const list = [];
    for (let i = 0; i < rows; i++) list.push({ i, twice: i * 2, label: i % 16 === 0 ? `row-${i}` : null });
    let sum = 0;
    for (const row of list) sum += row.twice;
    return sum;
  };
  // Past the JIT's first tiers before timing, then resize over ~50 ms batches.
  for (let i = 0; i < 300; i++) work();
  for (let attempt = 0; attempt < 4; attempt++) {
    const started = performance.now();
    let calls = 0;
    while (performance.now() - started < 50) calls += (work(), 1);
    const perCall = (performance.now() - started) / calls;
    rows = Math.max(100, Math.round(rows * (targetMs / perCall)));
  }
  return work;
}

/** The leak: every call adds one session object to a module-level Map. */
export class LeakedSession {
  constructor(id) {
    this.id = id;
    this.user = `user-${id}`;
    this.scopes = ['read', 'write'];
    this.openedAt = id * 1000;
  }
}

export function makeLeak() {
  const sessions = new Map();
  let next = 0;
  const leak = () => {
    next++;
    sessions.set(next, new LeakedSession(next));
  };
  return { leak, sessions };
}

const memlabDir = fileURLToPath(new URL('./memlab/', import.meta.url));

/**
 * memlab lives in a package of its own, installed the first time a
 * comparison runs: it pulls puppeteer (a browser download) and a native
 * sleep module, neither of which a Node heap analysis needs, so its install
 * scripts are skipped and the repository's own `npm ci` never sees them.
 */
function requireMemlab() {
  if (!existsSync(join(memlabDir, 'node_modules', '@memlab', 'core'))) {
    process.stderr.write('Installing memlab for the comparison (bench/memlab, once)…\n');
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: memlabDir, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return createRequire(join(memlabDir, 'package.json'))('@memlab/core');
}

/** Loads @memlab/core and sets it up for a Node heap, its files in `workDir`. */
export function loadMemlab(workDir) {
  const memlab = requireMemlab();
  memlab.fileManager.initDirs(memlab.config, { workDir });
  memlab.config.muteConsole = true;
  memlab.config.chaseWeakMapEdge = false;
  // What `--trace-all-objects` sets: every object allocated between the
  // baseline and the target that is still alive in the final snapshot.
  memlab.config.oversizeObjectAsLeak = true;
  memlab.config.oversizeThreshold = 0;
  memlab.config.traceAllObjectsMode = memlab.TraceObjectMode.SelectedJSObjects;
  return memlab;
}

/** Loads memlab's modules ahead of a run (its configuration waits for the run). */
export function preloadMemlab() {
  requireMemlab();
}

const cpuMsSince = (since) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

/**
 * memlab end to end on a live heap: snapshot, calls, snapshot, calls,
 * snapshot, then its analysis. Returns the time split and what it found.
 *
 * memlab is loaded after the three snapshots, and its loading is not timed:
 * used as meant, it runs in a process of its own, never in the heap it
 * analyses. Loaded before, its ~6 MB of code would sit in that heap and
 * make every snapshot, memscope's too, larger than the application's.
 */
export async function findLeaksWithMemlab(fn, callsPerStep) {
  const workDir = mkdtempSync(join(tmpdir(), 'memscope-bench-memlab-'));
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let writeMs = 0;
    const snapshot = (name) => {
      const before = performance.now();
      const file = v8.writeHeapSnapshot(join(workDir, `${name}.heapsnapshot`));
      writeMs += performance.now() - before;
      return file;
    };
    const baseline = snapshot('baseline');
    for (let i = 0; i < callsPerStep; i++) fn();
    const target = snapshot('target');
    for (let i = 0; i < callsPerStep; i++) fn();
    const final = snapshot('final');
    const snapshotsMs = performance.now() - started;
    const snapshotsCpuMs = cpuMsSince(cpu);

    const memlab = loadMemlab(workDir);
    const setupStarted = performance.now();
    const setupCpu = process.cpuUsage();
    const { fileManager, analysis } = memlab;
    const steps = fileManager.createVisitOrderWithSnapshots(baseline, target, final);
    writeFileSync(fileManager.getSnapshotSequenceMetaFile({ workDir }), JSON.stringify(steps));
    const analysisStarted = performance.now();
    const analysisCpu = process.cpuUsage();
    const traces = await analysis.checkLeak();
    const ended = performance.now();
    const analysisCpuMs = cpuMsSince(analysisCpu);
    const analysisMs = ended - analysisStarted;
    const found = traces.some((trace) => JSON.stringify(trace).includes(LeakedSession.name));
    return {
      totalMs: snapshotsMs + (ended - setupStarted),
      cpuMs: snapshotsCpuMs + cpuMsSince(setupCpu),
      analysisMs,
      analysisCpuMs,
      snapshotWriteMs: writeMs,
      traces: traces.length,
      found,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
