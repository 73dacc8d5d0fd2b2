"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.heldOnlyByRoots = void 0;
exports.heldOnlyByRoots = {
    name: 'held-only-by-roots',
    why: "Objects hanging straight off V8's synthetic roots (internalized strings, global handles, the compilation cache) belong to the engine, not to user code.",
    excludesGroup(group) {
        return !group.pathText.includes('→');
    },
};
//# sourceMappingURL=root-held.js.map