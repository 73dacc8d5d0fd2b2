"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defaultMatcherDeps = defaultMatcherDeps;
const index_js_1 = require("../capture/index.js");
const storage_js_1 = require("../tasks/storage.js");
const check_js_1 = require("../track/check.js");
const check_leak_js_1 = require("../verdict/check-leak.js");
/**
 * The real dependencies: the leak verdict, the process's shared capture,
 * the tracked-object check, and findings attached to the running task so
 * the report shows them under the test that failed.
 */
function defaultMatcherDeps() {
    return {
        checkLeak: (fn, options) => (0, check_leak_js_1.checkLeak)(fn, options),
        capture: index_js_1.getCapture,
        checkTracked: (name) => (0, check_js_1.checkTracked)({ name, capture: (0, index_js_1.getCapture)() }),
        recordFindings: (findings) => {
            (0, storage_js_1.currentScope)()?.node.findings.push(...findings);
        },
    };
}
//# sourceMappingURL=default-deps.js.map