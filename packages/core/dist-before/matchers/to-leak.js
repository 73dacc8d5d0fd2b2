"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createToLeak = createToLeak;
const call_loop_js_1 = require("./call-loop.js");
const colors_js_1 = require("./colors.js");
const diagnosis_js_1 = require("./diagnosis.js");
/**
 * `await expect(fn).not.toLeak(options?)`: passes when the leak verdict
 * finds memory growing with the number of calls. `.not` is the framework's:
 * `pass` says whether it leaked, and the message explains whichever way the
 * assertion failed.
 */
function createToLeak(deps) {
    return async function toLeak(received, options) {
        (0, call_loop_js_1.assertFunction)(received, 'toLeak');
        const result = await deps.checkLeak(received, options);
        const isNot = this.isNot === true;
        if (result.leaked && isNot)
            deps.recordFindings?.(result.findings);
        const hint = () => this.utils.matcherHint('toLeak', 'fn', options === undefined ? '' : 'options', { isNot, promise: this.promise ?? '' });
        return {
            pass: result.leaked,
            message: () => {
                const c = (0, colors_js_1.matcherColors)(this.utils);
                const body = result.leaked ? (0, diagnosis_js_1.formatLeakDiagnosis)(result, c) : (0, diagnosis_js_1.formatNoLeak)(result, c);
                return `${hint()}\n\n${body}`;
            },
        };
    };
}
//# sourceMappingURL=to-leak.js.map