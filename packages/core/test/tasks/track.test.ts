import { describe, expect, it } from 'vitest';
import { isMemscopeError } from '../../src/errors.js';
import { checkTracked, track } from '../../src/track/index.js';
import { newRecorder, testCapture } from './helpers.js';

class Session {
  constructor(readonly user: string) {}
}

/** The holder a kept session is found through. */
const sessionCache = new Map<string, Session>();

// Made in helpers so no local variable of the test keeps them alive.
function trackKept(name: string): void {
  const session = track(new Session('kept'), name);
  sessionCache.set('kept', session);
}
function trackDropped(name: string): void {
  track(new Session('dropped'), name);
}

describe('track and checkTracked', () => {
  it('says a dropped object was collected and names the holder of a kept one', async () => {
    const recorder = newRecorder();
    const reports = await recorder.runTask('test', ['sessions'], async () => {
      trackKept('kept session');
      trackDropped('dropped session');
      return [await checkTracked('kept session'), await checkTracked('dropped session')];
    });
    const [[kept], [dropped]] = reports;
    expect(dropped).toEqual({ name: 'dropped session', collected: true });
    expect(kept?.collected).toBe(false);
    expect(kept?.retainerPath).toMatch(/^\(module\) sessionCache → Map → table\[\d+\] → Session$/);
    // The end of the test checks again and keeps the result on the task.
    const node = (await recorder.finish()).tasks.find((task) => task.name === 'sessions')!;
    expect(node.tracked.map((entry) => [entry.name, entry.collected])).toEqual([
      ['kept session', false],
      ['dropped session', true],
    ]);
    sessionCache.clear();
  }, 60_000);

  it('keeps two tracked objects of one name', async () => {
    const recorder = newRecorder();
    const reports = await recorder.runTask('test', ['twins'], async () => {
      trackKept('twin');
      trackDropped('twin');
      return checkTracked('twin');
    });
    sessionCache.clear();
    expect(reports.map((report) => report.collected).sort()).toEqual([false, true]);
    await recorder.finish();
  }, 60_000);

  it('refuses primitives with ERR_MEMSCOPE_NOT_TRACKABLE and unknown names with a usage error', async () => {
    for (const value of [1, 'text', null, undefined, Symbol('s'), 10n]) {
      try {
        track(value, 'primitive');
        expect.unreachable();
      } catch (error) {
        expect(isMemscopeError(error) && error.code).toBe('ERR_MEMSCOPE_NOT_TRACKABLE');
      }
    }
    expect(() => track({}, '')).toThrow(/non-empty string as name/);
    await expect(checkTracked({ name: 'never tracked', capture: testCapture() })).rejects.toThrow(/no object was tracked under that name/);
  });
});
