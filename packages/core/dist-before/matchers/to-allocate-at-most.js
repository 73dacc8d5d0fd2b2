"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createToAllocateAtMost = createToAllocateAtMost;
const format_js_1 = require("../report/format.js");
const budget_js_1 = require("./budget.js");
const colors_js_1 = require("./colors.js");
const measure_js_1 = require("./measure.js");
/** `await expect(fn).toAllocateAtMost(bytesPerCall, options?)`; see MemscopeMatchers for the definition. */
function createToAllocateAtMost(deps) {
    return async function toAllocateAtMost(received, bytesPerCall, options) {
        (0, budget_js_1.assertByteBudget)(bytesPerCall, 'toAllocateAtMost', 'bytesPerCall');
        const m = await (0, measure_js_1.measureAllocation)(received, deps.capture(), options);
        const isNot = this.isNot === true;
        return {
            pass: m.perCall <= bytesPerCall,
            message: () => {
                const c = (0, colors_js_1.matcherColors)(this.utils);
                const hint = this.utils.matcherHint('toAllocateAtMost', 'fn', 'bytesPerCall', { isNot, promise: this.promise ?? '' });
                const how = `${(0, format_js_1.formatBytes)(m.totalBytes)} over ${m.calls} calls after ${m.warmup} warm-up, ${m.gcCount} GC${m.gcCount === 1 ? '' : 's'} in between`;
                return [
                    hint,
                    '',
                    `Expected: ${isNot ? 'more than ' : 'at most '}${c.green(`${(0, format_js_1.formatBytes)(bytesPerCall)} per call`)}`,
                    `Received: ${c.red(`${(0, format_js_1.formatBytes)(m.perCall)} per call`)} ${c.dim(`(${how})`)}`,
                    '',
                    c.dim('Allocated = heap growth + bytes freed by garbage collections during the measured calls.'),
                ].join('\n');
            },
        };
    };
}
//# sourceMappingURL=to-allocate-at-most.js.map