"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderRetainerPath = renderRetainerPath;
const retainer_path_js_1 = require("./retainer-path.js");
/**
 * A leaked object's retainer path as the user reads it, from the last
 * module-level variable on it: `(module) cache → Map → table[3] → Session`.
 */
function renderRetainerPath(index, target) {
    const steps = (0, retainer_path_js_1.retainerStepsTo)((0, retainer_path_js_1.buildRetainerTree)(index.graph, index), target);
    if (!steps)
        return { steps: [], text: '(unreachable)' };
    return { steps, text: (0, retainer_path_js_1.renderRetainerPath)(steps) };
}
//# sourceMappingURL=render-path.js.map