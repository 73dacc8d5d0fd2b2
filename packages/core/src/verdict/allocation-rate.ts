import type { Capture } from '../capture/types.js';
import type { CallRunner } from './calls/call-runner.js';

export interface AllocationReading {
  heapUsed: number;
  freedBytes: number;
  calls: number;
}

export function allocationReading(capture: Capture, runner: CallRunner): AllocationReading {
  return { heapUsed: capture.heapFigures().heapUsed, freedBytes: capture.gcTotals().freedBytes, calls: runner.calls };
}

/** Bytes allocated per call since a reading: the heap's change plus what the collections in between freed. */
export function allocatedPerCallSince(start: AllocationReading, capture: Capture, runner: CallRunner): number {
  const now = allocationReading(capture, runner);
  const calls = now.calls - start.calls;
  return calls > 0 ? Math.max(0, now.heapUsed - start.heapUsed + now.freedBytes - start.freedBytes) / calls : 0;
}
