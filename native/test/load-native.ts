import { createRequire } from 'node:module';
import type { NativeBinding } from '@memscope/native';

// Node's own require, so the addon loads the way users load it (not through
// the test runner's module transform).
export const requireNative = createRequire(import.meta.url);

export const native: NativeBinding = requireNative('@memscope/native');

/** FinalizationRegistry callbacks run as a task after the GC, so give them a turn. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
