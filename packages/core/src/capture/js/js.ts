import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import v8 from 'node:v8';
import vm from 'node:vm';
import { connectSyncSession, type SyncSession } from '../inspector-session.js';
import { GcAccounting, collect, flagFreeGc } from './js-gc.js';
import { samplesFromProfile, type InspectorSamplingProfile } from './js-sampling.js';
import { SnapshotStreamParser } from '../snapshot/snapshot-parser.js';
import { createSnapshotDir, sweepStaleSnapshotDirs, withSignalsDeferred } from '../snapshot/snapshot-temp.js';
import { withCheckedArguments } from '../checked.js';
import { forcingCollections } from '../forced-gc.js';
import { nodeHeapStatistics, readHeapFiguresWith, readQuickHeapWith, type PathReads } from '../heap-reads.js';
import type { AllocationSample, Capture, GcMode, HeapFigures, HeapGraph, HeapSpaceFigures, QuickHeapFigures } from '../types.js';

/** Global key a value sits on while the inspector is asked for its id. */
const PROBE_KEY = '__memscopeObjectIdProbe';
const PROBE_GROUP = 'memscope-object-id';

/** On this path V8's space statistics give the young generation, and malloc is unknown: neither node:v8 nor process expose it. */
const JS_READS: PathReads = { statistics: nodeHeapStatistics, youngUsed: readYoungUsed };

export function readHeapFigures(): HeapFigures {
  return readHeapFiguresWith(JS_READS);
}

/**
 * Young-generation bytes in use. Per-test `allocated` splits the young
 * generation from the rest because, from Node 24, the old spaces give memory
 * back without a GC (background compilers): one total could go negative.
 * One more read of V8's space statistics per test boundary (~6 µs) on this
 * fallback path; the addon reads it in ~0.1 µs.
 */
function readYoungUsed(): number {
  let used = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space') used += space.space_used_size;
  }
  return used;
}

export function readQuickHeap(): QuickHeapFigures {
  return readQuickHeapWith(JS_READS);
}

export function readHeapSpaces(): HeapSpaceFigures[] {
  return v8.getHeapSpaceStatistics().map((space) => ({
    name: space.space_name,
    size: space.space_size,
    used: space.space_used_size,
    available: space.space_available_size,
    physical: space.physical_space_size,
  }));
}

/**
 * The pure-JS capture: node:v8, node:inspector and vm only, no Node flags.
 * It needs the inspector of its own thread (commands answer synchronously
 * there), so create it on the thread it measures.
 *
 * @example
 * const capture = createJsCapture();
 * capture.gc('thorough');
 * const { heapUsed } = capture.heapFigures();
 */
/**
 * On Node 20 the inspector streams a snapshot's chunks before
 * `takeHeapSnapshot` returns; from Node 22 on it answers later, so a
 * synchronous capture writes the snapshot to a temporary file instead
 * (v8.writeHeapSnapshot is synchronous everywhere) and parses it back in
 * chunks, never as one string.
 */
const INSPECTOR_SNAPSHOT_IS_SYNC = Number(process.versions.node.split('.')[0]) < 22;

/**
 * MEMSCOPE_SNAPSHOT_VIA_FILE=1 takes the file path on any Node, so that the
 * handling of its temporary files (cleanup, signals, a killed worker) is
 * tested on Node 20 too.
 */
const SNAPSHOT_VIA_FILE = !INSPECTOR_SNAPSHOT_IS_SYNC || process.env.MEMSCOPE_SNAPSHOT_VIA_FILE === '1';

function snapshotThroughFile(parser: SnapshotStreamParser): HeapGraph {
  const dir = createSnapshotDir();
  let fd: number | undefined;
  try {
    const file = join(dir, 'heap.heapsnapshot');
    fd = openSync(file, 'w+');
    const anonymous = `/proc/self/fd/${fd}`;
    if (process.platform === 'linux' && existsSync(anonymous)) {
      // Unlinked before V8 writes to it (through the descriptor's /proc
      // link): the snapshot lives only as long as this descriptor, so a
      // process killed mid-write (SIGKILL, out of memory) leaves nothing.
      rmSync(dir, { recursive: true, force: true });
      v8.writeHeapSnapshot(anonymous);
    } else {
      // Elsewhere the file has a name until finally: a signal waits for
      // the cleanup, and a killed process's directory is swept later.
      withSignalsDeferred(() => v8.writeHeapSnapshot(file));
    }
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.allocUnsafe(1 << 20);
    let position = 0;
    for (let read = readSync(fd, buffer, 0, buffer.length, position); read > 0; read = readSync(fd, buffer, 0, buffer.length, position)) {
      position += read;
      parser.write(decoder.write(buffer.subarray(0, read)));
    }
    const tail = decoder.end();
    if (tail) parser.write(tail);
    return parser.finish();
  } finally {
    if (fd !== undefined) closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function createJsCapture(): Capture {
  // Directories of snapshots whose process was killed mid-write.
  if (SNAPSHOT_VIA_FILE) sweepStaleSnapshotDirs();
  const gc = flagFreeGc();
  const gcAccounting = new GcAccounting();
  let session: SyncSession | null = null;
  // Evaluated in the main context: inside a Jest vm context `globalThis` is
  // the sandbox, which Runtime.evaluate (default context) would not see.
  let mainGlobal: Record<string, unknown> | null = null;
  let samplingInterval = 0;

  // The session stays connected for the life of the process: when any
  // inspector session disconnects, V8 disables its heap profiler agent,
  // which calls HeapProfiler::ClearObjectIds and resets every object id
  // in the isolate (measured on Node 20), for the native path too.
  const inspector = (): SyncSession => {
    session ??= connectSyncSession();
    return session;
  };

  // V8 runs a full collection before it lists the live samples (for
  // stopSampling too, which lists them once more): near the heap limit,
  // back to back with the screen's own, it must not count as ineffective.
  const readSampling = (): AllocationSample[] => {
    if (samplingInterval === 0) return [];
    const { profile } = forcingCollections(() => inspector().post<{ profile: InspectorSamplingProfile }>('HeapProfiler.getSamplingProfile'));
    return samplesFromProfile(profile, samplingInterval);
  };

  return withCheckedArguments({
    path: 'js',
    gc(mode: GcMode = 'fast') {
      forcingCollections(() => collect(gc, mode));
      // GCProfiler keeps ~2 KB of JSON per collection until read; folding
      // here bounds that between gcTotals() calls in GC-heavy runs.
      gcAccounting.read();
    },
    heapFigures: readHeapFigures,
    quickHeap: readQuickHeap,
    heapSpaces: readHeapSpaces,
    gcTotals: () => gcAccounting.read(),
    heapGraph(): HeapGraph {
      const parser = new SnapshotStreamParser();
      if (SNAPSHOT_VIA_FILE) return forcingCollections(() => snapshotThroughFile(parser));
      const active = inspector();
      const onChunk = (message: { params: unknown }): void => {
        parser.write((message.params as { chunk: string }).chunk);
      };
      active.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      try {
        forcingCollections(() => active.post('HeapProfiler.takeHeapSnapshot', { reportProgress: false }));
      } finally {
        active.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      }
      return parser.finish();
    },
    objectId(value: object): number {
      const active = inspector();
      mainGlobal ??= vm.runInThisContext('globalThis') as Record<string, unknown>;
      mainGlobal[PROBE_KEY] = value;
      try {
        const { result } = active.post<{ result: { objectId?: string } }>('Runtime.evaluate', {
          expression: `globalThis.${PROBE_KEY}`,
          objectGroup: PROBE_GROUP,
          silent: true,
        });
        if (!result.objectId) throw new Error('the inspector returned no remote object for the probed value');
        const { heapSnapshotObjectId } = active.post<{ heapSnapshotObjectId: string }>(
          'HeapProfiler.getHeapObjectId',
          { objectId: result.objectId },
        );
        // V8 answers '0' for an object no snapshot has seen yet.
        return Number(heapSnapshotObjectId);
      } finally {
        delete mainGlobal[PROBE_KEY];
        // The remote object is a strong reference; never leave one behind.
        active.post('Runtime.releaseObjectGroup', { objectGroup: PROBE_GROUP });
      }
    },
    // The inspector keeps its own stack depth.
    startSampling(intervalBytes: number) {
      inspector().post('HeapProfiler.startSampling', { samplingInterval: intervalBytes });
      samplingInterval = intervalBytes;
    },
    readSampling,
    // The inspector reads samples with their frames only.
    readSampleSizes: readSampling,
    stopSampling() {
      if (samplingInterval === 0) return;
      forcingCollections(() => inspector().post('HeapProfiler.stopSampling'));
      samplingInterval = 0;
    },
  });
}
