"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.assertByteBudget = assertByteBudget;
const errors_js_1 = require("../errors.js");
/** A byte budget given to a matcher: a finite number ≥ 0. */
function assertByteBudget(value, matcherName, argument) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${matcherName}: \`${argument}\` must be a finite number of bytes ≥ 0, got ${shown}.`);
    }
}
//# sourceMappingURL=budget.js.map