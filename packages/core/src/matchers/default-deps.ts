import { getCapture } from '../capture/index.js';
import { checkpointRunningFile } from '../tasks/checkpoint.js';
import { currentTestScope } from '../tasks/storage.js';
import { checkTracked } from '../track/check.js';
import { checkLeak } from '../verdict/check-leak.js';
import type { MatcherDeps } from './types.js';
import { testTimeLeftMs } from './test-time-left.js';

/**
 * The real dependencies: the leak verdict, the process's shared capture,
 * the tracked-object check, and findings attached to the running task so
 * the report shows them under the test that failed.
 */
export function defaultMatcherDeps(): MatcherDeps {
  return {
    checkLeak: (fn, options) => checkLeak(fn, options, { verdictName: 'toLeak' }),
    capture: getCapture,
    checkTracked: (name) => checkTracked({ name, capture: getCapture() }),
    recordFindings: (findings) => {
      currentTestScope()?.node.findings.push(...findings);
    },
    checkpoint: checkpointRunningFile,
    testTimeLeftMs: () => testTimeLeftMs(),
  };
}
