import type { LeakFilterRule } from './types.js';

export const memscopeOwn: LeakFilterRule = {
  name: 'memscope-own',
  why: "memscope's own bookkeeping (the handle tracker's records, the call runner, samples) grows while it measures.",
  excludesGroup(group) {
    return /^Memscope/.test(group.name) || /HandleTracker|CallRunner|Memscope/.test(group.pathText);
  },
};
