import { createJsCapture } from '../../src/capture/js/js.js';
import type { Capture } from '../../src/capture/types.js';
import { createFileRecorder, type FileRecorderOptions } from '../../src/tasks/recorder.js';

/** The capture under test: the pure-JS one always works; the recorder takes any Capture. */
let shared: Capture | null = null;
export function testCapture(): Capture {
  shared ??= createJsCapture();
  return shared;
}

export function newRecorder(options: Partial<FileRecorderOptions> = {}) {
  return createFileRecorder({ rootDir: '/project', file: '/project/src/cache.test.ts', capture: testCapture(), ...options });
}

export const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));
