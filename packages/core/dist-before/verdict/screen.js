"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.measureSettled = measureSettled;
exports.judgeAll = judgeAll;
exports.screen = screen;
const stats_js_1 = require("./stats.js");
const handle_tracker_js_1 = require("./handle-tracker.js");
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
/**
 * Heap used outside the code spaces: compiled code comes and goes with the
 * JIT's tiering decisions, never with the user's data.
 */
function heapUsedWithoutCode(capture) {
    let used = 0;
    for (const space of capture.heapSpaces())
        if (!space.name.startsWith('code'))
            used += space.used;
    return used;
}
/** One turn of the event loop (WeakRefs kept for the job are released), then a full GC, then the reading. */
async function measureSettled(capture, mode, tracker) {
    await nextTurn();
    capture.gc(mode);
    const figures = capture.heapFigures();
    return {
        heapUsed: heapUsedWithoutCode(capture),
        external: figures.external,
        arrayBuffers: figures.arrayBuffers,
        malloc: figures.malloc,
        handles: tracker.liveCount(),
        fds: (0, handle_tracker_js_1.openFileDescriptors)(),
    };
}
/** Per-round floor for each figure: bytes scale with calls; handles and descriptors count one. */
function floorFor(figure, input) {
    switch (figure) {
        case 'handles':
        case 'fds':
            return 0.5;
        case 'malloc':
            // glibc keeps freed chunks in its arenas: allow one page of slack per round.
            return Math.max(input.threshold * input.callsPerRound, 4096);
        default:
            return input.threshold * input.callsPerRound;
    }
}
function judgeAll(measurements, input) {
    const judgements = new Map();
    const figures = ['heapUsed', 'external', 'arrayBuffers', 'malloc', 'handles', 'fds'];
    for (const figure of figures) {
        const series = measurements.map((m) => m[figure]);
        if (series.some((v) => v === null))
            continue;
        judgements.set(figure, (0, stats_js_1.judgeGrowth)(series, floorFor(figure, input)));
    }
    return judgements;
}
/**
 * Screens cheaply: rounds of calls with a full GC after each, no snapshot.
 * Ambiguous figures get more rounds, up to maxRounds; nothing is guessed.
 */
async function screen(input) {
    const { capture, runner, tracker, gcMode, callsPerRound } = input;
    // V8 ages bytecode of functions that stopped running and flushes it over
    // the next few full GCs, which shows as a steady *fall* in heap use. One
    // thorough collection first flushes it all at once.
    capture.gc('thorough');
    const measurements = [await measureSettled(capture, gcMode, tracker)];
    let rounds = 0;
    const runRound = async () => {
        tracker.round = ++rounds;
        await runner.run(callsPerRound);
        measurements.push(await measureSettled(capture, gcMode, tracker));
    };
    while (rounds < input.rounds)
        await runRound();
    let judgements = judgeAll(measurements, input);
    while (rounds < input.maxRounds && [...judgements.values()].some((j) => j.call === 'ambiguous')) {
        await runRound();
        judgements = judgeAll(measurements, input);
    }
    return { measurements, judgements, rounds };
}
//# sourceMappingURL=screen.js.map