"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.colorEnabled = colorEnabled;
exports.createColors = createColors;
exports.colorsFor = colorsFor;
const picocolors_1 = __importDefault(require("picocolors"));
/**
 * Whether to colour output written to `stream`. Follows the conventions of
 * no-color.org and the FORCE_COLOR variable Node and most CLIs honour:
 * NO_COLOR (any non-empty value) turns colour off, FORCE_COLOR turns it on
 * (`0` or `false` turns it off), otherwise colour only on a TTY that is not
 * `TERM=dumb`.
 */
function colorEnabled(stream, env = process.env) {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    const force = env.FORCE_COLOR;
    if (force !== undefined)
        return force !== '0' && force.toLowerCase() !== 'false';
    return stream.isTTY === true && env.TERM !== 'dumb';
}
/** picocolors formatters that colour only when `enabled`; pass `false` for snapshot tests. */
function createColors(enabled) {
    return picocolors_1.default.createColors(enabled);
}
function colorsFor(stream, env = process.env) {
    return createColors(colorEnabled(stream, env));
}
//# sourceMappingURL=colors.js.map