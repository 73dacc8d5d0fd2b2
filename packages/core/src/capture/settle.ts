import { setImmediate } from 'node:timers';
import type { Capture, GcMode } from './types.js';

/**
 * A settled heap: collect, let FinalizationRegistry callbacks and other
 * cleanup queued by the first collection run (they run only after a
 * macrotask; a microtask is not enough), then collect what they released.
 * Uses node:timers' setImmediate, which fake timers do not replace.
 *
 * @example
 * await settle(getCapture(), 'thorough');
 */
export async function settle(capture: Capture, mode: GcMode = 'fast'): Promise<void> {
  capture.gc(mode);
  await new Promise<void>((resolve) => setImmediate(resolve));
  capture.gc(mode);
}
