"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createToBeCollected = createToBeCollected;
const errors_js_1 = require("../errors.js");
const format_js_1 = require("../report/format.js");
const colors_js_1 = require("./colors.js");
const LABEL = 'retained by'.padEnd(14);
function assertName(received) {
    if (typeof received === 'string' && received !== '')
        return;
    const hint = typeof received === 'object' || typeof received === 'function'
        ? ' expect(value) holds the value itself until the assertion ends, so it could never be collected:' +
            " track it (track(value, 'session')), drop your own references, then await expect('session').toBeCollected()."
        : " Track an object first: track(value, 'session'), then await expect('session').toBeCollected().";
    throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_USAGE', `toBeCollected: expect() takes the name given to track(), got ${received === null ? 'null' : typeof received}.${hint}`);
}
function survivorLines(report, index, total, dim, yellow) {
    const which = total > 1 ? `#${index + 1} ` : '';
    const path = report.retainerPath
        ? yellow((0, format_js_1.sanitizeForTerminal)(report.retainerPath))
        : '(no path from a GC root found: held by the engine or a native handle)';
    return [`  ${which}${dim(LABEL)}${path}`];
}
/**
 * `await expect('session').toBeCollected()`: every object tracked under the
 * name has been collected after a settled GC. A survivor's failure shows the
 * retainer path, the references to cut.
 */
function createToBeCollected(deps) {
    return async function toBeCollected(received) {
        assertName(received);
        const reports = await deps.checkTracked(received);
        const survivors = reports.filter((r) => !r.collected);
        const isNot = this.isNot === true;
        return {
            pass: survivors.length === 0,
            message: () => {
                const c = (0, colors_js_1.matcherColors)(this.utils);
                const hint = this.utils.matcherHint('toBeCollected', 'name', '', { isNot, promise: this.promise ?? '' });
                const name = c.bold(JSON.stringify(received));
                if (survivors.length === 0) {
                    return `${hint}\n\nExpected ${name} to be alive, but ${reports.length === 1 ? 'it has' : `all ${reports.length} have`} been garbage-collected.`;
                }
                const count = reports.length === 1 ? 'it is' : `${survivors.length} of ${reports.length} objects tracked under it are`;
                const lines = [hint, '', `Expected ${name} to be garbage-collected, but ${count} still reachable after a settled GC:`, ''];
                survivors.forEach((s, i) => lines.push(...survivorLines(s, i, survivors.length, c.dim, c.yellow)));
                lines.push('', c.dim('Cut a reference on this path (delete the map entry, remove the listener, clear the timer) so it can be collected.'));
                return lines.join('\n');
            },
        };
    };
}
//# sourceMappingURL=to-be-collected.js.map