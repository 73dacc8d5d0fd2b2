import type { Capture } from '../../src/capture/types.js';
import { nowMs } from '../../src/node-clock.js';
import { CallRunner } from '../../src/verdict/calls/call-runner.js';
import { HandleTracker } from '../../src/verdict/handles/handle-tracker.js';
import type { ScreenInput } from '../../src/verdict/screen/screen.js';

/** A screen of exact rounds of 60 calls of `fn` that may stop early, as a clean component's verdict starts; `leftMs` is the test's time left (none: no limit). */
export function exactScreenInput(capture: Capture, fn: () => void, leftMs?: number): ScreenInput {
  const now = nowMs();
  return {
    capture,
    runner: new CallRunner(fn, 1000),
    tracker: new HandleTracker(),
    gcMode: 'fast',
    callsPerRound: 60,
    rounds: 6,
    maxRounds: 16,
    threshold: 8,
    earlyStop: true,
    precise: true,
    ...(leftMs === undefined ? {} : { deadline: { soft: now + leftMs, hard: now + leftMs } }),
    pace: { roundMs: 0 },
  };
}
