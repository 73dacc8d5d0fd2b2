"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fallbackNotice = fallbackNotice;
exports.selectCapture = selectCapture;
const errors_js_1 = require("../errors.js");
const ENV_NAME = 'MEMSCOPE_CAPTURE';
function fallbackNotice(reason) {
    return (`memscope: the native addon @memscope/native did not load (${reason}); ` +
        'using the pure-JS capture instead (slower heap graphs, no malloc figures). ' +
        'To rebuild the addon for this Node run `npm rebuild @memscope/native` (needs Python and a C++ ' +
        'toolchain for node-gyp); `npx memscope doctor` shows the details. ' +
        `Set ${ENV_NAME}=js to choose the pure-JS capture and silence this notice.`);
}
function describeFailure(error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
/**
 * Picks the capture path: `MEMSCOPE_CAPTURE=native|js` forces one; unset, the
 * addon is preferred and the pure-JS twin is the fallback that always works.
 */
function selectCapture(forced, loaders) {
    const wanted = forced === undefined || forced === '' ? 'auto' : forced;
    if (wanted !== 'auto' && wanted !== 'native' && wanted !== 'js') {
        throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_INVALID_OPTION', `${ENV_NAME} must be "native" or "js" (or unset), received ${JSON.stringify(forced)}`);
    }
    if (wanted === 'js')
        return { capture: loaders.createJs(), nativeFailure: null };
    try {
        return { capture: loaders.loadNative(), nativeFailure: null };
    }
    catch (error) {
        const reason = describeFailure(error);
        if (wanted === 'native') {
            throw new errors_js_1.MemscopeError('ERR_MEMSCOPE_CAPTURE_UNAVAILABLE', `${ENV_NAME}=native, but the native addon @memscope/native did not load: ${reason}. ` +
                'Rebuild it with `npm rebuild @memscope/native`, or unset the variable to use the pure-JS capture.', { cause: error });
        }
        return { capture: loaders.createJs(), nativeFailure: reason };
    }
}
//# sourceMappingURL=select.js.map