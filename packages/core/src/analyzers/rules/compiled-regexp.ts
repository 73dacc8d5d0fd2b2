import type { LeakFilterRule } from './types.js';

export const compiledRegExpData: LeakFilterRule = {
  name: 'compiled-regexp-data',
  why: 'V8 caches compiled RegExp code and last-match info per pattern; it is bounded by the number of patterns.',
  excludesGroup(group) {
    return /RegExpLastMatchInfo|\(RegExp/.test(group.name) || /regexp_last_match_info|RegExpLastMatchInfo/.test(group.pathText);
  },
};
