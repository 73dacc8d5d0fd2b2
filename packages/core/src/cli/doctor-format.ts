import { createColors } from 'picocolors';
import type { DoctorReport, NativeAddonReport, PathCheck } from './doctor.js';

const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
const milliseconds = (ms: number | null): string => (ms === null ? '–' : `${ms.toFixed(1)} ms`);

function describePath(check: PathCheck, colors: ReturnType<typeof createColors>): string[] {
  const label = `  ${check.path.padEnd(7)}`;
  if (check.failure !== null) return [`${label}${colors.red('unavailable')}: ${check.failure}`];
  // The addon's file is named once, on the "Native addon" line.
  const lines = [`${label}${colors.green('available')}; gc fast ${milliseconds(check.gcFastMs)}, thorough ${milliseconds(check.gcThoroughMs)}`];
  const fit = check.snapshot;
  if (fit) {
    const headroom = fit.heapHeadroomNeeded > 0 ? `, ${megabytes(fit.heapHeadroomNeeded)} heap headroom` : '';
    lines.push(
      `           snapshot guard: needs ~${megabytes(fit.estimatedBytes)}${headroom}, ` +
        `${megabytes(fit.availableBytes)} available: ${fit.fits ? colors.green('fits') : colors.red('too large')}`,
    );
  }
  if (check.heapGraphMs !== null) {
    lines.push(`           heap graph: ${milliseconds(check.heapGraphMs)} for ${check.heapGraphNodes} nodes`);
  }
  return lines;
}

function describeAddon(native: NativeAddonReport, colors: ReturnType<typeof createColors>): string[] {
  if (native.loaded) {
    const what = native.source === 'prebuilt' ? `prebuilt binary from ${native.packageName}` : `built from source in ${native.packageName}`;
    return [`Native addon: ${colors.green(what)}`, `  file: ${native.path}`];
  }
  return [
    `Native addon: ${colors.red(`not loaded (${native.reason})`)}; build it for this Node with \`npx memscope build-native\``,
    ...native.tried.map((file) => `  looked for: ${file}`),
  ];
}

/** The doctor's report as text; colour is injected so the output can be compared in tests. */
export function formatDoctorReport(report: DoctorReport, color: boolean): string {
  const colors = createColors(color);
  const selected =
    report.selected !== null
      ? colors.bold(report.selected)
      : colors.red(`none — ${report.selectionError ?? 'no capture could be created'}`);
  const forced = report.forced !== null ? ` (MEMSCOPE_CAPTURE=${report.forced})` : '';
  const lines = [
    colors.bold('memscope doctor'),
    `Node ${report.node}, V8 ${report.v8}, ABI ${report.abi}, N-API ${report.napi}, ${report.platform}`,
    `Capture in use: ${selected}${forced}`,
    `Flag-free GC: ${report.flagFreeGc.works ? colors.green('works') : colors.red('does not work')} (${milliseconds(report.flagFreeGc.ms)})`,
  ];
  lines.push(...describeAddon(report.native, colors));
  lines.push(`Heap: ${megabytes(report.heap.heapUsed)} used of ${megabytes(report.heap.heapLimit)} limit`);
  lines.push('Capture paths:');
  for (const check of report.paths) lines.push(...describePath(check, colors));
  return lines.join('\n') + '\n';
}
