"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TaskScope = void 0;
const handles_js_1 = require("./handles.js");
/** Past this many handles a task prunes the closed ones, so a timer-heavy test holds only open ones. */
const PRUNE_AT = 1024;
/**
 * One open (or ended) task: its node in the tree plus what the recorder
 * needs while it runs. Held by AsyncLocalStorage as the current task.
 */
class TaskScope {
    node;
    parent;
    start;
    capture;
    open = true;
    /** Largest heap used seen at this task's boundaries and its children's. */
    peakSeen;
    handlesOpened = 0;
    handles = [];
    tracked = [];
    constructor(node, parent, start, capture) {
        this.node = node;
        this.parent = parent;
        this.start = start;
        this.capture = capture;
        this.peakSeen = start.heapUsed;
    }
    addHandle(entry) {
        this.handlesOpened++;
        this.handles.push(entry);
        if (this.handles.length >= PRUNE_AT) {
            const open = this.handles.filter(handles_js_1.isStillOpen);
            this.handles.length = 0;
            this.handles.push(...open);
        }
    }
    /** True for this scope and every scope nested inside it. */
    isWithin(other) {
        for (let scope = this; scope; scope = scope.parent) {
            if (scope === other)
                return true;
        }
        return false;
    }
}
exports.TaskScope = TaskScope;
//# sourceMappingURL=scope.js.map