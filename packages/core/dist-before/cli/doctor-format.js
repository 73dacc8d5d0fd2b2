"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatDoctorReport = formatDoctorReport;
const picocolors_1 = require("picocolors");
const megabytes = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const milliseconds = (ms) => (ms === null ? '–' : `${ms.toFixed(1)} ms`);
function describePath(check, colors) {
    const label = `  ${check.path.padEnd(7)}`;
    if (check.failure !== null)
        return [`${label}${colors.red('unavailable')}: ${check.failure}`];
    const from = check.loadedFrom !== null ? ` (${check.loadedFrom})` : '';
    const lines = [`${label}${colors.green('available')}${from}; gc fast ${milliseconds(check.gcFastMs)}, thorough ${milliseconds(check.gcThoroughMs)}`];
    const fit = check.snapshot;
    if (fit) {
        const headroom = fit.heapHeadroomNeeded > 0 ? `, ${megabytes(fit.heapHeadroomNeeded)} heap headroom` : '';
        lines.push(`           snapshot guard: needs ~${megabytes(fit.estimatedBytes)}${headroom}, ` +
            `${megabytes(fit.availableBytes)} available: ${fit.fits ? colors.green('fits') : colors.red('too large')}`);
    }
    if (check.heapGraphMs !== null) {
        lines.push(`           heap graph: ${milliseconds(check.heapGraphMs)} for ${check.heapGraphNodes} nodes`);
    }
    return lines;
}
/** The doctor's report as text; colour is injected so the output can be compared in tests. */
function formatDoctorReport(report, color) {
    const colors = (0, picocolors_1.createColors)(color);
    const selected = report.selected !== null
        ? colors.bold(report.selected)
        : colors.red(`none — ${report.selectionError ?? 'no capture could be created'}`);
    const forced = report.forced !== null ? ` (MEMSCOPE_CAPTURE=${report.forced})` : '';
    const lines = [
        colors.bold('memscope doctor'),
        `Node ${report.node}, V8 ${report.v8}, ABI ${report.abi}, N-API ${report.napi}, ${report.platform}`,
        `Capture in use: ${selected}${forced}`,
        `Flag-free GC: ${report.flagFreeGc.works ? colors.green('works') : colors.red('does not work')} (${milliseconds(report.flagFreeGc.ms)})`,
    ];
    lines.push(`Heap: ${megabytes(report.heap.heapUsed)} used of ${megabytes(report.heap.heapLimit)} limit`);
    lines.push('Capture paths:');
    for (const check of report.paths)
        lines.push(...describePath(check, colors));
    return lines.join('\n') + '\n';
}
//# sourceMappingURL=doctor-format.js.map