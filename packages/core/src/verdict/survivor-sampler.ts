import type { AllocationFrame, Capture } from '../capture/types.js';
import { isInternalUrl } from '../analyzers/stack-frames.js';

/**
 * The pure-JS capture's stand-in for exact heap readings: bytes of the
 * objects the function's own code allocated since the screen began and that
 * are still alive, from the sampling heap profiler (which drops a sample when
 * its object dies). After a forced collection V8's heap use can hide a slow
 * function's few KB a round (its survivors land in space already counted as
 * used; measured +1 KB a round of old space while 4 KB a round stayed
 * alive), and node:v8 offers no walk that would make it exact. Sampled
 * survivors are an estimate (each sample stands for about one interval of
 * bytes), so they only decide whether to look closer: the explanation's
 * snapshots still decide what leaks.
 *
 * Only the user's own allocations count (see allocatedByUser): the
 * inspector's replies, the event loop's async-context stacks and memscope's
 * readings keep a few KB a round alive of their own while they warm up
 * (measured beside a clean slow function: ~7 KB a round, all of it in node:
 * and memscope frames).
 */
export class SurvivorSampler {
  private running = false;

  constructor(
    private readonly capture: Capture,
    readonly intervalBytes: number,
  ) {}

  start(): void {
    this.capture.startSampling(this.intervalBytes);
    this.running = true;
  }

  /** Bytes the live samples with a user frame stand for. */
  read(): number {
    if (!this.running) return 0;
    let bytes = 0;
    for (const sample of this.capture.readSampling()) {
      if (allocatedByUser(sample.stack)) bytes += sample.size * sample.count;
    }
    return bytes;
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.capture.stopSampling();
  }
}

/** V8's builtins and Node's own modules: they allocate on behalf of whoever called them. */
function isRuntimeFrame(frame: AllocationFrame): boolean {
  return frame.url === '' || frame.url.startsWith('node:') || !/[\\/]/.test(frame.url);
}

/**
 * Whose allocation a sample is: the innermost frame that is neither V8's nor
 * Node's. The user's when it is the user's code (a listener array Node grows
 * inside \`emitter.on\` called by the function); not when it is memscope's or
 * the test runner's, even with the user's frames below it: memscope's
 * async hooks keep a record of every timer the function starts, cleared ones
 * too until their destroy hook runs.
 */
export function allocatedByUser(stack: readonly AllocationFrame[]): boolean {
  const owner = stack.find((frame) => !isRuntimeFrame(frame));
  return owner !== undefined && !isInternalUrl(owner.url);
}

/** The finest interval: a leak at the default threshold in a round of 60 calls leaves about six samples a round. */
const FINEST_INTERVAL = 256;

/**
 * Samples a round may take of the function's garbage: each one walks the
 * stack (a few µs), and a function that allocates megabytes a round would
 * otherwise slow down many times over.
 */
const MAX_SAMPLES_PER_ROUND = 2000;

/** A power of two, so that the profiler's sizes split back into objects cleanly. */
export function survivorSamplingInterval(allocatedPerRound: number): number {
  const byVolume = 2 ** Math.ceil(Math.log2(Math.max(1, allocatedPerRound / MAX_SAMPLES_PER_ROUND)));
  return Math.max(FINEST_INTERVAL, byVolume);
}

/**
 * Sampled rounds are for what exact rounds are for on the native capture:
 * functions that make few calls a round or wait on the event loop, on a
 * capture without exact readings but with a sampling profiler.
 */
export function wantsSampledRounds(capture: Capture, exactRounds: boolean, slowOrAsync: boolean): boolean {
  return !exactRounds && slowOrAsync && typeof capture.settlePrecisely !== 'function';
}
