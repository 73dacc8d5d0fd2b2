"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.callRepeatedly = callRepeatedly;
exports.assertFunction = assertFunction;
const errors_js_1 = require("../errors.js");
function isThenable(value) {
    return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof value.then === 'function';
}
function describeThrown(value) {
    if (value instanceof Error)
        return `${value.name}: ${value.message}`;
    try {
        return typeof value === 'string' ? JSON.stringify(value) : String(value);
    }
    catch {
        return Object.prototype.toString.call(value);
    }
}
/**
 * Calls `fn` `count` times in a row, awaiting each call that returns a
 * promise; the results are dropped at once so they do not stay reachable.
 * A throw or rejection becomes ERR_MEMSCOPE_FN_THREW naming the matcher and
 * the call, with the original error as `cause`.
 */
async function callRepeatedly(fn, count, matcherName) {
    for (let call = 1; call <= count; call++) {
        try {
            const returned = fn();
            if (isThenable(returned))
                await returned;
        }
        catch (error) {
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_FN_THREW', `${matcherName}: the function threw on call ${call}: ${describeThrown(error)}. ` +
                'Memory figures need a function that runs cleanly; fix the error first.', { cause: error });
        }
    }
}
function assertFunction(received, matcherName) {
    if (typeof received !== 'function') {
        const shown = received === null ? 'null' : Array.isArray(received) ? 'an array' : `a ${typeof received}`;
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_NOT_A_FUNCTION', `${matcherName}: expect(received) must be a function to call, got ${shown}. Wrap the code: expect(() => work()).${matcherName}(…).`);
    }
}
//# sourceMappingURL=call-loop.js.map