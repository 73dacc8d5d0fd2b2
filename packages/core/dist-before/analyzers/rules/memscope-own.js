"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.memscopeOwn = void 0;
exports.memscopeOwn = {
    name: 'memscope-own',
    why: "memscope's own bookkeeping (the handle tracker's records, the call runner, samples) grows while it measures.",
    excludesGroup(group) {
        return /^Memscope/.test(group.name) || /HandleTracker|CallRunner|Memscope/.test(group.pathText);
    },
};
//# sourceMappingURL=memscope-own.js.map