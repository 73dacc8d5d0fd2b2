"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.matcherColors = matcherColors;
const colors_js_1 = require("../report/colors.js");
/**
 * Colours follow the framework's own choice: its `RECEIVED_COLOR` changes
 * the text only when the framework colours its output (TTY, FORCE_COLOR,
 * `--colors`), so the diagnosis is coloured exactly when the rest of the
 * failure is.
 */
function matcherColors(utils) {
    const probe = 'memscope';
    const enabled = typeof utils.RECEIVED_COLOR === 'function' && utils.RECEIVED_COLOR(probe) !== probe;
    return (0, colors_js_1.createColors)(enabled);
}
//# sourceMappingURL=colors.js.map