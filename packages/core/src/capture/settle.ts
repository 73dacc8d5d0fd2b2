import { nextMacrotask } from '../node-clock.js';
import type { Capture, GcMode } from './types.js';

/**
 * A settled heap: collect; let the FinalizationRegistry callbacks that the
 * collection queued run (V8 posts them as a task, so they run only after a
 * macrotask; a microtask is not enough); collect what they released; and
 * yield once more so callbacks for objects freed by that second collection
 * have run too when this resolves. Uses node:timers' setImmediate, which
 * fake timers do not replace.
 *
 * @example
 * await settle(getCapture(), 'thorough');
 */
export async function settle(capture: Capture, mode: GcMode = 'fast'): Promise<void> {
  capture.gc(mode);
  await nextMacrotask();
  capture.gc(mode);
  await nextMacrotask();
}
