import type { LeakFilterRule } from './rules/types.js';
import { v8Internals } from './rules/v8-internals.js';
import { compiledRegExpData } from './rules/compiled-regexp.js';
import { memscopeOwn } from './rules/memscope-own.js';
import { testRunnerOwn } from './rules/test-runner.js';
import { consoleAndStdio } from './rules/console-stdio.js';
import { asyncBookkeeping } from './rules/async-bookkeeping.js';
import { heldOnlyByRoots } from './rules/root-held.js';
import { domEnvironmentOwn } from './rules/dom-environment.js';
import { testingLibraryContainers } from './rules/testing-library.js';

/** The shipped false-positive rules, cheapest and broadest first. */
export const leakFilterRules: readonly LeakFilterRule[] = [
  v8Internals,
  heldOnlyByRoots,
  compiledRegExpData,
  memscopeOwn,
  testRunnerOwn,
  consoleAndStdio,
  asyncBookkeeping,
  domEnvironmentOwn,
  testingLibraryContainers,
];

export type { LeakFilterRule, GroupView } from './rules/types.js';
