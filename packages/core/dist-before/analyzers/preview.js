"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.previewObject = previewObject;
exports.formatPreview = formatPreview;
const pretty_format_1 = require("pretty-format");
const inspector_session_js_1 = require("../capture/inspector-session.js");
const MAX_PREVIEW_CHARS = 400;
let session;
/**
 * Looks up a live object by its heap snapshot id through the inspector and
 * renders it with pretty-format, bounded in depth, width and length. The
 * object is handed over through a holder object of ours, found by its own
 * id, so it works across vm contexts (Jest, Vitest vmThreads).
 */
function previewObject(objectId, holderId, holder) {
    try {
        session ??= (0, inspector_session_js_1.connectSyncSession)();
        session.post('HeapProfiler.enable');
        const find = (id) => session.post('HeapProfiler.getObjectByHeapObjectId', { objectId: String(id), objectGroup: 'memscope-preview' }).result.objectId;
        const targetRef = find(objectId);
        const holderRef = find(holderId);
        if (!targetRef || !holderRef)
            return undefined;
        session.post('Runtime.callFunctionOn', {
            objectId: holderRef,
            functionDeclaration: 'function (value) { this.value = value; }',
            arguments: [{ objectId: targetRef }],
        });
        session.post('Runtime.releaseObjectGroup', { objectGroup: 'memscope-preview' });
        return 'value' in holder ? formatPreview(holder.value) : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        delete holder.value;
    }
}
/** pretty-format, bounded: a preview is a glimpse, never a dump. */
function formatPreview(value) {
    try {
        const text = (0, pretty_format_1.format)(value, { maxDepth: 2, maxWidth: 8, min: true, callToJSON: false, escapeString: false });
        return text.length > MAX_PREVIEW_CHARS ? `${text.slice(0, MAX_PREVIEW_CHARS)}…` : text;
    }
    catch (error) {
        return `(preview unavailable: ${error instanceof Error ? error.message : 'error'})`;
    }
}
//# sourceMappingURL=preview.js.map