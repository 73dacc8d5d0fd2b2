import os from 'node:os';
import { MemscopeError } from '../../errors.js';
import type { Capture } from '../types.js';

/**
 * Extra memory a heap snapshot costs, per byte of used heap. V8 builds the
 * whole snapshot graph in C++ (entries, edges, an address-to-entry map)
 * before the first byte is serialized; that dominates on both capture
 * paths. Measured on Node 20 (peak RSS growth during a snapshot of a ~25 MB
 * heap): 1.2× for large arrays, 6× for nested small objects, 9× for maps and
 * strings, 14× for mixed small objects, up to 29× when one array holds
 * hundreds of thousands of elements. The guard uses a typical-worst figure:
 * it means to refuse snapshots that would exhaust memory, not to predict
 * their exact cost.
 */
const SNAPSHOT_COST_PER_HEAP_BYTE = 10;
/**
 * Room the analysis needs inside the V8 heap, per byte of used heap. The
 * pure-JS path holds the snapshot's text in chunks and its string table on
 * the heap; both paths build the survivor groups, names and retainer paths
 * there. Conservative on purpose: running out of heap kills the worker
 * (a V8 fatal error, no exception to catch), refusing only fails one test.
 */
const HEAP_ROOM_PER_HEAP_BYTE = { js: 0.5, native: 0.25 } as const;

/**
 * The part of V8's heap limit held for the young generation, which the
 * old generation (where a test's data and the analysis live) cannot use:
 * `--max-old-space-size=64` gives a limit of 117 MB on Node 20, of which
 * 53 MB are young-generation semispaces. At most 64 MiB on large heaps.
 */
function youngGenerationReserve(heapLimit: number): number {
  return Math.min(64 * 1024 * 1024, heapLimit * 0.45);
}

export interface SnapshotFit {
  heapUsed: number;
  heapLimit: number;
  /** Estimated extra memory the snapshot needs outside the V8 heap. */
  estimatedBytes: number;
  /** Memory the process can still use (cgroup limit or free system memory). */
  availableBytes: number;
  /** Room the analysis needs inside the V8 heap. */
  heapHeadroomNeeded: number;
  /** Room left in the V8 heap's old generation: the limit, less the young generation, less what is used. */
  heapRoom: number;
  fits: boolean;
}

function availableMemory(): number {
  // process.availableMemory (Node ≥ 20.13) honours cgroup limits; os.freemem does not.
  const available = (process as { availableMemory?: () => number }).availableMemory;
  return typeof available === 'function' ? available() : os.freemem();
}

export function measureSnapshotFit(capture: Capture): SnapshotFit {
  const { heapUsed, heapLimit } = capture.heapFigures();
  const estimatedBytes = heapUsed * SNAPSHOT_COST_PER_HEAP_BYTE;
  const availableBytes = availableMemory();
  const heapHeadroomNeeded = heapUsed * HEAP_ROOM_PER_HEAP_BYTE[capture.path === 'js' ? 'js' : 'native'];
  const heapRoom = Math.max(0, heapLimit - youngGenerationReserve(heapLimit) - heapUsed);
  const fits = estimatedBytes <= availableBytes && heapHeadroomNeeded <= heapRoom;
  return { heapUsed, heapLimit, estimatedBytes, availableBytes, heapHeadroomNeeded, heapRoom, fits };
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

/**
 * Throws ERR_MEMSCOPE_SNAPSHOT_TOO_LARGE when a heap snapshot of the current
 * heap would likely exhaust memory (system memory, or the V8 heap limit);
 * call it before `capture.heapGraph()`. The message gives both figures,
 * needed and available.
 *
 * @example
 * assertSnapshotFits(capture);
 * const graph = capture.heapGraph();
 */
export function assertSnapshotFits(capture: Capture): SnapshotFit {
  const fit = measureSnapshotFit(capture);
  if (!fit.fits) {
    const shortages: string[] = [];
    if (fit.estimatedBytes > fit.availableBytes) {
      shortages.push(`about ${mb(fit.estimatedBytes)} of memory outside the V8 heap, and ${mb(fit.availableBytes)} is available`);
    }
    if (fit.heapHeadroomNeeded > fit.heapRoom) {
      shortages.push(
        `about ${mb(fit.heapHeadroomNeeded)} of room in the V8 heap, and ${mb(fit.heapRoom)} is left ` +
          `(${mb(fit.heapUsed)} used of a ${mb(fit.heapLimit)} limit, young generation included)`,
      );
    }
    throw new MemscopeError(
      'ERR_MEMSCOPE_SNAPSHOT_TOO_LARGE',
      `memory grew, but explaining it was refused: a heap snapshot of ${mb(fit.heapUsed)} of heap needs ${shortages.join('; and ')}. ` +
        'Taking it would likely crash this process. Shrink the heap the test keeps alive, or raise the memory limit ' +
        '(--max-old-space-size, or the container limit).',
    );
  }
  return fit;
}
