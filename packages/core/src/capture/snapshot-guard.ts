import os from 'node:os';
import { MemscopeError } from '../errors.js';
import type { Capture } from './types.js';

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
 * The pure-JS path also holds the snapshot's text in chunks and its string
 * table on the V8 heap, so it needs headroom under the heap limit too.
 */
const JS_HEAP_HEADROOM_PER_HEAP_BYTE = 0.5;

export interface SnapshotFit {
  heapUsed: number;
  heapLimit: number;
  /** Estimated extra memory the snapshot needs outside the V8 heap. */
  estimatedBytes: number;
  /** Memory the process can still use (cgroup limit or free system memory). */
  availableBytes: number;
  /** Headroom needed under the V8 heap limit (pure-JS path only, else 0). */
  heapHeadroomNeeded: number;
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
  const heapHeadroomNeeded = capture.path === 'js' ? heapUsed * JS_HEAP_HEADROOM_PER_HEAP_BYTE : 0;
  const fits = estimatedBytes <= availableBytes && heapUsed + heapHeadroomNeeded <= heapLimit;
  return { heapUsed, heapLimit, estimatedBytes, availableBytes, heapHeadroomNeeded, fits };
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

/**
 * Throws ERR_MEMSCOPE_SNAPSHOT_TOO_LARGE when a heap snapshot of the current
 * heap would likely exhaust memory; call it before `capture.heapGraph()`.
 *
 * @example
 * assertSnapshotFits(capture);
 * const graph = capture.heapGraph();
 */
export function assertSnapshotFits(capture: Capture): SnapshotFit {
  const fit = measureSnapshotFit(capture);
  if (!fit.fits) {
    const heapLimitNote =
      fit.heapHeadroomNeeded > 0
        ? `, and ${mb(fit.heapHeadroomNeeded)} of headroom under the V8 heap limit of ${mb(fit.heapLimit)}`
        : '';
    throw new MemscopeError(
      'ERR_MEMSCOPE_SNAPSHOT_TOO_LARGE',
      `a heap snapshot of ${mb(fit.heapUsed)} of heap needs about ${mb(fit.estimatedBytes)} of extra memory` +
        `${heapLimitNote}; ${mb(fit.availableBytes)} is available. ` +
        'Shrink the heap the test keeps alive, or raise the memory limit (container limit or --max-old-space-size).',
    );
  }
  return fit;
}
