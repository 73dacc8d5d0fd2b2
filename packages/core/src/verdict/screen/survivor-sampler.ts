import type { AllocationFrame, Capture } from '../../capture/types.js';
import type { CallRunner } from '../calls/call-runner.js';
import { isInternalUrl, isRuntimeUrl } from '../../analyzers/stack-frames.js';
import { nowMs } from '../../node-clock.js';

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

  /** Bytes the user's live samples stand for. */
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

/**
 * Whose allocation a sample is: the innermost frame that is neither V8's nor
 * Node's. The user's when it is the user's code (a listener array Node grows
 * inside `emitter.on` called by the function); not when it is memscope's or
 * the test runner's, even with the user's frames below it: memscope's
 * async hooks keep a record of every timer the function starts, cleared ones
 * too until their destroy hook runs.
 */
export function allocatedByUser(stack: readonly AllocationFrame[]): boolean {
  // V8's builtins and Node's modules allocate on behalf of whoever called them.
  const owner = stack.find((frame) => !isRuntimeUrl(frame.url));
  return owner !== undefined && !isInternalUrl(owner.url);
}

/**
 * Intervals tried, finest first. At 256 B a leak at the default threshold in
 * a round of 60 calls leaves about six samples a round.
 */
const INTERVALS = [256, 1024, 4096, 16384];

/**
 * How much slower the function may run while sampled. What a sample costs
 * depends on what is allocated, not on how much: a busy-wait allocating
 * 110 KB a call of heap numbers ran 5% slower at 256 B, a function building
 * 2000 small objects a call 32 times slower (8 times at 1 KB, 3 times at
 * 4 KB). So the cost is measured, not estimated from the bytes.
 */
const MAX_SLOWDOWN = 2;

/** Calls long enough to time: about 10 ms of them. */
function probeCalls(msPerCall: number): number {
  return Math.min(200, Math.max(4, Math.ceil(10 / Math.max(msPerCall, 0.001))));
}

interface CallTimes {
  wallMs: number;
  /** CPU time of the whole process: a process the machine sets aside burns none. */
  cpuMs: number;
}

async function timeCalls(runner: CallRunner, calls: number): Promise<CallTimes> {
  const cpu = process.cpuUsage();
  const started = nowMs();
  await runner.run(calls);
  const wallMs = nowMs() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function fasterOf(a: CallTimes, b: CallTimes): CallTimes {
  return { wallMs: Math.min(a.wallMs, b.wallMs), cpuMs: Math.min(a.cpuMs, b.cpuMs) };
}

/**
 * Within the slowdown, on the clock that sees the profiler's cost. A
 * function that never waits spends its wall time on CPU or set aside by a
 * busy machine: its CPU time is the cost (wall time read a 10 ms probe set
 * aside for 30 ms as 4× slower with the profiler barely on). A function
 * that waits (it returned a promise) is slowed by the profiler only as
 * much as its whole call takes longer: wall time, as before.
 */
function withinSlowdown(sampled: CallTimes, unsampled: CallTimes, waits: boolean): boolean {
  return waits ? sampled.wallMs <= unsampled.wallMs * MAX_SLOWDOWN : sampled.cpuMs <= unsampled.cpuMs * MAX_SLOWDOWN;
}

/**
 * A running sampler at the finest interval the function affords: each
 * interval is tried on a few calls against the same calls unsampled.
 */
export async function startAffordableSampler(capture: Capture, runner: CallRunner, msPerCall: number): Promise<SurvivorSampler> {
  const calls = probeCalls(msPerCall);
  // One timing can catch the machine busy elsewhere (a 0.2 ms function read
  // 2× slower under load with no profiler at all): the faster of two counts.
  const unsampled = fasterOf(await timeCalls(runner, calls), await timeCalls(runner, calls));
  const affords = async () =>
    withinSlowdown(await timeCalls(runner, calls), unsampled, runner.async) || withinSlowdown(await timeCalls(runner, calls), unsampled, runner.async);
  for (const [i, interval] of INTERVALS.entries()) {
    const sampler = new SurvivorSampler(capture, interval);
    sampler.start();
    let affordable = false;
    try {
      affordable = i === INTERVALS.length - 1 || (await affords());
    } finally {
      // A throwing function ends the verdict: the profiler must not outlive it.
      if (!affordable) sampler.stop();
    }
    if (affordable) return sampler;
  }
  throw new Error('unreachable: the last interval is always affordable');
}

/**
 * Sampled rounds are for what exact rounds are for on the native capture:
 * functions that make few calls a round or wait on the event loop, on a
 * capture without exact readings but with a sampling profiler.
 */
export function wantsSampledRounds(capture: Capture, exactRounds: boolean, slowOrAsync: boolean): boolean {
  return !exactRounds && slowOrAsync && !capture.exact;
}
