"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createProgressLine = createProgressLine;
const format_js_1 = require("./format.js");
/**
 * A status line for slow steps. On a terminal it is rewritten in place (and
 * cut to the terminal width so it never wraps); in CI logs, where `\r`
 * would pile up, each message is printed once on its own line.
 */
function createProgressLine(stream) {
    const tty = stream.isTTY === true;
    let shown = false;
    let last = '';
    const line = {
        update(text) {
            const clean = (0, format_js_1.sanitizeForTerminal)(text);
            if (tty) {
                const width = Math.max(10, (stream.columns ?? 80) - 1);
                const fitted = clean.length > width ? `${clean.slice(0, width - 1)}…` : clean;
                stream.write(`\r\x1b[2K${fitted}`);
                shown = true;
            }
            else if (clean !== last) {
                stream.write(`${clean}\n`);
            }
            last = clean;
        },
        explaining(testLabel) {
            line.update(`memscope: explaining leak in ${testLabel}…`);
        },
        done() {
            if (tty && shown)
                stream.write('\r\x1b[2K');
            shown = false;
            last = '';
        },
    };
    return line;
}
//# sourceMappingURL=progress.js.map