"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.v8Internals = void 0;
const heap_index_js_1 = require("../heap-index.js");
const INTERNAL_NAMES = /^system \/ (?!Context)|^\(compiled code\)|^\(code|^\(feedback|^\(shared function info|^\(map descriptors|^\(transition|^\(prototype info|^\(object properties\)$|^\(scope info|^\(bytecode/;
exports.v8Internals = {
    name: 'v8-internals',
    why: 'Compiled code, feedback cells, shared function infos, hidden classes and other V8 bookkeeping grow with JIT tiering, not with user data.',
    excludesNode(index, node) {
        const type = index.type(node);
        if (type === heap_index_js_1.NodeType.code || type === heap_index_js_1.NodeType.objectShape || type === heap_index_js_1.NodeType.synthetic)
            return true;
        if (type === heap_index_js_1.NodeType.hidden || type === heap_index_js_1.NodeType.array || type === heap_index_js_1.NodeType.object)
            return INTERNAL_NAMES.test(index.name(node));
        // Embedder (Node.js C++) objects carry hash-based ids, not allocation-ordered ones.
        if (type === heap_index_js_1.NodeType.native && index.name(node).startsWith('Node / '))
            return true;
        return false;
    },
};
//# sourceMappingURL=v8-internals.js.map