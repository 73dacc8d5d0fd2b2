import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';

// Chosen before the first getCapture() in this worker; the pure-JS path keeps
// this file independent of whether the addon is built.
process.env.MEMSCOPE_CAPTURE = 'js';

/** Outside the async test, so no suspended frame keeps a stale reference to the target. */
function registerDropped(finalized: string[]): FinalizationRegistry<string> {
  const registry = new FinalizationRegistry<string>((token) => finalized.push(token));
  registry.register({ dropped: true }, 'dropped');
  return registry;
}

describe('getCapture', () => {
  it('returns one capture per process, even across fresh module registries', async () => {
    const first = (await import('../../src/capture/index.js')).getCapture();
    vi.resetModules();
    const again = (await import('../../src/capture/index.js')).getCapture();
    expect(first.path).toBe('js');
    expect(again).toBe(first);
  });

  it('keeps its state on the main context, where a vm context can reach it too', async () => {
    const { getCapture } = await import('../../src/capture/index.js');
    const fromContext = vm.runInNewContext('vm.runInThisContext("globalThis")[Symbol.for("memscope.capture.state")]', { vm });
    expect((fromContext as { selection: { capture: unknown } }).selection.capture).toBe(getCapture());
  });

  it('settles: a value held only by a FinalizationRegistry target is finalized', async () => {
    const { getCapture, settle } = await import('../../src/capture/index.js');
    const finalized: string[] = [];
    const registry = registerDropped(finalized);
    await settle(getCapture(), 'thorough');
    expect(registry).toBeInstanceOf(FinalizationRegistry);
    expect(finalized).toEqual(['dropped']);
  });
});
