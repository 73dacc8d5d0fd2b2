import { afterEach, describe, expect, it } from 'vitest';
import { HandleTracker } from '../../src/verdict/handle-tracker.js';

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

  it('counts the calls made in rounds, not those before them', () => {
    const tracker = new HandleTracker();
    const call = tracker.wrap(() => undefined);
    call();
    call();
    tracker.round = 1;
    call();
    tracker.round = 2;
    call();
    expect(tracker.callsInRounds).toBe(2);
  });
});
