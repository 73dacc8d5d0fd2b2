"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MemscopeError = void 0;
exports.isMemscopeError = isMemscopeError;
class MemscopeError extends Error {
    code;
    constructor(code, message, options) {
        super(message, options);
        this.name = 'MemscopeError';
        this.code = code;
    }
}
exports.MemscopeError = MemscopeError;
function isMemscopeError(error) {
    return error instanceof Error && error.name === 'MemscopeError' && 'code' in error;
}
//# sourceMappingURL=errors.js.map