import { defaultLoaders } from '../capture/index.js';
import { nativeLoadStatus } from '../capture/native.js';
import { flagFreeGc, collect } from '../capture/js/js-gc.js';
import { readHeapFigures } from '../capture/js/js.js';
import { selectCapture, type CaptureLoaders } from '../capture/select.js';
import { settle } from '../capture/settle.js';
import { measureSnapshotFit, type SnapshotFit } from '../capture/snapshot/snapshot-guard.js';
import type { Capture, CapturePath, HeapFigures } from '../capture/types.js';
import type { CliCommand } from './command.js';
import { formatDoctorReport } from './doctor-format.js';

export interface PathCheck {
  path: CapturePath;
  /** Why this path could not be created; null when it works. */
  failure: string | null;
  /** Where the addon was loaded from (native path only). */
  loadedFrom: string | null;
  gcFastMs: number | null;
  gcThoroughMs: number | null;
  heapGraphMs: number | null;
  heapGraphNodes: number | null;
  snapshot: SnapshotFit | null;
}

/** Which addon file loaded and from which package, or where the loader looked. */
export type NativeAddonReport =
  | { loaded: true; source: 'prebuilt' | 'built-from-source'; packageName: string; path: string }
  | { loaded: false; reason: string; tried: string[] };

export interface DoctorReport {
  node: string;
  v8: string;
  /** NODE_MODULE_VERSION: an addon must be built for this number. */
  abi: string;
  napi: string;
  platform: string;
  /** MEMSCOPE_CAPTURE as set, or null. */
  forced: string | null;
  /** The path getCapture() would use, or null when it would throw. */
  selected: CapturePath | null;
  selectionError: string | null;
  flagFreeGc: { works: boolean; ms: number };
  heap: HeapFigures;
  native: NativeAddonReport;
  paths: PathCheck[];
}

const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

function timeMs(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return elapsedMs(start);
}

/** Collects with the flag-free gc and checks that a dropped object really went. */
async function checkFlagFreeGc(): Promise<{ works: boolean; ms: number }> {
  const gc = flagFreeGc();
  let dropped: object | null = { probe: new Array(100).fill(0) };
  const ref = new WeakRef(dropped);
  dropped = null;
  const ms = timeMs(() => collect(gc, 'fast'));
  await new Promise((resolve) => setImmediate(resolve));
  collect(gc, 'fast');
  return { works: ref.deref() === undefined && (globalThis as { gc?: unknown }).gc === undefined, ms };
}

async function checkPath(path: CapturePath, create: () => Capture): Promise<PathCheck> {
  const check: PathCheck = {
    path, failure: null, loadedFrom: null, gcFastMs: null, gcThoroughMs: null, heapGraphMs: null, heapGraphNodes: null, snapshot: null,
  };
  let capture: Capture;
  try {
    capture = create();
  } catch (error) {
    check.failure = error instanceof Error ? error.message : String(error);
    return check;
  }
  // A path that loads but fails when used (an API a newer Node changed)
  // is reported like one that does not load, so the doctor still prints.
  try {
    await settle(capture, 'fast');
    check.gcFastMs = timeMs(() => capture.gc('fast'));
    check.gcThoroughMs = timeMs(() => capture.gc('thorough'));
    check.snapshot = measureSnapshotFit(capture);
    if (check.snapshot.fits) {
      const start = process.hrtime.bigint();
      check.heapGraphNodes = capture.heapGraph().nodeCount;
      check.heapGraphMs = elapsedMs(start);
    }
  } catch (error) {
    check.failure = `loads, but failed on Node ${process.versions.node}: ${error instanceof Error ? error.message : String(error)}`;
  }
  return check;
}

export async function collectDoctorReport(
  env: Record<string, string | undefined>,
  loaders: CaptureLoaders = defaultLoaders,
): Promise<DoctorReport> {
  const forced = env.MEMSCOPE_CAPTURE ?? null;
  let selected: CapturePath | null = null;
  let selectionError: string | null = null;
  try {
    selected = selectCapture(forced ?? undefined, loaders).capture.path;
  } catch (error) {
    selectionError = error instanceof Error ? error.message : String(error);
  }
  const flagFree = await checkFlagFreeGc();
  const paths = [await checkPath('native', loaders.loadNative), await checkPath('js', loaders.createJs)];
  const status = nativeLoadStatus();
  if (status.loaded) paths[0]!.loadedFrom = status.path;
  const native: NativeAddonReport = status.loaded
    ? { loaded: true, source: status.source, packageName: status.packageName, path: status.path }
    : { loaded: false, reason: status.reason, tried: status.tried };
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
    heap: readHeapFigures(),
    native,
    paths,
  };
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Check which capture path loads here, which addon file it loaded and from where; time GC and heap graphs on each',
  usage: '[--json] [--color]',
  options: { json: { type: 'boolean' }, color: { type: 'boolean' } },
  allowPositionals: false,
  async run({ values, io }) {
    const report = await collectDoctorReport(io.env);
    if (values.json === true) {
      io.stdout.write(JSON.stringify(report, null, 2) + '\n');
    } else {
      const color = values.color === true || (io.stdout.isTTY === true && !io.env.NO_COLOR);
      io.stdout.write(formatDoctorReport(report, color));
    }
    return report.selected !== null && report.flagFreeGc.works ? 0 : 1;
  },
};
