import type { Capture } from './types.js';
/** How to build each capture; injected so tests can run every branch. */
export interface CaptureLoaders {
    /** Loads the addon and wraps it; throws an Error saying why it cannot. */
    loadNative(): Capture;
    createJs(): Capture;
}
export interface CaptureSelection {
    capture: Capture;
    /** Why the native capture is not in use, when it was wanted but failed; null otherwise. */
    nativeFailure: string | null;
}
export declare function fallbackNotice(reason: string): string;
/**
 * Picks the capture path: `MEMSCOPE_CAPTURE=native|js` forces one; unset, the
 * addon is preferred and the pure-JS twin is the fallback that always works.
 */
export declare function selectCapture(forced: string | undefined, loaders: CaptureLoaders): CaptureSelection;
//# sourceMappingURL=select.d.ts.map