// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { checkLeak } from '../../src/verdict/check-leak.js';

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

describe('a listener storm on the DOM', () => {
  it("is the verdict's finding, counted in the window's listener list without rounds or a snapshot", async () => {
    const result = await checkLeak(() => mount(true)());
    expect(result.leaked).toBe(true);
    expect(result.findings.map((f) => f.title)).toEqual([expect.stringMatching(/^window gains 'resize' listeners: \+1 per call \(.+ per call\), closures of onResize \(.*dom-storm-verdict\.test\.ts:\d+\)$/)]);
    expect(result.findings[0]).toMatchObject({ kind: 'storm', holder: 'window', allocationSite: { functionName: 'onResize' } });
    expect(result.findings[0]!.retainerPathText).toMatch(/^window → _eventListeners → Object → resize → Array → \[\d+\] → onResize$/);
    expect(result.stats).toMatchObject({ snapshots: 0, rounds: 4 });
  }, 120_000);
});
