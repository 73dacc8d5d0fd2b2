export { track } from './registry.js';
export { checkTracked, checkTrackedEntries } from './check.js';
export type { CheckTrackedOptions } from './check.js';
//# sourceMappingURL=index.d.ts.map