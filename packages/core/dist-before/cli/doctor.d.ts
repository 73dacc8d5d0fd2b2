import { type CaptureLoaders } from '../capture/select.js';
import { type SnapshotFit } from '../capture/snapshot-guard.js';
import type { CapturePath, HeapFigures } from '../capture/types.js';
import type { CliCommand } from './command.js';
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
    flagFreeGc: {
        works: boolean;
        ms: number;
    };
    heap: HeapFigures;
    paths: PathCheck[];
}
export declare function collectDoctorReport(env: Record<string, string | undefined>, loaders?: CaptureLoaders): Promise<DoctorReport>;
export declare const doctorCommand: CliCommand;
//# sourceMappingURL=doctor.d.ts.map