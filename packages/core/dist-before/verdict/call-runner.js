"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CallRunner = void 0;
const errors_js_1 = require("../errors.js");
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
function isThenable(value) {
    try {
        return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof value.then === 'function';
    }
    catch {
        return false;
    }
}
/**
 * Calls the function under test `count` times, one after another, awaiting
 * each call that returns a promise. A throw or rejection becomes a
 * MemscopeError that names the call; a call that never settles times out.
 */
class CallRunner {
    fn;
    timeoutMs;
    calls = 0;
    /** Whether the function has been seen to return a promise. */
    async = false;
    constructor(fn, timeoutMs) {
        this.fn = fn;
        this.timeoutMs = timeoutMs;
    }
    async run(count) {
        for (let i = 0; i < count; i++) {
            const callNumber = ++this.calls;
            let returned;
            try {
                returned = this.fn();
            }
            catch (error) {
                throw this.failure(callNumber, error);
            }
            if (isThenable(returned)) {
                this.async = true;
                await this.settle(returned, callNumber);
            }
        }
    }
    async settle(pending, callNumber) {
        let timer;
        const timeout = new Promise((_, reject) => {
            timer = setTimeout(() => {
                reject(new errors_js_1.MemscopeError('ERR_MEMSCOPE_TIMEOUT', `checkLeak: call ${callNumber} of the function did not settle within ${this.timeoutMs} ms (option \`timeout\`).`));
            }, this.timeoutMs);
        });
        try {
            await Promise.race([Promise.resolve(pending), timeout]);
        }
        catch (error) {
            if (error instanceof errors_js_1.MemscopeError && error.code === 'ERR_MEMSCOPE_TIMEOUT')
                throw error;
            throw this.failure(callNumber, error);
        }
        finally {
            clearTimeout(timer);
        }
    }
    failure(callNumber, error) {
        return new errors_js_1.MemscopeError('ERR_MEMSCOPE_FN_THREW', `checkLeak: the function threw on call ${callNumber}: ${describeThrown(error)}. A leak verdict needs a function that runs cleanly; fix the error first.`, { cause: error });
    }
}
exports.CallRunner = CallRunner;
//# sourceMappingURL=call-runner.js.map