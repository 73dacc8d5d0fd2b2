"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_BASELINE_FIGURES = exports.DEFAULT_BASELINE_FILE = exports.BASELINE_KIND = exports.BASELINE_SCHEMA_VERSION = void 0;
/**
 * `memscope.baseline.json`, committed with the project. It holds each test's
 * figures and, optionally, tolerances the user wrote by hand; updating the
 * baseline rewrites the figures and keeps the tolerances.
 *
 * A figure regresses when `new > old + max(absolute, relative × old)`.
 * Tolerances resolve per test, then per file (`tolerance`), then from the
 * defaults, which are wider for sampled and inferred figures than for
 * measured (settled) ones.
 *
 * @example
 * {
 *   "schemaVersion": 1,
 *   "kind": "memscope-baseline",
 *   "mode": "sampled",
 *   "figures": ["retained", "allocated", "handlesLeftOpen"],
 *   "tolerance": { "allocated": { "relative": 0.3 } },
 *   "tests": {
 *     "src/cache.test.ts > Cache > evicts": {
 *       "file": "src/cache.test.ts",
 *       "path": ["Cache", "evicts"],
 *       "figures": { "allocated": { "value": 182344, "source": "sampled" } },
 *       "tolerance": { "allocated": { "absolute": 262144 } }
 *     }
 *   }
 * }
 */
exports.BASELINE_SCHEMA_VERSION = 1;
exports.BASELINE_KIND = 'memscope-baseline';
exports.DEFAULT_BASELINE_FILE = 'memscope.baseline.json';
exports.DEFAULT_BASELINE_FIGURES = ['retained', 'allocated', 'handlesLeftOpen'];
//# sourceMappingURL=types.js.map