"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.serialized = serialized;
/**
 * One measurement at a time per process: two verdicts running together would
 * see each other's allocations and GCs. A second call waits for the first
 * (test.concurrent, or a forgotten `await` before another matcher). The
 * queue lives on globalThis under a registered symbol so that test files
 * with their own module registries (Jest) still share it.
 */
const QUEUE = Symbol.for('memscope.verdict.queue');
function serialized(work) {
    const holder = process;
    const previous = holder[QUEUE] ?? Promise.resolve();
    const next = previous.then(work, work);
    holder[QUEUE] = next.catch(() => undefined);
    return next;
}
//# sourceMappingURL=serialize.js.map