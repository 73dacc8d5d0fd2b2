"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.matcherColors = exports.measureRetention = exports.measureAllocation = exports.formatStatistics = exports.formatLeakDiagnosis = exports.defaultMatcherDeps = exports.MATCHER_NAMES = void 0;
exports.createMatchers = createMatchers;
const to_allocate_at_most_js_1 = require("./to-allocate-at-most.js");
const to_be_collected_js_1 = require("./to-be-collected.js");
const to_leak_js_1 = require("./to-leak.js");
const to_retain_at_most_js_1 = require("./to-retain-at-most.js");
/** The names every plugin installs; each returns a promise and must be awaited. */
exports.MATCHER_NAMES = ['toLeak', 'toAllocateAtMost', 'toRetainAtMost', 'toBeCollected'];
/**
 * The memscope matchers bound to their dependencies, ready for a
 * framework's `expect.extend`.
 *
 * @example
 * expect.extend(createMatchers(defaultMatcherDeps()));
 */
function createMatchers(deps) {
    return {
        toLeak: (0, to_leak_js_1.createToLeak)(deps),
        toAllocateAtMost: (0, to_allocate_at_most_js_1.createToAllocateAtMost)(deps),
        toRetainAtMost: (0, to_retain_at_most_js_1.createToRetainAtMost)(deps),
        toBeCollected: (0, to_be_collected_js_1.createToBeCollected)(deps),
    };
}
var default_deps_js_1 = require("./default-deps.js");
Object.defineProperty(exports, "defaultMatcherDeps", { enumerable: true, get: function () { return default_deps_js_1.defaultMatcherDeps; } });
var diagnosis_js_1 = require("./diagnosis.js");
Object.defineProperty(exports, "formatLeakDiagnosis", { enumerable: true, get: function () { return diagnosis_js_1.formatLeakDiagnosis; } });
Object.defineProperty(exports, "formatStatistics", { enumerable: true, get: function () { return diagnosis_js_1.formatStatistics; } });
var measure_js_1 = require("./measure.js");
Object.defineProperty(exports, "measureAllocation", { enumerable: true, get: function () { return measure_js_1.measureAllocation; } });
Object.defineProperty(exports, "measureRetention", { enumerable: true, get: function () { return measure_js_1.measureRetention; } });
var colors_js_1 = require("./colors.js");
Object.defineProperty(exports, "matcherColors", { enumerable: true, get: function () { return colors_js_1.matcherColors; } });
//# sourceMappingURL=index.js.map