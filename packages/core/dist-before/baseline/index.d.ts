export { compareWithBaseline } from './judge.js';
export { loadBaseline, parseBaseline } from './read.js';
export { defaultTolerance, limitFor, resolveTolerance } from './tolerance.js';
export { nextBaseline, shouldUpdateBaseline, updateBaseline } from './update.js';
export { BASELINE_KIND, BASELINE_SCHEMA_VERSION, DEFAULT_BASELINE_FIGURES, DEFAULT_BASELINE_FILE, } from './types.js';
export type { BaselineFile, BaselineTest, LoadedBaseline, ToleranceOverrides } from './types.js';
//# sourceMappingURL=index.d.ts.map