"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkLeak = checkLeak;
const errors_js_1 = require("../errors.js");
const index_js_1 = require("../capture/index.js");
const snapshot_guard_js_1 = require("../capture/snapshot-guard.js");
const options_js_1 = require("./options.js");
const call_runner_js_1 = require("./call-runner.js");
const handle_tracker_js_1 = require("./handle-tracker.js");
const screen_js_1 = require("./screen.js");
const explain_js_1 = require("./explain.js");
const findings_js_1 = require("./findings.js");
const serialize_js_1 = require("./serialize.js");
const HANDLE_HEAP_NAMES = /^(Timeout|Immediate|Socket|Server|TCP|Pipe|FSWatcher|StatWatcher|ChildProcess|Worker|MessagePort|TimersList)$/;
const HANDLE_PATH = /Timeout|TimersList|_onTimeout|_idlePrev|_idleNext|Socket|Server|FSWatcher|ChildProcess/;
/**
 * The sampling profiler only sees frames that exist at run time: once
 * TurboFan inlines the function under test into the call loop, its
 * allocations are charged to memscope's loop and the allocation site is
 * lost. Calling the loop's call sites with several distinct functions first
 * makes their feedback megamorphic, and V8 never inlines a megamorphic call.
 */
function keepCallSitesMegamorphic() {
    const distinct = [() => 1, () => 2, () => 3, () => 4, () => 5, () => 6];
    const tracker = new handle_tracker_js_1.HandleTracker();
    for (const fn of distinct) {
        void new call_runner_js_1.CallRunner(fn, 1000).run(2);
        void new call_runner_js_1.CallRunner(tracker.wrap(fn), 1000).run(2);
    }
}
keepCallSitesMegamorphic();
/**
 * Calls `fn` many times and decides whether memory grows with every call.
 *
 * @example
 * ```js
 * const { checkLeak } = require('@memscope/core');
 * const cache = new Map();
 * const result = await checkLeak(() => cache.set(Math.random(), { big: 'x'.repeat(100) }));
 * result.leaked; // true
 * result.findings[0].retainerPathText; // "(scope) cache → Map → table[…] → Object"
 * ```
 */
function checkLeak(fn, options, deps = {}) {
    if (typeof fn !== 'function') {
        const got = fn === null ? 'null' : typeof fn;
        return Promise.reject(new errors_js_1.MemscopeError('ERR_MEMSCOPE_NOT_A_FUNCTION', `checkLeak: expected a function to call repeatedly, got ${got}.`));
    }
    let resolved;
    try {
        resolved = (0, options_js_1.resolveLeakOptions)(options);
    }
    catch (error) {
        return Promise.reject(error);
    }
    return (0, serialize_js_1.serialized)(() => runVerdict(fn, resolved, deps.capture ?? (0, index_js_1.getCapture)()));
}
async function warmUp(runner, opts) {
    const started = performance.now();
    if (opts.warmup !== undefined) {
        await runner.run(opts.warmup);
    }
    else {
        // At least 20 calls and 50 ms, so that lazy singletons, caches filled on
        // first use and the JIT's first tiers are behind us.
        let batch = 10;
        while (runner.calls < 20 || (performance.now() - started < 50 && runner.calls < 5000)) {
            await runner.run(batch);
            batch = Math.min(batch * 2, 500);
        }
    }
    const elapsed = performance.now() - started;
    return runner.calls > 0 ? elapsed / runner.calls : 0;
}
function growthStats(judgements, callsPerRound) {
    return [...judgements].map(([figure, j]) => ({
        figure,
        perCall: j.slopePerRound / callsPerRound,
        medianPerCall: j.perRound / callsPerRound,
        fit: j.r2,
        noise: j.noise,
        grew: j.call !== 'flat',
    }));
}
const grew = (screenResult, figure) => screenResult.judgements.get(figure)?.call === 'grows';
const notFlat = (screenResult, figure) => {
    const call = screenResult.judgements.get(figure)?.call;
    return call === 'grows' || call === 'ambiguous';
};
async function runVerdict(fn, opts, capture) {
    const started = performance.now();
    const tracker = new handle_tracker_js_1.HandleTracker();
    const runner = new call_runner_js_1.CallRunner(tracker.wrap(fn), opts.timeout);
    const timeMs = { warmup: 0, screen: 0, explain: 0, total: 0 };
    let snapshots = 0;
    tracker.start();
    try {
        const msPerCall = await warmUp(runner, opts);
        const warmupCalls = runner.calls;
        timeMs.warmup = performance.now() - started;
        let callsPerRound = opts.callsPerRound ?? Math.min(2000, Math.max(60, Math.ceil(30 / Math.max(msPerCall, 0.001))));
        let screenInput = { capture, runner, tracker, gcMode: opts.gc, callsPerRound, rounds: opts.rounds, maxRounds: opts.maxRounds, threshold: opts.threshold };
        let result = await (0, screen_js_1.screen)(screenInput);
        // Heap noise far above what this round size can show (async code, big
        // tables rehashing): a small leak would drown. Larger rounds, once.
        const heap = result.judgements.get('heapUsed');
        if (opts.callsPerRound === undefined && heap && heap.call === 'flat' && heap.noise > 8 * opts.threshold * callsPerRound && callsPerRound < 2000) {
            callsPerRound = Math.min(2000, callsPerRound * 4);
            screenInput = { ...screenInput, callsPerRound };
            result = await (0, screen_js_1.screen)(screenInput);
        }
        // Growth that levels off (pools, agents, caches that fill slowly) is not a
        // leak: a growing figure must keep growing over a second window.
        if ([...result.judgements.values()].some((j) => j.call !== 'flat')) {
            const second = await (0, screen_js_1.screen)({ ...screenInput, rounds: opts.rounds, maxRounds: opts.rounds });
            const secondWindow = [result.measurements[result.measurements.length - 1], ...second.measurements.slice(1)];
            const combined = [...result.measurements, ...second.measurements.slice(1)];
            const later = (0, screen_js_1.judgeAll)(secondWindow, screenInput);
            const overall = (0, screen_js_1.judgeAll)(combined, screenInput);
            for (const [figure, first] of result.judgements) {
                if (first.call === 'flat')
                    continue;
                const after = later.get(figure);
                // Levelled off: the second window is flat and grows at under a
                // quarter of the first window's rate (a pool or agent filling up).
                const levelled = after?.call === 'flat' && after.perRound < first.perRound / 4;
                result.judgements.set(figure, levelled ? { ...first, call: 'flat' } : (overall.get(figure) ?? first));
            }
            result = { ...result, measurements: [...result.measurements, ...second.measurements.slice(1)], rounds: result.rounds + second.rounds };
        }
        timeMs.screen = performance.now() - started - timeMs.warmup;
        const findings = [];
        const screenedCalls = result.rounds * callsPerRound;
        const handleGrew = grew(result, 'handles') || grew(result, 'fds');
        if (opts.kinds.has('handle') && handleGrew) {
            findings.push(...(0, findings_js_1.handleFindings)(tracker.liveHandles(), screenedCalls));
            const fdsPerCall = (result.judgements.get('fds')?.perRound ?? 0) / callsPerRound;
            if (!findings.some((f) => f.kind === 'handle') && grew(result, 'fds'))
                findings.push((0, findings_js_1.descriptorFinding)(fdsPerCall));
        }
        const nativeFigures = ['arrayBuffers', 'external', 'malloc'];
        const nativeGrowth = nativeFigures.find((f) => grew(result, f));
        const nativeBytesPerCall = nativeGrowth ? (result.judgements.get(nativeGrowth).perRound / callsPerRound) : 0;
        const wantsHeap = opts.kinds.has('heap') || opts.kinds.has('storm') || opts.kinds.has('native');
        let reason;
        if (wantsHeap && (notFlat(result, 'heapUsed') || nativeGrowth)) {
            const explainStarted = performance.now();
            (0, snapshot_guard_js_1.assertSnapshotFits)(capture);
            const explanation = await (0, explain_js_1.explainGrowth)({ capture, runner, tracker, gcMode: opts.gc, callsPerInterval: callsPerRound * 2, threshold: opts.threshold });
            snapshots = explanation.snapshots;
            const steady = explanation.groups.filter((g) => (0, explain_js_1.isSteadyGrowth)(g, explanation.calls) && g.bytes / explanation.calls >= opts.threshold / 4);
            let explained = 0;
            for (const group of steady.slice(0, 5)) {
                if (handleGrew && (HANDLE_HEAP_NAMES.test(group.name) || HANDLE_PATH.test(group.pathText)))
                    continue;
                const kind = (0, findings_js_1.findingKindOf)(group, Boolean(nativeGrowth));
                if (!opts.kinds.has(kind))
                    continue;
                const subject = { kind, name: group.name, retainerPath: group.pathText, allocationSite: '' };
                const finding = (0, findings_js_1.groupFinding)(group, explanation, kind, nativeBytesPerCall);
                subject.allocationSite = finding.allocationSite ? `${finding.allocationSite.file}:${finding.allocationSite.line}` : '';
                if ((0, options_js_1.isIgnored)(subject, opts.ignore))
                    continue;
                findings.push(finding);
                explained++;
            }
            if (nativeGrowth && opts.kinds.has('native') && !findings.some((f) => f.kind === 'native')) {
                findings.push((0, findings_js_1.nativeFinding)(nativeGrowth, nativeBytesPerCall));
            }
            timeMs.explain = performance.now() - explainStarted;
            reason = explained || findings.length
                ? `memory grew with every call; ${findings.length} finding(s)`
                : 'the heap moved between rounds, but no object population grows with the number of calls';
        }
        else {
            reason = handleGrew ? 'handles left open grow with every call' : 'no figure grew beyond the noise floor';
        }
        timeMs.total = performance.now() - started;
        return {
            leaked: findings.length > 0,
            findings,
            capture: capture.path,
            stats: {
                warmupCalls,
                rounds: result.rounds,
                callsPerRound,
                totalCalls: runner.calls,
                growth: growthStats(result.judgements, callsPerRound),
                threshold: opts.threshold,
                snapshots,
                timeMs,
                reason,
            },
        };
    }
    finally {
        tracker.stop();
    }
}
//# sourceMappingURL=check-leak.js.map