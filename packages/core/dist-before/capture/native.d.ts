import type { NativeBinding } from '@memscope/native';
import { type NativeLoadStatus } from '@memscope/native/loader';
import type { Capture } from './types.js';
export interface NativeCaptureOptions {
    /** Frames kept per sampled allocation (leaf first). Default 32. */
    samplingStackDepth?: number;
}
/**
 * The addon, or an Error (code ERR_MEMSCOPE_NATIVE_UNAVAILABLE) whose first
 * line says why it is unavailable: not built, built for another Node ABI,
 * failed to build, or failed to load.
 */
export declare function loadNativeBinding(): NativeBinding;
/** The same lookup, as a value: for `memscope doctor` and other reports. Never throws. */
export declare function nativeLoadStatus(): NativeLoadStatus;
/**
 * A `Capture` over the native addon. The binding is a parameter so tests can
 * run the same cases against this path and the pure-JS one.
 *
 * @example
 * const capture = createNativeCapture(loadNativeBinding());
 * capture.gc('fast');
 * console.log(capture.heapFigures().heapUsed, capture.gcTotals().count);
 */
export declare function createNativeCapture(binding: NativeBinding, options?: NativeCaptureOptions): Capture;
//# sourceMappingURL=native.d.ts.map