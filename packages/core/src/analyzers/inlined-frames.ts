import v8 from 'node:v8';
import { ownInspectorSession } from './own-session.js';

/**
 * Lets the sampling heap profiler see the functions V8 inlined.
 *
 * The profiler records one frame per physical stack frame (V8's
 * SamplingHeapProfiler::AddStack walks JavaScriptStackFrameIterator): a
 * small helper that TurboFan inlined into its caller (`makeRecord` into
 * `add`, `add` into the test's arrow) is not on the stack, and its
 * allocations are charged to the caller. With inlining off and all
 * optimized code thrown away, the calls that follow run the helpers in
 * frames of their own; functions that turn hot again are optimized without
 * inlining.
 *
 * Measured on Node 20 (V8 11.3) with a helper inlined into an arrow called
 * 200 000 times: `--no-turbo-inlining` alone, 0 of 3 500 samples in the
 * helper (the old code keeps running); with `%DeoptimizeFunction` of the
 * caller too, 0 (the caller's on-stack-replacement code stays cached); with
 * every optimized function deoptimized as well, 3 560 of 3 580.
 *
 * V8 deoptimizes everything when precise coverage starts
 * (Coverage::SelectMode → Deoptimizer::DeoptimizeAll): the only way to it
 * from JavaScript. Precise coverage is one mode per isolate, and stopping it
 * drops the counters of whoever else collects coverage, so it is left alone
 * while coverage may be on (c8's NODE_V8_COVERAGE, Vitest's or Jest's v8
 * coverage): the flags alone still keep newly optimized code apart.
 */

/** Inlining flags of V8's two optimizing compilers (Maglev is on from Node 22). */
const INLINING_FLAGS = ['turbo-inlining', 'maglev-inlining'] as const;
/** V8's defaults for INLINING_FLAGS, in order. */
const DEFAULTS: Record<(typeof INLINING_FLAGS)[number], boolean> = { 'turbo-inlining': true, 'maglev-inlining': false };

function userFlags(): string[] {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
}

/** The value a flag has in this process: the user's own setting, else V8's default. */
function flagValue(flag: (typeof INLINING_FLAGS)[number]): boolean {
  const given = userFlags().map((f) => f.replace(/_/g, '-'));
  if (given.includes(`--no-${flag}`)) return false;
  if (given.includes(`--${flag}`)) return true;
  return DEFAULTS[flag];
}

interface VitestWorkerState {
  config?: { coverage?: { enabled?: boolean; provider?: string } };
}

/** Whether someone may be collecting V8 coverage in this process. */
export function coverageMayBeOn(): boolean {
  if (process.env.NODE_V8_COVERAGE) return true;
  const vitest = (globalThis as { __vitest_worker__?: VitestWorkerState }).__vitest_worker__;
  const coverage = vitest?.config?.coverage;
  if (coverage?.enabled && (coverage.provider ?? 'v8') === 'v8') return true;
  // Jest's v8 provider starts precise coverage in each worker; its options
  // reach the worker only through Jest's own config, so the command line is
  // all there is to go by (the runner's argv, also in --runInBand).
  return userFlags().concat(process.argv).some((arg) => /^--(coverage|collectCoverage)(=true)?$/.test(arg));
}

function deoptimizeEverything(): void {
  const session = ownInspectorSession();
  // Without an inspector (a Node built without it) the flags still apply to new code.
  if (!session) return;
  // On the thread that owns the inspector these run before post returns.
  session.post('Profiler.enable');
  session.post('Profiler.startPreciseCoverage', { callCount: false, detailed: false });
  session.post('Profiler.stopPreciseCoverage');
  session.post('Profiler.disable');
}

/**
 * Turns V8's inlining off and throws optimized code away; returns the
 * function that turns inlining back on as it was. Code optimized in between
 * stays without inlining until V8 optimizes it again.
 *
 * @example
 * const restore = showInlinedFrames();
 * try { await runner.run(calls); } finally { restore(); }
 */
export function showInlinedFrames(): () => void {
  const before = INLINING_FLAGS.map(flagValue);
  for (const flag of INLINING_FLAGS) v8.setFlagsFromString(`--no-${flag}`);
  if (!coverageMayBeOn()) deoptimizeEverything();
  return () => {
    INLINING_FLAGS.forEach((flag, i) => v8.setFlagsFromString(before[i] ? `--${flag}` : `--no-${flag}`));
  };
}
