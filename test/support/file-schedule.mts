import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// An .mts module of its own: vitest.config.mts loads it, and the root package is CommonJS.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Test files that keep both of CI's 2 cores busy on their own: they start two
 * measuring processes at once (both Jest or Vitest versions side by side, a
 * Jest run with two workers, a slot queue of two children, two npm installs,
 * a scan in the worker beside a Jest child, Chromium's processes). They run
 * one at a time, after the others: verdicts time their rounds, and a third
 * busy process beside a pair makes heap-sensitive tests flaky.
 */
export const TWO_PROCESS_FILES = [
  'test/real-world/real-world.test.ts',
  'test/real-world/sites.test.ts',
  'test/components/components.test.ts',
  'test/packed-install/packed-install.test.ts',
  'native/test/preview-every-kind.test.ts',
  'test/jest/verdicts.test.ts',
  'test/jest/flavours.test.ts',
  'test/jest/faults.test.ts',
  'test/jest/baseline.test.ts',
  'test/jest/crash.test.ts',
  'test/jest/file-faults.test.ts',
  'test/vitest/file-faults.test.ts',
  'test/browser/dashboard.test.ts',
  'test/browser/hostile.test.ts',
];

/**
 * Files of one process whose outcome needs the second core free: a deadline
 * for a worker to stop after SIGINT, V8 finishing an optimization on its
 * background thread, a clean case of timers on the pure-JS capture, the
 * concurrent-test attribution figures (a test beside a verdict charged with
 * bytes by the sampling profiler's pace, which a second busy process skews:
 * 27.3 MB allocated for a truth of 20.7 MB once). Each failed two files at a
 * time on a loaded 2-core machine (handles-left-open also one at a time,
 * more rarely).
 */
export const LOAD_SENSITIVE_FILES = [
  'test/vitest/faults.test.ts',
  'packages/core/test/main-context.test.ts',
  'packages/core/test/verdict/handles-left-open.test.ts',
  'test/vitest/attribution.test.ts',
  'test/jest/attribution.test.ts',
];

/** The files that run one at a time, after the others. */
export const ALONE_FILES = [...TWO_PROCESS_FILES, ...LOAD_SENSITIVE_FILES];

/**
 * The files of the first group (paired) that took over 3 s in a CI run, slowest
 * first. Started first, they leave the short files to fill the end, so both
 * workers finish close together; a stale entry costs time, not correctness.
 * On a clean clone Vitest has no timings and orders by file size, which put
 * the 70 s corpus file and several 6 s files among the last.
 */
export const SLOWEST_PAIRED_FILES = [
  'packages/core/test/verdict/findings-library-shapes.test.ts',
  'test/corpus/corpus.test.ts',
  'test/examples/react.test.ts',
  'packages/core/test/verdict/dom-tree-leaks.test.ts',
  'test/examples/examples.test.ts',
  'packages/core/test/verdict/async-small-leaks.test.ts',
  'test/vitest/diagnosis.test.ts',
  'packages/core/test/verdict/survivor-sampler.test.ts',
  'packages/core/test/verdict/keyed-growth.test.ts',
  'packages/core/test/verdict/collection-member-lead.test.ts',
  'test/vitest/pools.test.ts',
  'packages/core/test/analyzers/anonymous-listener-site.test.ts',
  'test/vitest/baseline.test.ts',
  'packages/core/test/verdict/array-elements-count.test.ts',
  'packages/core/test/analyzers/testing-library-rule.test.ts',
  'packages/core/test/analyzers/event-target-listeners.test.ts',
  'test/vitest/task-scopes.test.ts',
  'packages/core/test/tasks/checkpoint.test.ts',
  'packages/core/test/verdict/dom-storm-verdict.test.ts',
  'packages/core/test/capture/parity.test.ts',
  'packages/core/test/analyzers/closure-context-leak.test.ts',
  'packages/core/test/verdict/check-leak-api.test.ts',
  'packages/core/test/analyzers/keyed-growth.test.ts',
  'packages/core/test/cli/doctor.test.ts',
  'packages/core/test/analyzers/weakmap-values.test.ts',
  'test/vitest/shard.test.ts',
  'packages/core/test/analyzers/bundled-listener-title.test.ts',
];

/** Throws when a listed file is gone (a renamed file of one list would run two at a time) or is in both lists. */
export function checkListedFiles(): void {
  const missing = [...ALONE_FILES, ...SLOWEST_PAIRED_FILES].filter((file) => !existsSync(`${repoRoot}/${file}`));
  if (missing.length > 0) {
    throw new Error(`test/support/file-schedule.mts lists test files that do not exist: ${missing.join(', ')}; expected paths relative to the repository root`);
  }
  const both = SLOWEST_PAIRED_FILES.filter((file) => ALONE_FILES.includes(file));
  if (both.length > 0) {
    throw new Error(`test/support/file-schedule.mts lists files as paired and as alone: ${both.join(', ')}; expected each in one list`);
  }
}

/** Vitest's order (project group, then its own), with the slowest paired files moved to the front in the listed order. */
export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = SLOWEST_PAIRED_FILES.indexOf(relative(repoRoot, spec.moduleId));
      return index === -1 ? SLOWEST_PAIRED_FILES.length : index;
    };
    const groupOrder = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;
    // Array.prototype.sort is stable: within a rank, Vitest's order stays.
    return sorted.sort((a, b) => groupOrder(a) - groupOrder(b) || rank(a) - rank(b));
  }
}
