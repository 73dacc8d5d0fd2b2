"use strict";
/**
 * Stack frames as a user reads them: their own code first, Node's internals,
 * the test runner and memscope itself last.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.isInternalFrame = isInternalFrame;
exports.isInternalUrl = isInternalUrl;
exports.userFramesFirst = userFramesFirst;
const INTERNAL_PATTERNS = [
    /\(node:/,
    /^\s*at node:/,
    /\(internal\//,
    /[\\/]node_modules[\\/](jest-|@jest[\\/]|vitest|@vitest[\\/]|tinypool|tinyspy|expect[\\/])/,
    /[\\/](packages[\\/]core|node_modules[\\/]@memscope[\\/]core)[\\/]dist[\\/]/,
    /[\\/]packages[\\/]core[\\/]src[\\/]/,
    /<anonymous>/,
];
function isInternalFrame(frame) {
    return INTERNAL_PATTERNS.some((pattern) => pattern.test(frame));
}
function isInternalUrl(url) {
    if (!url)
        return true;
    return isInternalFrame(`(${url}:1:1)`) || url.startsWith('node:') || !/[\\/]/.test(url);
}
/** Lines of an Error stack, without the message line, user frames first, at most `limit`. */
function userFramesFirst(stack, limit = 8) {
    const frames = stack
        .split('\n')
        .slice(1)
        .map((line) => line.trim())
        .filter((line) => line.startsWith('at '));
    const user = frames.filter((frame) => !isInternalFrame(frame));
    const rest = frames.filter((frame) => isInternalFrame(frame));
    return [...user, ...rest].slice(0, limit);
}
//# sourceMappingURL=stack-frames.js.map