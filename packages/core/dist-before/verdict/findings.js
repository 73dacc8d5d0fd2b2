"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findingKindOf = findingKindOf;
exports.groupFinding = groupFinding;
exports.handleFindings = handleFindings;
exports.nativeFinding = nativeFinding;
exports.descriptorFinding = descriptorFinding;
const format_js_1 = require("../report/format.js");
const heap_index_js_1 = require("../analyzers/heap-index.js");
const survivors_js_1 = require("../analyzers/survivors.js");
const allocation_site_js_1 = require("../analyzers/allocation-site.js");
const preview_js_1 = require("../analyzers/preview.js");
const explain_js_1 = require("./explain.js");
const perCallText = (count) => (count >= 0.95 && count <= 1.05 ? '+1' : `+${count.toFixed(count < 1 ? 2 : 1)}`);
const NATIVE_BACKED = /^(Buffer|Uint8Array|ArrayBuffer|FastBuffer|Uint16Array|Uint32Array|Float64Array|Float32Array|Int32Array|DataView|SharedArrayBuffer)$/;
function findingKindOf(group, nativeGrew) {
    if (NATIVE_BACKED.test(group.name) && nativeGrew)
        return 'native';
    if (group.nodeType === heap_index_js_1.NodeType.closure || group.name === 'Listener' || /listeners$/.test(group.holder?.edge ?? ''))
        return 'storm';
    return 'heap';
}
/** Turns a steadily growing group into a finding: title, rate, path, site, preview, cycles. */
function groupFinding(group, explanation, kind, nativeBytesPerCall) {
    const { index, calls } = explanation;
    const count = group.members.length / calls;
    const bytes = kind === 'native' ? Math.max(nativeBytesPerCall, group.bytes / calls) : group.bytes / calls;
    const first = explanation.boundaries[0];
    const candidates = (0, allocation_site_js_1.allocationCandidates)(explanation.samples);
    const site = (0, allocation_site_js_1.siteForGroup)(candidates, group.name, (0, explain_js_1.groupKind)(group));
    const holder = group.holder;
    const label = group.nodeType === heap_index_js_1.NodeType.closure ? `${group.name === '(anonymous)' ? 'anonymous' : group.name} closures` : `${group.name} objects`;
    let title;
    if (kind === 'storm' && holder) {
        title = `${holder.label} gains ${holder.edge}: ${perCallText(count)} per call (${(0, format_js_1.formatBytes)(bytes)} per call)`;
    }
    else if (kind === 'native') {
        title = `${group.name} memory grows ${(0, format_js_1.formatBytes)(bytes)} per call (${perCallText(count)} ${group.name} per call)`;
    }
    else {
        title = `${label}: ${perCallText(count)} per call (${(0, format_js_1.formatBytes)(bytes)} per call)${holder ? `, held by ${holder.label} ${holder.edge}` : ''}`;
    }
    const finding = {
        kind,
        title,
        name: group.name,
        perCall: { count, bytes },
        retainerPath: group.retainerPath,
        retainerPathText: group.pathText,
    };
    if (site)
        finding.allocationSite = site;
    if (holder) {
        finding.holder = holder.label;
        finding.growingEdge = holder.edge;
    }
    const preview = (0, preview_js_1.previewObject)(index.id(group.representative), explanation.previewHolderId, explanation.previewHolder);
    if (preview)
        finding.preview = preview;
    const cycles = (0, survivors_js_1.findCycles)(index, group, (n) => index.id(n) > first);
    if (cycles.length)
        finding.cycles = cycles;
    return finding;
}
/** Handles left open, grouped by type and the user frame that created them. */
function handleFindings(handles, calls) {
    const groups = new Map();
    for (const handle of handles) {
        if (handle.round < 1)
            continue;
        const key = `${handle.type}\u0000${handle.stack[0] ?? ''}`;
        groups.set(key, [...(groups.get(key) ?? []), handle]);
    }
    return [...groups.values()]
        .sort((a, b) => b.length - a.length)
        .map((members) => {
        const sample = members[0];
        const count = members.length / calls;
        const where = sample.stack[0]?.replace(/^at\s+/, '') ?? 'an unknown place';
        return {
            kind: 'handle',
            title: `${sample.type} left open: ${perCallText(count)} per call, created at ${where}`,
            perCall: { count, bytes: 0 },
            resourceType: sample.type,
            creationStack: sample.stack,
        };
    });
}
function nativeFinding(figure, bytesPerCall) {
    const what = figure === 'malloc' ? 'Native (malloc) memory' : figure === 'arrayBuffers' ? 'ArrayBuffer memory' : 'External memory';
    return {
        kind: 'native',
        title: `${what} grows ${(0, format_js_1.formatBytes)(bytesPerCall)} per call`,
        perCall: { count: 0, bytes: bytesPerCall },
    };
}
/** Descriptors that grow with no async resource to show for them (a stream's fd, a raw fs.openSync). */
function descriptorFinding(perCall) {
    return {
        kind: 'handle',
        title: `File descriptors left open: ${perCallText(perCall)} per call`,
        perCall: { count: perCall, bytes: 0 },
        resourceType: 'fd',
    };
}
//# sourceMappingURL=findings.js.map