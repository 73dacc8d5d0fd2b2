"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.doctorCommand = void 0;
exports.collectDoctorReport = collectDoctorReport;
const index_js_1 = require("../capture/index.js");
const native_js_1 = require("../capture/native.js");
const js_gc_js_1 = require("../capture/js-gc.js");
const js_js_1 = require("../capture/js.js");
const select_js_1 = require("../capture/select.js");
const settle_js_1 = require("../capture/settle.js");
const snapshot_guard_js_1 = require("../capture/snapshot-guard.js");
const doctor_format_js_1 = require("./doctor-format.js");
const elapsedMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;
function timeMs(action) {
    const start = process.hrtime.bigint();
    action();
    return elapsedMs(start);
}
/** Collects with the flag-free gc and checks that a dropped object really went. */
async function checkFlagFreeGc() {
    const gc = (0, js_gc_js_1.flagFreeGc)();
    let dropped = { probe: new Array(100).fill(0) };
    const ref = new WeakRef(dropped);
    dropped = null;
    const ms = timeMs(() => (0, js_gc_js_1.collect)(gc, 'fast'));
    await new Promise((resolve) => setImmediate(resolve));
    (0, js_gc_js_1.collect)(gc, 'fast');
    return { works: ref.deref() === undefined && globalThis.gc === undefined, ms };
}
async function checkPath(path, create) {
    const check = {
        path, failure: null, loadedFrom: null, gcFastMs: null, gcThoroughMs: null, heapGraphMs: null, heapGraphNodes: null, snapshot: null,
    };
    let capture;
    try {
        capture = create();
    }
    catch (error) {
        check.failure = error instanceof Error ? error.message : String(error);
        return check;
    }
    // A path that loads but fails when used (an API a newer Node changed)
    // is reported like one that does not load, so the doctor still prints.
    try {
        await (0, settle_js_1.settle)(capture, 'fast');
        check.gcFastMs = timeMs(() => capture.gc('fast'));
        check.gcThoroughMs = timeMs(() => capture.gc('thorough'));
        check.snapshot = (0, snapshot_guard_js_1.measureSnapshotFit)(capture);
        if (check.snapshot.fits) {
            const start = process.hrtime.bigint();
            check.heapGraphNodes = capture.heapGraph().nodeCount;
            check.heapGraphMs = elapsedMs(start);
        }
    }
    catch (error) {
        check.failure = `loads, but failed on Node ${process.versions.node}: ${error instanceof Error ? error.message : String(error)}`;
    }
    return check;
}
async function collectDoctorReport(env, loaders = index_js_1.defaultLoaders) {
    const forced = env.MEMSCOPE_CAPTURE ?? null;
    let selected = null;
    let selectionError = null;
    try {
        selected = (0, select_js_1.selectCapture)(forced ?? undefined, loaders).capture.path;
    }
    catch (error) {
        selectionError = error instanceof Error ? error.message : String(error);
    }
    const flagFree = await checkFlagFreeGc();
    const paths = [await checkPath('native', loaders.loadNative), await checkPath('js', loaders.createJs)];
    const status = (0, native_js_1.nativeLoadStatus)();
    if (status.loaded)
        paths[0].loadedFrom = status.path;
    return {
        node: process.version,
        v8: process.versions.v8,
        abi: process.versions.modules,
        napi: process.versions.napi ?? 'unknown',
        platform: `${process.platform} ${process.arch}`,
        forced,
        selected,
        selectionError,
        flagFreeGc: flagFree,
        heap: (0, js_js_1.readHeapFigures)(),
        paths,
    };
}
exports.doctorCommand = {
    name: 'doctor',
    summary: 'Check which capture path loads here, and time GC and heap graphs on each.',
    usage: '[--json] [--color]',
    options: { json: { type: 'boolean' }, color: { type: 'boolean' } },
    allowPositionals: false,
    async run({ values, io }) {
        const report = await collectDoctorReport(io.env);
        if (values.json === true) {
            io.stdout.write(JSON.stringify(report, null, 2) + '\n');
        }
        else {
            const color = values.color === true || (io.stdout.isTTY === true && !io.env.NO_COLOR);
            io.stdout.write((0, doctor_format_js_1.formatDoctorReport)(report, color));
        }
        return report.selected !== null && report.flagFreeGc.works ? 0 : 1;
    },
};
//# sourceMappingURL=doctor.js.map