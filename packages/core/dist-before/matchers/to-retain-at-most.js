"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createToRetainAtMost = createToRetainAtMost;
const format_js_1 = require("../report/format.js");
const budget_js_1 = require("./budget.js");
const colors_js_1 = require("./colors.js");
const measure_js_1 = require("./measure.js");
/** `await expect(fn).toRetainAtMost(bytes, options?)`; see MemscopeMatchers for the definition. */
function createToRetainAtMost(deps) {
    return async function toRetainAtMost(received, bytes, options) {
        (0, budget_js_1.assertByteBudget)(bytes, 'toRetainAtMost', 'bytes');
        const m = await (0, measure_js_1.measureRetention)(received, deps.capture(), options);
        const isNot = this.isNot === true;
        return {
            pass: m.retainedBytes <= bytes,
            message: () => {
                const c = (0, colors_js_1.matcherColors)(this.utils);
                const hint = this.utils.matcherHint('toRetainAtMost', 'fn', 'bytes', { isNot, promise: this.promise ?? '' });
                const calls = `${m.calls} call${m.calls === 1 ? '' : 's'}`;
                const split = `heap ${(0, format_js_1.formatBytes)(m.heapBytes)}, external ${(0, format_js_1.formatBytes)(m.externalBytes)}`;
                return [
                    hint,
                    '',
                    `Expected: ${isNot ? 'more than ' : 'at most '}${c.green((0, format_js_1.formatBytes)(bytes))} retained`,
                    `Received: ${c.red((0, format_js_1.formatBytes)(m.retainedBytes))} retained after ${calls} and a settled GC ${c.dim(`(${split})`)}`,
                ].join('\n');
            },
        };
    };
}
//# sourceMappingURL=to-retain-at-most.js.map