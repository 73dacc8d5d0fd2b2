/** The matchers memscope adds to `expect`, in the order the docs list them. */
export const MATCHER_NAMES = ['toLeak', 'toAllocateAtMost', 'toRetainAtMost', 'toBeCollected'] as const;
export type MatcherName = (typeof MATCHER_NAMES)[number];
