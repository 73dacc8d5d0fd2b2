import { describe, expect, it } from 'vitest';
import type { Capture } from '../../src/capture/types.js';
import { CallRunner } from '../../src/verdict/calls/call-runner.js';
import { HandleTracker } from '../../src/verdict/handles/handle-tracker.js';
import type { ScreenInput } from '../../src/verdict/screen/screen.js';
import { firstPhase, nextPhase, type Phase, type WindowFacts } from '../../src/verdict/screen/screen-plan.js';
import { screenInWindows } from '../../src/verdict/screen/windows.js';
import { traceLine } from '../../src/verdict/trace.js';
import type { TraceStep } from '../../src/verdict/types.js';
import { callKeeping, intervalHeapCapture, type IntervalHeap } from '../support/interval-heap.js';

/** Facts of a window that showed nothing: every predicate false unless set. */
function facts(set: Partial<Record<keyof WindowFacts, boolean>> = {}): WindowFacts {
  const names: (keyof WindowFacts)[] = [
    'passed', 'exactRoundsOverrun', 'cutShort', 'lostInNoise', 'exact', 'exactSoFar', 'flat', 'falling', 'drowned', 'noisy',
    'async', 'canGrowRounds', 'fullRounds', 'onlyHeapMoved', 'exactEnds', 'hidesGrowth', 'anyGrowth', 'pageSizedGrowth',
  ];
  return Object.fromEntries(names.map((name) => [name, () => set[name] ?? false])) as unknown as WindowFacts;
}

const plainRounds: Phase = { kind: 'rounds', mode: 'plain', forTime: false };
const exactRounds: Phase = { kind: 'rounds', mode: 'exact', forTime: false };

describe('the screen plan picks the next phase by named facts', () => {
  it('starts with the quick window only for exact, sync rounds that may stop early', () => {
    expect(firstPhase({ mode: 'exact', earlyStop: true, async: false }).next).toEqual({ kind: 'quickWindow' });
    expect(firstPhase({ mode: 'exact', earlyStop: true, async: true }).next).toEqual(exactRounds);
    expect(firstPhase({ mode: 'exact', earlyStop: false, async: false }).next).toEqual(exactRounds);
    expect(firstPhase({ mode: 'sampled', earlyStop: true, async: true }).next).toEqual({ kind: 'rounds', mode: 'sampled', forTime: false });
  });

  it('starts a DOM environment whose exact readings would overrun the time limit with plain rounds, for time', () => {
    expect(firstPhase({ mode: 'exact', earlyStop: true, async: false, domExactOverrun: true }).next).toEqual({ kind: 'rounds', mode: 'plain', forTime: true });
    expect(firstPhase({ mode: 'exact', earlyStop: true, async: false, domExactOverrun: false }).next).toEqual({ kind: 'quickWindow' });
    // Sampled and plain rounds read no exact heap: their first phase stays.
    expect(firstPhase({ mode: 'sampled', earlyStop: true, async: false, domExactOverrun: true }).next).toEqual({ kind: 'rounds', mode: 'sampled', forTime: false });
  });

  it.each([
    ['a clean quick window is judged', { kind: 'quickWindow' }, { passed: true }, { kind: 'judge' }, 'flat, passed'],
    ['a quick window that kept bytes goes on to exact rounds', { kind: 'quickWindow' }, {}, exactRounds, 'not clean'],
    ['exact rounds that would overrun give way to plain ones', { kind: 'quickWindow' }, { exactRoundsOverrun: true }, { kind: 'rounds', mode: 'plain', forTime: true }, 'not clean; exact rounds would overrun the time limit'],
    ['rounds cut short are judged as they are', plainRounds, { cutShort: true, flat: true, async: true, canGrowRounds: true }, { kind: 'judge' }, 'cut short'],
    ['rounds lost in noise are judged as they are', exactRounds, { exact: true, lostInNoise: true, anyGrowth: true }, { kind: 'judge' }, 'lost in noise'],
    ['flat exact rounds with nothing grown are judged', exactRounds, { exact: true, flat: true }, { kind: 'judge' }, 'flat'],
    ['noisy flat async exact rounds grow', exactRounds, { exact: true, flat: true, noisy: true, async: true, canGrowRounds: true }, { kind: 'largerRounds' }, 'async, flat, noisy'],
    ['noisy flat async exact rounds the user sized stay', exactRounds, { exact: true, flat: true, noisy: true, async: true }, { kind: 'judge' }, 'flat'],
    ['quiet flat async exact rounds are judged', exactRounds, { exact: true, flat: true, async: true, canGrowRounds: true }, { kind: 'judge' }, 'flat'],
    ['falling exact rounds run again exactly', exactRounds, { exact: true, falling: true }, { kind: 'rescreen', exact: true }, 'falling'],
    ['exact growth gets a second window', exactRounds, { exact: true, exactSoFar: true, anyGrowth: true, pageSizedGrowth: true }, { kind: 'secondWindow', switchToExact: false }, 'grew'],
    ['drowned flat plain rounds grow', plainRounds, { flat: true, drowned: true, canGrowRounds: true }, { kind: 'largerRounds' }, 'flat, drowned'],
    ['flat async plain rounds grow', plainRounds, { flat: true, async: true, canGrowRounds: true }, { kind: 'largerRounds' }, 'async, flat'],
    ['plain rounds run for time never grow', { kind: 'rounds', mode: 'plain', forTime: true }, { flat: true, async: true, canGrowRounds: true }, { kind: 'judge' }, 'flat'],
    ['a drowned fast function is screened again exactly', plainRounds, { flat: true, drowned: true, exactEnds: true, fullRounds: true, onlyHeapMoved: true }, { kind: 'rescreen', exact: true }, 'flat, drowned, full rounds'],
    ['a drowned window whose rounds could still grow reads its exact end', plainRounds, { flat: true, drowned: true, exactEnds: true, onlyHeapMoved: true }, { kind: 'exactEnd' }, 'flat'],
    ['a drowned async window reads its exact end', plainRounds, { flat: true, drowned: true, async: true, exactEnds: true, fullRounds: true, onlyHeapMoved: true }, { kind: 'exactEnd' }, 'flat'],
    ['a drowned window where more than the heap moved reads its exact end', plainRounds, { flat: true, drowned: true, exactEnds: true, fullRounds: true }, { kind: 'exactEnd' }, 'flat'],
    ['a flat plain window with an exact start reads its exact end', plainRounds, { flat: true, exactEnds: true }, { kind: 'exactEnd' }, 'flat'],
    ['falling plain rounds run again', plainRounds, { falling: true }, { kind: 'rescreen', exact: false }, 'falling'],
    ['page-sized plain growth is confirmed exactly', plainRounds, { anyGrowth: true, pageSizedGrowth: true }, { kind: 'secondWindow', switchToExact: true }, 'grew by a page or two, exact next'],
    ['exact ends that grew send the window to exact rounds', { kind: 'exactEnd' }, { flat: true, hidesGrowth: true }, { kind: 'rescreen', exact: true }, 'hid growth'],
    ['exact ends that agree leave a falling window to run again', { kind: 'exactEnd' }, { flat: true, falling: true }, { kind: 'rescreen', exact: false }, 'falling'],
    ['larger rounds that grew get a second window', { kind: 'largerRounds' }, { anyGrowth: true }, { kind: 'secondWindow', switchToExact: false }, 'grew'],
    ['a second window is judged', { kind: 'secondWindow', switchToExact: false }, { anyGrowth: true }, { kind: 'judge' }, 'done'],
  ] as [string, Phase, Partial<Record<keyof WindowFacts, boolean>>, Phase, string][])('%s', (_name, done, set, next, why) => {
    expect(nextPhase(done, facts(set))).toEqual({ next, why });
  });

  it('asks for a costly fact only on the path that needs it', () => {
    const asked: string[] = [];
    const spy = new Proxy(facts({ flat: true, exactEnds: true }), {
      get: (target, name: string) => (asked.push(name), target[name as keyof WindowFacts]),
    });
    nextPhase(plainRounds, spy);
    // The exact end is a phase of its own: reading it is never a side effect of deciding.
    expect(asked).not.toContain('hidesGrowth');
    expect(asked).not.toContain('pageSizedGrowth');
  });
});

/**
 * A heap whose readings follow the calls: each call adds `keep` bytes and
 * frees `free` bytes of what was there before. Exact readings sum the live
 * bytes by id interval (as the native capture's marks do); without `exact`,
 * the capture has plain readings only. With `hide`, a plain reading shows
 * the heap as the last exact reading left it (survivors put into space
 * already counted, see hidesGrowth).
 */
function modelCapture({ keep = 0, free = 0, exact = true, hide = false }: { keep?: number; free?: number; exact?: boolean; hide?: boolean }) {
  const { capture, heap } = intervalHeapCapture({ exact, ...(hide ? { plainBytes: (at: IntervalHeap) => at.settled } : {}) });
  return { capture, call: callKeeping(heap, keep, free), heap };
}

function input(capture: Capture, fn: () => unknown, precise: boolean, callsPerRound = 60): ScreenInput {
  return { capture, runner: new CallRunner(fn, 1000), tracker: new HandleTracker(), gcMode: 'fast', callsPerRound, rounds: 6, maxRounds: 16, threshold: 8, earlyStop: true, precise, pace: { roundMs: 0 } };
}

/** The trace's phases and decisions, without the figures each step shows. */
const steps = (trace: TraceStep[]) => trace.map((step) => (step.phase === 'warm-up' ? `warm-up → ${step.next}` : `${step.phase}: ${step.why} → ${step.next}`));

describe('the screen follows the plan and traces it', () => {
  it('passes a clean sync function in the quick window', async () => {
    const { capture, call } = modelCapture({});
    const { trace, quick } = await screenInWindows(input(capture, call, true), 6, true);
    expect(quick).toBeDefined();
    expect(trace.map(traceLine)).toEqual(['warm-up: 60 calls a round; exact, sync → quick window', 'quick window: kept 0 B; flat, passed → judge']);
  });

  it('screens a leak in exact rounds, then a second window', async () => {
    const { capture, call } = modelCapture({ keep: 400 });
    const { trace, exactRounds } = await screenInWindows(input(capture, call, true), 6, true);
    expect(steps(trace)).toEqual(['warm-up → quick window', 'quick window: not clean → rounds (exact)', 'rounds (exact): grew → second window', 'second window: done → judge']);
    expect(trace[2]!.saw).toMatch(/heapUsed \+400 B\/call, fit 1\.00/);
    expect(exactRounds).toBeGreaterThanOrEqual(12);
  });

  it('gives a flat async function larger rounds', async () => {
    const { capture, call } = modelCapture({ exact: false });
    const screenInput = input(capture, async () => call(), false);
    await screenInput.runner.run(1);
    const { trace, callsPerRound } = await screenInWindows(screenInput, 6, true);
    expect(steps(trace)).toEqual(['warm-up → rounds (plain)', 'rounds (plain): async, flat → larger rounds', 'larger rounds: flat → judge']);
    expect(callsPerRound).toBe(240);
  });

  it('keeps the user’s round size for the same function', async () => {
    const { capture, call } = modelCapture({ exact: false });
    const screenInput = input(capture, async () => call(), false);
    await screenInput.runner.run(1);
    const { trace } = await screenInWindows(screenInput, 6, false);
    expect(steps(trace)).toEqual(['warm-up → rounds (plain)', 'rounds (plain): flat → judge']);
  });

  it('screens a fast function again exactly when its exact ends grew', async () => {
    const { capture, call } = modelCapture({ keep: 60, hide: true });
    const { trace, exactRounds } = await screenInWindows(input(capture, call, false, 2000), 6, true);
    expect(steps(trace)).toEqual([
      'warm-up → rounds (plain)',
      'rounds (plain): flat → exact end',
      'exact end: hid growth → rescreen (exact)',
      'rescreen (exact): grew → second window',
      'second window: done → judge',
    ]);
    expect(exactRounds).toBeGreaterThan(0);
  });

  it('screens a falling heap once more', async () => {
    const { capture, call } = modelCapture({ free: 50, exact: false });
    const { trace } = await screenInWindows(input(capture, call, false, 2000), 6, true);
    expect(steps(trace)).toEqual(['warm-up → rounds (plain)', 'rounds (plain): falling → rescreen (same)', 'rescreen (same): flat → judge']);
  });
});
