import { defineConfig } from 'vitest/config';
import { ALONE_FILES, checkListedFiles, SlowestFirstSequencer } from './test/support/file-schedule.mts';

checkListedFiles();

/** Every test file; each project narrows it. */
export const TEST_FILES = ['packages/*/test/**/*.test.ts', 'native/test/**/*.test.ts', 'test/**/*.test.ts'];

// Heap-sensitive tests measure the process they run in, and CI has 2 cores:
// never more than two measuring processes at once. Each file runs in a
// forked worker of its own; the files that may share the machine ('paired')
// run first, PAIRED_WORKERS at a time, then the files that already start two
// processes, and the few whose outcome needs the second core free, one at a
// time ('alone').
//
// Two at a time saves ~250 s of a clean-clone CI run (npm test 1035 s paired
// against ~1300 s one at a time). Clean-clone runs paired once failed a clean
// figure in a file run beside another: Vitest 3's "a bounded cache does not
// leak" (the warm-up's pace, stretched by the busy machine, made its rounds
// too small: fixed in verdict/warm-up.ts), a concurrent test's serial truth
// in test/vitest/attribution.test.ts (a file's first tests paid its one-time
// work: each fixture file now starts with three warm-up tests), and a
// concurrent test beside a verdict (27.3 MB allocated for 20.7 MB): the
// attribution files now run alone (file-schedule.mts, LOAD_SENSITIVE_FILES).
const PAIRED_WORKERS = 2;
// Projects extend this root config, and list arrays (include, exclude) of
// their own: an extending project's arrays are appended to the root's.
export default defineConfig({
  test: {
    pool: 'forks',
    isolate: true,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    sequence: { sequencer: SlowestFirstSequencer },
    projects: [
      {
        extends: true,
        test: { name: 'paired', include: TEST_FILES, exclude: ['**/node_modules/**', ...ALONE_FILES], maxWorkers: PAIRED_WORKERS, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'alone', include: ALONE_FILES, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
