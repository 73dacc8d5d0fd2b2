import { allocationCandidates, mostSampledSite } from '../../analyzers/allocation-site.js';
import { showInlinedFrames } from '../../analyzers/inlined-frames.js';
import { settle } from '../../capture/settle.js';
import type { Capture, GcMode } from '../../capture/types.js';
import type { CallRunner } from '../calls/call-runner.js';
import { allocatedByUser } from '../screen/survivor-sampler.js';
import type { AllocationSite } from '../types.js';

/** Fine enough that a leak at the default threshold leaves samples in a few rounds' calls. */
const SAMPLING_INTERVAL_BYTES = 1024;

/**
 * Bytes a call must have left at one site (the default leak threshold): the
 * last call's objects, still held by whoever ran it, are not a population.
 */
const MIN_BYTES_PER_CALL = 8;

/**
 * Where the objects that outlive the calls were allocated, from the sampling
 * heap profiler alone: the cheap half of an explanation, for a heap whose
 * snapshot does not fit in the test's time (ts-jest keeps the TypeScript
 * compiler in the test's heap: 240 MB, ~50 s to snapshot on a busy
 * machine). It costs a few rounds' calls and a settle; it says nothing of
 * who holds the objects. Undefined when no sample outlived the calls in the
 * user's code.
 */
export async function survivorSiteWithoutSnapshot(capture: Capture, runner: CallRunner, calls: number, gcMode: GcMode): Promise<AllocationSite | undefined> {
  // Helpers inlined into their caller would be charged to the caller (the test's arrow).
  const restoreInlining = showInlinedFrames();
  capture.startSampling(SAMPLING_INTERVAL_BYTES);
  try {
    await runner.run(calls);
    await settle(capture, gcMode);
    const survivors = capture.readSampling().filter((sample) => allocatedByUser(sample.stack));
    const candidates = allocationCandidates(survivors);
    return (candidates[0]?.bytes ?? 0) >= calls * MIN_BYTES_PER_CALL ? mostSampledSite(candidates) : undefined;
  } finally {
    capture.stopSampling();
    restoreInlining();
  }
}
