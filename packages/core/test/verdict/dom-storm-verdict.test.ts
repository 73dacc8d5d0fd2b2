// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { checkLeak } from '../../src/verdict/check-leak.js';
import { recordSnapshot } from '../../src/verdict/time-budget.js';

/** A widget that follows the window's width; `leak` forgets to stop on unmount. */
function mount(leak: boolean): () => void {
  const el = document.createElement('div');
  document.body.appendChild(el);
  const onResize = () => {
    el.dataset.width = String(window.innerWidth);
  };
  window.addEventListener('resize', onResize);
  return () => {
    if (!leak) window.removeEventListener('resize', onResize);
    el.remove();
  };
}

const TITLE = /^window gains 'resize' listeners: \+1 per call \(.+ per call\), closures of onResize \(.*dom-storm-verdict\.test\.ts:\d+\)$/;

describe('a listener storm on the DOM', () => {
  it("is counted in the window's listener list, without rounds or a snapshot when one does not fit in the time left", async () => {
    // Snapshots priced at 100 s per MB of heap: none fits in a minute.
    recordSnapshot(100_000, 1024 * 1024);
    const result = await checkLeak(() => mount(true)(), { timeLimit: 60_000 });
    expect(result.leaked).toBe(true);
    expect(result.findings.map((f) => f.title)).toEqual([expect.stringMatching(TITLE)]);
    expect(result.findings[0]).toMatchObject({ kind: 'storm', holder: 'window', allocationSite: { functionName: 'onResize' } });
    expect(result.findings[0]!.retainerPathText).toMatch(/^window → _eventListeners → Object → resize → Array → \[\d+\] → onResize$/);
    expect(result.stats).toMatchObject({ snapshots: 0, rounds: 4, cutShort: { step: 'explanation' } });
  }, 120_000);

  it('gets the snapshot explanation too when time allows, naming the storm once', async () => {
    const result = await checkLeak(() => mount(true)());
    expect(result.findings.map((f) => f.title)).toEqual([expect.stringMatching(TITLE)]);
    expect(result.stats.snapshots).toBeGreaterThan(0);
    expect(result.stats.cutShort).toBeUndefined();
  }, 120_000);
});
