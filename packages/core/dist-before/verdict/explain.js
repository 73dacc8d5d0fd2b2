"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.explainGrowth = explainGrowth;
exports.isSteadyGrowth = isSteadyGrowth;
exports.groupKind = groupKind;
const heap_index_js_1 = require("../analyzers/heap-index.js");
const survivors_js_1 = require("../analyzers/survivors.js");
const rule_list_js_1 = require("../analyzers/rule-list.js");
const allocation_site_js_1 = require("../analyzers/allocation-site.js");
const screen_js_1 = require("./screen.js");
/**
 * The highest id of a JS heap object. Embedder nodes (`Node / …`, type
 * native) and synthetic roots get ids from hashes, not from the counter, so
 * they say nothing about allocation order.
 */
function maxId(graph) {
    let max = 0;
    for (let i = 0; i < graph.nodeCount; i++) {
        const type = graph.nodeTypes[i];
        if (type === heap_index_js_1.NodeType.native || type === heap_index_js_1.NodeType.synthetic)
            continue;
        if (graph.nodeIds[i] > max)
            max = graph.nodeIds[i];
    }
    return max;
}
/** Sampling interval for the explanation: fine enough that a leak of a few KB in total leaves samples. */
function samplingInterval(callsPerInterval, intervals, threshold) {
    const expectedBytes = Math.max(threshold, 16) * callsPerInterval * intervals;
    return Math.max(64, Math.min(8192, 2 ** Math.floor(Math.log2(expectedBytes / 64))));
}
/**
 * Runs a few more rounds between id marks and ends with one heap snapshot.
 * Ids are handed out in order, so each survivor's id says in which interval it
 * was allocated: a leaking population shows up in every interval, a cache that
 * filled up or a lazy singleton only in the first (or in none).
 */
async function explainGrowth(input) {
    const { capture, runner, tracker, gcMode, callsPerInterval } = input;
    const cheapMarks = typeof capture.markObjectIds === 'function';
    // With cheap marks, three intervals tell a steady leak from a one-off; with
    // snapshots as marks, one interval keeps the cost to two snapshots.
    const intervals = cheapMarks ? 3 : 1;
    let snapshots = 0;
    const previewHolder = {};
    const mark = () => {
        if (cheapMarks)
            return capture.markObjectIds();
        snapshots++;
        return maxId(capture.heapGraph());
    };
    const boundaries = [];
    await (0, screen_js_1.measureSettled)(capture, gcMode, tracker);
    boundaries.push(mark());
    capture.startSampling(samplingInterval(callsPerInterval, intervals, input.threshold));
    let samples = [];
    let extraCalls = 0;
    try {
        for (let i = 0; i < intervals; i++) {
            await runner.run(callsPerInterval);
            await (0, screen_js_1.measureSettled)(capture, gcMode, tracker);
            if (i < intervals - 1)
                boundaries.push(mark());
        }
        samples = capture.readSampling();
        if ((0, allocation_site_js_1.allocationCandidates)(samples).length === 0) {
            // Seen on the first explanation of a process: the profile holds only
            // memscope's own samples. One more interval under a fresh profiler gives
            // the user's sites; its objects land in the last interval.
            capture.stopSampling();
            capture.startSampling(samplingInterval(callsPerInterval, intervals, input.threshold));
            await runner.run(callsPerInterval);
            await (0, screen_js_1.measureSettled)(capture, gcMode, tracker);
            samples = capture.readSampling();
            extraCalls = callsPerInterval;
        }
    }
    finally {
        capture.stopSampling();
    }
    await (0, screen_js_1.measureSettled)(capture, gcMode, tracker);
    const graph = capture.heapGraph();
    snapshots++;
    const index = new heap_index_js_1.HeapIndex(graph);
    const groups = (0, survivors_js_1.groupSurvivors)(index, boundaries, rule_list_js_1.leakFilterRules);
    return {
        index,
        boundaries,
        groups,
        samples,
        calls: callsPerInterval * intervals + extraCalls,
        callsPerInterval,
        snapshots,
        previewHolder,
        previewHolderId: capture.objectId(previewHolder),
    };
}
/**
 * A group leaks when it gained members in every interval at a steady rate
 * (the smallest count at least a quarter of the largest) and, with a single
 * interval, when it gained at least two.
 */
function isSteadyGrowth(group, calls) {
    const counts = group.countsPerInterval;
    if (counts.length === 1)
        return counts[0] >= Math.max(2, calls / 50);
    const min = Math.min(...counts);
    const max = Math.max(...counts);
    return min > 0 && min * 4 >= max;
}
function groupKind(group) {
    if (group.nodeType === heap_index_js_1.NodeType.closure)
        return 'closure';
    if (group.nodeType === heap_index_js_1.NodeType.object || group.nodeType === heap_index_js_1.NodeType.native)
        return 'object';
    return 'other';
}
//# sourceMappingURL=explain.js.map