import { afterEach, describe, expect, it } from 'vitest';
import { watch, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { HandleTracker } from '../../src/verdict/handles/handle-tracker.js';

/** On Node 20 every enabled AsyncLocalStorage leaves one symbol on every promise made after it. */
const symbolsOnANewPromise = (): number => Object.getOwnPropertySymbols(Promise.resolve()).length;

const timers: NodeJS.Timeout[] = [];
afterEach(() => {
  for (const timer of timers.splice(0)) clearTimeout(timer);
});

/** A tracker that watched one call of `fn`, as a verdict's would. */
function trackOneCall(fn: () => void): HandleTracker {
  const tracker = new HandleTracker();
  tracker.start();
  tracker.wrap(fn)();
  tracker.stop();
  return tracker;
}

describe('the handle tracker', () => {
  it('leaves promises no heavier, however many trackers ran', () => {
    trackOneCall(() => undefined);
    const before = symbolsOnANewPromise();
    for (let i = 0; i < 5; i++) trackOneCall(() => undefined);
    expect(symbolsOnANewPromise()).toBe(before);
  });

  it('counts only the handles its own calls opened, beside another tracker', () => {
    const mine = new HandleTracker();
    const other = new HandleTracker();
    mine.start();
    other.start();
    try {
      mine.wrap(() => void timers.push(setTimeout(() => undefined, 60_000)))();
      other.wrap(() => {
        timers.push(setTimeout(() => undefined, 60_000));
        timers.push(setTimeout(() => undefined, 60_000));
      })();
      expect(mine.liveCount()).toBe(1);
      expect(other.liveCount()).toBe(2);
    } finally {
      mine.stop();
      other.stop();
    }
  });

  it('numbers every call, warm-up included: a cap may be reached before the rounds', () => {
    const tracker = new HandleTracker();
    const call = tracker.wrap(() => undefined);
    call();
    call();
    tracker.round = 1;
    call();
    expect(tracker.calls).toBe(3);
  });

  it("counts unref'd timers and watchers as open, and closed ones as closed", async () => {
    const watchers: FSWatcher[] = [];
    const tracker = new HandleTracker();
    tracker.start();
    try {
      const call = tracker.wrap(() => {
        timers.push(setTimeout(() => undefined, 60_000).unref());
        watchers.push(watch(tmpdir()).unref());
      });
      call();
      call();
      call();
      expect(tracker.liveCount()).toBe(6);
      for (const watcher of watchers) watcher.close();
      clearTimeout(timers[0]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(tracker.liveHandles().map((h) => h.type)).toEqual(['Timeout', 'Timeout']);
    } finally {
      tracker.stop();
      for (const watcher of watchers) watcher.close();
    }
  });

  it('forgets a timer once it fired', async () => {
    const tracker = trackOneCall(() => void setTimeout(() => undefined, 1));
    expect(tracker.liveCount()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tracker.liveCount()).toBe(0);
  });

  it('counts a timer re-armed after it fired as one handle, however often it was re-armed', async () => {
    // Node gives a refreshed timer that had fired a new async id: undici's one
    // module-wide timer, re-armed by later requests, read as one more per round.
    const tracker = new HandleTracker();
    tracker.start();
    let shared: NodeJS.Timeout | undefined;
    const call = tracker.wrap(() => {
      if (shared) shared.refresh();
      else shared = setTimeout(() => undefined, 1);
    });
    try {
      for (let i = 0; i < 5; i++) {
        call();
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      call();
      expect(tracker.liveCount()).toBe(1);
    } finally {
      tracker.stop();
      clearTimeout(shared);
    }
  });

  it('charges a handle made ticks later to the call that asked for it', async () => {
    const tracker = new HandleTracker();
    tracker.start();
    try {
      // Three calls in one synchronous batch; their timers are made after all three ran.
      const call = tracker.wrap(() => process.nextTick(() => timers.push(setTimeout(() => undefined, 60_000))));
      call();
      call();
      call();
      await new Promise((resolve) => setImmediate(resolve));
      expect(tracker.liveHandles().map((h) => h.call)).toEqual([1, 2, 3]);
      expect(tracker.groupsLeftOpen(false)).toMatchObject([{ type: 'Timeout', open: 3, firstCall: 1, lastCall: 3 }]);
    } finally {
      tracker.stop();
    }
  });

  it('unrefs the timers its calls left armed, which still run and still count as open', () => {
    const tracker = new HandleTracker();
    tracker.start();
    const mine: NodeJS.Timeout[] = [];
    const call = tracker.wrap(() => void mine.push(setInterval(() => undefined, 60_000)));
    for (let i = 0; i < 3; i++) call();
    tracker.stop();
    timers.push(...mine);
    tracker.releaseTimers();
    expect(mine.map((timer) => timer.hasRef())).toEqual([false, false, false]);
    expect(tracker.liveCount()).toBe(3);
  });

  it('leaves a handle opened once, by the first call, out of the groups left open per call', () => {
    const tracker = new HandleTracker();
    tracker.start();
    try {
      let shared: NodeJS.Timeout | undefined;
      const call = tracker.wrap(() => {
        shared ??= setInterval(() => undefined, 60_000);
        timers.push(shared);
      });
      for (let i = 0; i < 10; i++) call();
      expect(tracker.liveCount()).toBe(1);
      expect(tracker.groupsLeftOpen(true)).toEqual([]);
    } finally {
      tracker.stop();
    }
  });

  it("charges a timer armed outside the calls to the call running then, past the runner's own timer", () => {
    const tracker = new HandleTracker();
    tracker.start();
    try {
      timers.push(setTimeout(() => undefined, 60_000)); // before any call: not the function's
      const call = tracker.wrap(() => Promise.resolve());
      call();
      timers.push(setTimeout(() => undefined, 60_000)); // where the runner arms its call timeout
      timers.push(setTimeout(() => undefined, 60_000)); // a library's, in a callback of its own
      expect(tracker.liveHandles().map((h) => [h.call, h.outsideTheCalls])).toEqual([[1, true]]);
    } finally {
      tracker.stop();
    }
  });
});
